/**
 * The words the sample-data generator draws from: cities, company brands, industries,
 * people's names, job titles, the product catalogue, stage and activity wording.
 * Constants only; no randomness here.
 */


export interface City { zh: string; py: string; region: string; area: string; districts: string[]; weight: number }
export const CITIES: City[] = [
  { zh: '上海', py: 'sh', region: 'eastChina', area: '021', districts: ['浦东新区', '徐汇区', '闵行区', '静安区', '杨浦区'], weight: 12 },
  { zh: '杭州', py: 'hz', region: 'eastChina', area: '0571', districts: ['西湖区', '滨江区', '余杭区', '萧山区'], weight: 9 },
  { zh: '南京', py: 'nj', region: 'eastChina', area: '025', districts: ['江宁区', '鼓楼区', '建邺区', '雨花台区'], weight: 6 },
  { zh: '苏州', py: 'sz', region: 'eastChina', area: '0512', districts: ['工业园区', '高新区', '吴中区', '相城区'], weight: 6 },
  { zh: '宁波', py: 'nb', region: 'eastChina', area: '0574', districts: ['鄞州区', '北仑区', '江北区'], weight: 4 },
  { zh: '合肥', py: 'hf', region: 'eastChina', area: '0551', districts: ['蜀山区', '包河区', '高新区'], weight: 3 },
  { zh: '厦门', py: 'xm', region: 'eastChina', area: '0592', districts: ['思明区', '湖里区', '集美区'], weight: 3 },
  { zh: '济南', py: 'jn', region: 'eastChina', area: '0531', districts: ['历下区', '高新区', '槐荫区'], weight: 3 },
  { zh: '青岛', py: 'qd', region: 'eastChina', area: '0532', districts: ['崂山区', '市南区', '黄岛区'], weight: 3 },
  { zh: '无锡', py: 'wx', region: 'eastChina', area: '0510', districts: ['新吴区', '滨湖区', '梁溪区'], weight: 3 },
  { zh: '北京', py: 'bj', region: 'northChina', area: '010', districts: ['海淀区', '朝阳区', '丰台区', '亦庄经济技术开发区'], weight: 10 },
  { zh: '天津', py: 'tj', region: 'northChina', area: '022', districts: ['滨海新区', '南开区', '西青区'], weight: 4 },
  { zh: '石家庄', py: 'sjz', region: 'northChina', area: '0311', districts: ['长安区', '裕华区', '高新区'], weight: 2 },
  { zh: '太原', py: 'ty', region: 'northChina', area: '0351', districts: ['小店区', '万柏林区'], weight: 1 },
  { zh: '广州', py: 'gz', region: 'southChina', area: '020', districts: ['天河区', '黄埔区', '番禺区', '海珠区'], weight: 8 },
  { zh: '深圳', py: 'szn', region: 'southChina', area: '0755', districts: ['南山区', '福田区', '宝安区', '龙岗区'], weight: 9 },
  { zh: '东莞', py: 'dg', region: 'southChina', area: '0769', districts: ['松山湖', '长安镇', '南城街道'], weight: 3 },
  { zh: '佛山', py: 'fs', region: 'southChina', area: '0757', districts: ['顺德区', '南海区', '禅城区'], weight: 3 },
  { zh: '南宁', py: 'nn', region: 'southChina', area: '0771', districts: ['青秀区', '西乡塘区'], weight: 1 },
  { zh: '武汉', py: 'wh', region: 'centralChina', area: '027', districts: ['东湖高新区', '江汉区', '洪山区'], weight: 5 },
  { zh: '长沙', py: 'cs', region: 'centralChina', area: '0731', districts: ['岳麓区', '雨花区', '开福区'], weight: 4 },
  { zh: '郑州', py: 'zz', region: 'centralChina', area: '0371', districts: ['金水区', '郑东新区', '高新区'], weight: 3 },
  { zh: '成都', py: 'cd', region: 'southwest', area: '028', districts: ['高新区', '武侯区', '锦江区', '天府新区'], weight: 6 },
  { zh: '重庆', py: 'cq', region: 'southwest', area: '023', districts: ['渝北区', '江北区', '九龙坡区'], weight: 4 },
  { zh: '昆明', py: 'km', region: 'southwest', area: '0871', districts: ['五华区', '盘龙区'], weight: 2 },
  { zh: '贵阳', py: 'gy', region: 'southwest', area: '0851', districts: ['观山湖区', '南明区'], weight: 1 },
  { zh: '西安', py: 'xa', region: 'northwest', area: '029', districts: ['雁塔区', '高新区', '未央区'], weight: 4 },
  { zh: '兰州', py: 'lz', region: 'northwest', area: '0931', districts: ['城关区', '七里河区'], weight: 1 },
  { zh: '银川', py: 'yc', region: 'northwest', area: '0951', districts: ['金凤区', '兴庆区'], weight: 1 },
  { zh: '乌鲁木齐', py: 'wlmq', region: 'northwest', area: '0991', districts: ['天山区', '新市区'], weight: 1 },
  { zh: '沈阳', py: 'sy', region: 'northeast', area: '024', districts: ['浑南区', '和平区', '铁西区'], weight: 3 },
  { zh: '大连', py: 'dl', region: 'northeast', area: '0411', districts: ['甘井子区', '沙河口区', '金州区'], weight: 2 },
  { zh: '长春', py: 'cc', region: 'northeast', area: '0431', districts: ['朝阳区', '南关区', '汽车经济技术开发区'], weight: 2 },
  { zh: '哈尔滨', py: 'hrb', region: 'northeast', area: '0451', districts: ['南岗区', '松北区', '香坊区'], weight: 1 },
];
export const TEAM_OF_REGION: Record<string, 'team1' | 'team2'> = {
  eastChina: 'team1', centralChina: 'team1', northChina: 'team1',
  southChina: 'team2', southwest: 'team2', northwest: 'team2', northeast: 'team2',
};
export const ROADS = ['科技路', '人民路', '建设路', '中山路', '解放路', '长江路', '创新大道', '学院路', '文化路', '新华路', '金融街', '高新大道', '滨江大道', '黄河路', '东方路', '软件园路'];
export const BUILDINGS = ['', '', '', '科技大厦', '创新中心', '国际广场', '软件园', '产业园', '商务中心'];

export const BRANDS: [string, string][] = [
  ['云帆', 'yunfan'], ['华信', 'huaxin'], ['中科', 'zhongke'], ['博远', 'boyuan'], ['瑞达', 'ruida'], ['恒通', 'hengtong'],
  ['鼎盛', 'dingsheng'], ['汇智', 'huizhi'], ['天启', 'tianqi'], ['新锐', 'xinrui'], ['星辰', 'xingchen'], ['金桥', 'jinqiao'],
  ['宏达', 'hongda'], ['远景', 'yuanjing'], ['卓越', 'zhuoyue'], ['联创', 'lianchuang'], ['凯瑞', 'kairui'], ['海纳', 'haina'],
  ['明德', 'mingde'], ['安和', 'anhe'], ['嘉禾', 'jiahe'], ['智远', 'zhiyuan'], ['睿思', 'ruisi'], ['思源', 'siyuan'],
  ['同舟', 'tongzhou'], ['启明', 'qiming'], ['万象', 'wanxiang'], ['锦程', 'jincheng'], ['永信', 'yongxin'], ['华拓', 'huatuo'],
  ['鸿图', 'hongtu'], ['盛景', 'shengjing'], ['优联', 'youlian'], ['创芯', 'chuangxin'], ['博能', 'boneng'], ['精工', 'jinggong'],
  ['蓝海', 'lanhai'], ['银河', 'yinhe'], ['长风', 'changfeng'], ['青云', 'qingyun'], ['德润', 'derun'], ['信达', 'xinda'],
  ['九州', 'jiuzhou'], ['晨光', 'chenguang'], ['百川', 'baichuan'], ['泰和', 'taihe'], ['易达', 'yida'], ['新元', 'xinyuan'],
  ['中联', 'zhonglian'], ['华盛', 'huasheng'], ['天成', 'tiancheng'], ['瀚海', 'hanhai'], ['峰值', 'fengzhi'], ['正和', 'zhenghe'],
  ['睿达', 'ruida2'], ['众诚', 'zhongcheng'], ['弘毅', 'hongyi'], ['澜图', 'lantu'], ['致远', 'zhiyuan2'], ['普华', 'puhua'],
];

export interface IndustryProfile {
  value: string;
  weight: number;
  /** Company-name middles: [Chinese, short for the opportunity name, domain word]. */
  kinds: [string, string, string][];
  focus: string[];
  projects: string[];
}
export const INDUSTRY_PROFILES: IndustryProfile[] = [
  { value: 'internet', weight: 8, kinds: [['网络科技', '网络', 'net'], ['信息技术', '信息', 'it']], focus: ['用户增长', '数据安全', '客服效率'], projects: ['客服中心升级', '数据中台建设', '营销云平台'] },
  { value: 'software', weight: 9, kinds: [['软件', '软件', 'soft'], ['数据科技', '数据', 'data'], ['智能科技', '智能', 'ai']], focus: ['项目交付管理', '渠道伙伴管理', '订阅续费'], projects: ['CRM 系统采购', '渠道管理平台', '订阅计费系统'] },
  { value: 'manufacturing', weight: 14, kinds: [['机械制造', '机械', 'mach'], ['精密制造', '精密', 'precision'], ['电子', '电子', 'elec'], ['新材料', '材料', 'material']], focus: ['经销商管理', '售后服务', '生产与销售协同'], projects: ['经销商门户', 'MES 与 CRM 集成', '售后服务平台', '智能工厂数据采集'] },
  { value: 'finance', weight: 6, kinds: [['融资租赁', '租赁', 'leasing'], ['保险经纪', '保险', 'insure'], ['投资管理', '投资', 'invest']], focus: ['合规留痕', '客户经理管理', '理财顾问效率'], projects: ['客户经理工作台', '合规双录系统', '财富管理 CRM'] },
  { value: 'retail', weight: 7, kinds: [['商贸', '商贸', 'trade'], ['食品', '食品', 'food'], ['日用品', '日化', 'daily']], focus: ['门店巡检', '终端动销', '会员运营'], projects: ['门店巡检系统', '经销商订货平台', '会员营销系统'] },
  { value: 'healthcare', weight: 7, kinds: [['医疗器械', '医疗', 'med'], ['生物科技', '生物', 'bio'], ['医药', '医药', 'pharma']], focus: ['医院客户覆盖', '学术推广合规', '设备装机与维保'], projects: ['医药代表管理系统', '设备维保平台', '学术会议管理'] },
  { value: 'education', weight: 4, kinds: [['教育科技', '教育', 'edu'], ['职业培训', '培训', 'training']], focus: ['招生转化', '课程顾问管理', '续费率'], projects: ['招生 CRM', '课程顾问移动端', '校区管理系统'] },
  { value: 'logistics', weight: 6, kinds: [['物流', '物流', 'logistics'], ['供应链管理', '供应链', 'scm'], ['国际货运代理', '货代', 'freight']], focus: ['大客户运价管理', '运单可视化', '司机与车辆管理'], projects: ['运价报价系统', '客户门户', '运输管理系统'] },
  { value: 'energy', weight: 6, kinds: [['新能源', '新能源', 'energy'], ['化工', '化工', 'chem'], ['能源科技', '能源', 'power']], focus: ['项目型销售', '安全生产', '渠道返利'], projects: ['项目型销售管理', '光伏电站运维平台', '渠道返利系统'] },
  { value: 'construction', weight: 5, kinds: [['建设工程', '建设', 'build'], ['建筑设计', '设计', 'design'], ['置业', '置业', 'estate']], focus: ['投标管理', '项目回款', '客户关系维护'], projects: ['投标与合同管理', '案场客户管理', '工程项目回款管理'] },
  { value: 'government', weight: 3, kinds: [['公用事业发展', '公用事业', 'public'], ['城市建设投资', '城投', 'ucic'], ['水务', '水务', 'water']], focus: ['政务服务', '市民热线', '资产运营'], projects: ['客户服务中心', '智慧水务平台', '资产运营管理系统'] },
  { value: 'automotive', weight: 5, kinds: [['汽车零部件', '汽配', 'auto'], ['汽车电子', '汽车电子', 'autoelec'], ['新能源汽车销售服务', '汽车销售', 'motor']], focus: ['主机厂项目管理', '4S 店客户管理', '售后配件'], projects: ['主机厂项目管理系统', '经销商 DMS 集成', '配件订货平台'] },
];

export const SURNAMES: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['潘', 'pan'], ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'],
  ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['沈', 'shen'],
];
export const GIVEN_NAMES: [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀英', 'xiuying'], ['华', 'hua'], ['慧', 'hui'], ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'], ['海燕', 'haiyan'], ['文博', 'wenbo'],
  ['子豪', 'zihao'], ['雨萱', 'yuxuan'], ['思远', 'siyuan'], ['俊杰', 'junjie'], ['嘉怡', 'jiayi'], ['浩然', 'haoran'], ['晨', 'chen'], ['婷', 'ting'],
  ['鹏', 'peng'], ['宇', 'yu'], ['欣怡', 'xinyi'], ['佳琪', 'jiaqi'], ['国栋', 'guodong'], ['立新', 'lixin'], ['春梅', 'chunmei'], ['振华', 'zhenhua'],
  ['凯', 'kai'], ['琳', 'lin'], ['斌', 'bin'], ['红梅', 'hongmei'], ['瑞', 'rui'], ['博', 'bo'], ['倩', 'qian'], ['亮', 'liang'],
  ['晓燕', 'xiaoyan'], ['永刚', 'yonggang'], ['丹', 'dan'], ['雪', 'xue'], ['志远', 'zhiyuan'], ['一鸣', 'yiming'], ['梓涵', 'zihan'], ['建军', 'jianjun'],
];
export const TITLES: [string, string, number][] = [
  ['总经理', '总经办', 2], ['副总经理', '总经办', 3], ['信息中心主任', '信息技术部', 4], ['IT 经理', '信息技术部', 6], ['采购经理', '采购部', 6],
  ['采购总监', '采购部', 3], ['财务总监', '财务部', 3], ['财务经理', '财务部', 3], ['运营总监', '运营部', 3], ['销售总监', '销售部', 4],
  ['市场经理', '市场部', 3], ['技术总监', '技术部', 3], ['项目经理', '信息技术部', 5], ['系统工程师', '信息技术部', 4], ['行政主管', '行政部', 2],
  ['人力资源经理', '人力资源部', 2], ['客服经理', '客户服务部', 2], ['生产经理', '生产部', 2],
];


export const PRODUCTS: [string, string, string, number, string][] = [
  ['SW-CRM-STD', '智能 CRM 标准版', 'software', 58000, '套'],
  ['SW-CRM-ENT', '智能 CRM 企业版', 'software', 128000, '套'],
  ['SW-ERP-FIN', 'ERP 财务模块', 'software', 86000, '套'],
  ['SW-SCM', '供应链管理模块', 'software', 96000, '套'],
  ['SW-BI', '数据分析平台', 'software', 158000, '套'],
  ['SW-OA-MOB', '移动审批套件', 'software', 36000, '套'],
  ['SAAS-CRM-STD', '销售云 标准版订阅', 'saas', 1200, '用户·年'],
  ['SAAS-CRM-PRO', '销售云 专业版订阅', 'saas', 2400, '用户·年'],
  ['SAAS-CRM-ULT', '销售云 旗舰版订阅', 'saas', 4800, '用户·年'],
  ['SAAS-STO-1T', '云存储扩容 1TB', 'saas', 3600, 'TB·年'],
  ['SAAS-SMS-10K', '短信通知包 1 万条', 'saas', 450, '包'],
  ['SAAS-API-1M', 'API 调用包 100 万次', 'saas', 5000, '包'],
  ['HW-SRV-2U', '机架式服务器 2U', 'hardware', 68000, '台'],
  ['HW-STO-ARR', '企业级存储阵列', 'hardware', 185000, '台'],
  ['HW-IOT-GW', '工业物联网网关', 'hardware', 8800, '台'],
  ['HW-PDA', '手持扫码终端 PDA', 'hardware', 3200, '台'],
  ['HW-TAB-IND', '三防工业平板', 'hardware', 6800, '台'],
  ['HW-SW-48', '48 口千兆交换机', 'hardware', 12800, '台'],
  ['SV-IMPL', '实施服务', 'service', 2800, '人天'],
  ['SV-DEV', '定制开发', 'service', 3200, '人天'],
  ['SV-MIG', '数据迁移服务', 'service', 45000, '项'],
  ['SV-INT', '系统集成服务', 'service', 88000, '项'],
  ['SV-INSP', '上门巡检服务', 'service', 3500, '次'],
  ['SP-STD', '标准运维支持', 'support', 30000, '年'],
  ['SP-PREM', '7×24 高级支持', 'support', 80000, '年'],
  ['SP-ONSITE', '驻场运维', 'support', 26000, '人月'],
  ['TR-ADMIN', '系统管理员培训', 'training', 3000, '人次'],
  ['TR-USER', '最终用户培训', 'training', 8000, '场'],
  ['TR-CUSTOM', '定制化培训课程', 'training', 12000, '天'],
  ['TR-CERT', '认证顾问培训', 'training', 6000, '人次'],
];
/** Kept in the catalogue for old quotes, no longer sold. */

export const USER_NAMES: Record<string, [string, string]> = {
  admin: ['系统管理员', 'Administrator'],
  director: ['周建国', 'Zhou Jianguo'],
  manager1: ['王海涛', 'Wang Haitao'],
  manager2: ['李静', 'Li Jing'],
  rep1: ['张伟', 'Zhang Wei'],
  rep2: ['刘洋', 'Liu Yang'],
  rep3: ['陈晨', 'Chen Chen'],
  rep4: ['杨帆', 'Yang Fan'],
  rep5: ['赵敏', 'Zhao Min'],
  rep6: ['黄磊', 'Huang Lei'],
  rep7: ['吴婷', 'Wu Ting'],
  rep8: ['孙鹏', 'Sun Peng'],
  rep9: ['徐倩', 'Xu Qian'],
  rep10: ['马超', 'Ma Chao'],
};

export const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '152', '158', '159', '186', '187', '188', '189', '133', '153', '177', '180', '181', '199', '131', '132', '155', '156', '185'];

export const STAGE_PROBABILITY: Record<string, number> = { prospecting: 10, qualification: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 };

export const OPEN_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation'];

export const NEXT_STEPS: Record<string, string[]> = {
  prospecting: ['约见信息中心负责人了解现状', '发送公司介绍与成功案例', '电话确认项目立项时间', '邀请参加产品线上发布会'],
  qualification: ['组织需求调研会', '确认预算与决策链', '安排产品演示', '梳理现有系统与集成需求'],
  proposal: ['提交技术方案与报价', '方案评审会答疑', '安排客户参观样板客户', '根据反馈调整报价明细'],
  negotiation: ['与采购确认合同条款', '法务审核合同', '确认付款方式与回款节点', '高层拜访推动签约'],
};

export const LOSS_REASONS = [['price', 30], ['competitor', 30], ['noBudget', 15], ['noDecision', 15], ['productFit', 7], ['other', 3]] as const;

export const TYPE_NAMES: Record<string, string[]> = {
  new: [],
  upsell: ['用户数增购', '模块扩展', '二期项目'],
  renewal: ['年度续约', '运维服务续签', '订阅续费'],
};

export const ACTIVITY_SUBJECTS: Record<string, string[]> = {
  call: ['电话沟通项目进展', '电话确认需求细节', '电话跟进报价反馈', '电话预约拜访时间', '电话回访使用情况'],
  visit: ['上门拜访信息中心', '拜访采购部门', '拜访客户高层', '现场调研业务流程', '节前客户拜访'],
  meeting: ['需求调研会', '方案评审会', '项目启动会', '商务谈判会议', '季度业务回顾会'],
  email: ['发送公司介绍与案例', '发送技术方案', '发送报价单', '发送合同草案', '发送会议纪要'],
  demo: ['产品功能演示', '移动端演示', '数据分析平台演示', '定制功能原型演示', '线上产品演示'],
};

export const ACTIVITY_NOTES: Record<string, string[]> = {
  call: ['客户表示预算已在走流程，预计下月确认。', '对方希望先看同行业案例，已答应本周发送。', '客户对价格比较敏感，需要准备分期方案。', '确认了下周拜访的时间和参会人。', '客户反馈系统运行稳定，有增购意向。'],
  visit: ['与信息中心主任面谈，了解到现有系统无法满足移动办公需求。', '拜访采购经理，确认了供应商入围流程。', '客户高层认可我们的方案方向，要求尽快出详细报价。', '实地查看了仓库和生产线，采集了集成需求。', '赠送节日礼品，维护客户关系。'],
  meeting: ['双方就需求范围达成一致，形成会议纪要。', '方案评审通过，客户提出三处修改意见。', '明确了项目里程碑和双方接口人。', '讨论了付款方式，客户希望 3-6-1 分期。', '回顾了上季度使用情况，提出新的优化需求。'],
  email: ['已发送，等待客户反馈。', '客户已回复确认收到，将转给技术团队评估。', '附上了三个同行业成功案例。', '按客户要求调整了报价明细后重新发送。', '同步会议纪要与下一步行动项。'],
  demo: ['演示了销售漏斗、报价审批和移动端拜访签到，客户反馈积极。', '客户 IT 关注权限和数据安全，现场解答。', '演示后客户要求提供测试环境。', '业务部门负责人参与演示，认可报表功能。', '演示中发现两个定制需求，需要评估工作量。'],
};

export const TASK_SUBJECTS = ['准备技术方案', '提交报价审批', '跟进合同盖章', '安排产品演示', '发送会议纪要', '确认回款进度', '整理客户需求清单', '预约高层拜访', '准备投标文件', '更新客户联系人信息', '催收回款', '组织上线培训'];
