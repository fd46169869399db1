/**
 * Generates the sample data of the b2b-crm template: plausible Chinese B2B
 * sales records (accounts, contacts, leads, opportunities, quotes, contracts,
 * payments, activities, tasks) over 2025-06-01 … 2026-11-30.
 *
 * Deterministic: a fixed seed and a fixed "as of" date, no clock, no
 * Math.random. Run with `npx tsx templates/b2b-crm/scripts/generate-sample-data.ts`
 * and commit the JSON it writes to `sample-data/`.
 *
 * Records carry a stable string `id`, fields by API name, lookups as the
 * target record's `id` and `owner` as a demo user id. Computed fields
 * (formula, roll-up, auto-number) are left out: the save pipeline fills them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../../runtime/seededRandom.js';

const SEED = 20250601;
/** The day the data is "as of": closed deals before it, open deals and planned payments after it. */
export const AS_OF = '2026-06-01';
const FIRST_DAY = '2025-06-01';
const LAST_DAY = '2026-11-30';

type Rec = { id: string; [field: string]: string | number | boolean | null };

// ------------------------------------------------------------------ random

const mulberry32 = seededRandom;
const rand = mulberry32(SEED);
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const chance = (p: number) => rand() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
function weighted<T>(entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}
function sample<T>(items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const id = (prefix: string, n: number) => `${prefix}-${pad(n, 4)}`;

// ------------------------------------------------------------------ dates (calendar days, UTC arithmetic)

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => toDate(toTime(d) + n * DAY);
const daysBetween = (a: string, b: string) => Math.round((toTime(b) - toTime(a)) / DAY);
const clampDate = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);
const randomDate = (min: string, max: string) => addDays(min, int(0, daysBetween(min, max)));
const isWeekend = (d: string) => [0, 6].includes(new Date(toTime(d)).getUTCDay());
function workday(min: string, max: string): string {
  for (let i = 0; i < 20; i++) {
    const d = randomDate(min, max);
    if (!isWeekend(d)) return d;
  }
  return randomDate(min, max);
}
/** A Shanghai office-hours timestamp on that day. */
const officeTime = (d: string) => `${d}T${pad(int(9, 17), 2)}:${pick(['00', '15', '30', '45'])}:00+08:00`;

// ------------------------------------------------------------------ users and teams

interface DemoUser {
  id: string;
  name: { 'zh-CN': string; en: string };
  email: string;
  role: 'rep' | 'manager' | 'director' | 'admin';
  manager?: string;
  team?: string;
}
const USER_NAMES: Record<string, [string, string]> = {
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
const TEAM1 = ['rep1', 'rep2', 'rep3', 'rep4', 'rep5'];
const TEAM2 = ['rep6', 'rep7', 'rep8', 'rep9', 'rep10'];
const USERS: DemoUser[] = Object.entries(USER_NAMES).map(([uid, [zh, en]]) => {
  const user: DemoUser = { id: uid, name: { 'zh-CN': zh, en }, email: `${uid}@demo.local`, role: 'rep' };
  if (uid === 'admin') user.role = 'admin';
  else if (uid === 'director') {
    user.role = 'director';
    user.team = 'sales'; // the sales department, parent of both teams
  }
  else if (uid.startsWith('manager')) {
    user.role = 'manager';
    user.manager = 'director';
    user.team = uid === 'manager1' ? 'team1' : 'team2';
  } else {
    user.manager = TEAM1.includes(uid) ? 'manager1' : 'manager2';
    user.team = TEAM1.includes(uid) ? 'team1' : 'team2';
  }
  return user;
});
/** Uneven on purpose: top performers carry more accounts. */
const REP_WEIGHT: Record<string, number> = { rep1: 14, rep2: 11, rep3: 10, rep4: 8, rep5: 7, rep6: 13, rep7: 11, rep8: 10, rep9: 9, rep10: 7 };
/** Another rep of the owner's team (deals handed over, shared accounts). */
const teammate = (owner: string) => pick(TEAM2.includes(owner) || owner === 'manager2' ? TEAM2 : TEAM1);
function ownerFor(team: 'team1' | 'team2'): string {
  const r = rand();
  if (r < 0.01) return 'director';
  if (r < 0.05) return team === 'team1' ? 'manager1' : 'manager2';
  const reps = team === 'team1' ? TEAM1 : TEAM2;
  return weighted(reps.map((rep) => [rep, REP_WEIGHT[rep]] as const));
}

// ------------------------------------------------------------------ vocabulary

interface City { zh: string; py: string; region: string; area: string; districts: string[]; weight: number }
const CITIES: City[] = [
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
const TEAM_OF_REGION: Record<string, 'team1' | 'team2'> = {
  eastChina: 'team1', centralChina: 'team1', northChina: 'team1',
  southChina: 'team2', southwest: 'team2', northwest: 'team2', northeast: 'team2',
};
const ROADS = ['科技路', '人民路', '建设路', '中山路', '解放路', '长江路', '创新大道', '学院路', '文化路', '新华路', '金融街', '高新大道', '滨江大道', '黄河路', '东方路', '软件园路'];
const BUILDINGS = ['', '', '', '科技大厦', '创新中心', '国际广场', '软件园', '产业园', '商务中心'];

const BRANDS: [string, string][] = [
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

interface IndustryProfile {
  value: string;
  weight: number;
  /** Company-name middles: [Chinese, short for the opportunity name, domain word]. */
  kinds: [string, string, string][];
  focus: string[];
  projects: string[];
}
const INDUSTRY_PROFILES: IndustryProfile[] = [
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

const SURNAMES: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['潘', 'pan'], ['袁', 'yuan'], ['蔡', 'cai'], ['蒋', 'jiang'], ['余', 'yu'],
  ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'], ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['沈', 'shen'],
];
const GIVEN_NAMES: [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀英', 'xiuying'], ['华', 'hua'], ['慧', 'hui'], ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'], ['海燕', 'haiyan'], ['文博', 'wenbo'],
  ['子豪', 'zihao'], ['雨萱', 'yuxuan'], ['思远', 'siyuan'], ['俊杰', 'junjie'], ['嘉怡', 'jiayi'], ['浩然', 'haoran'], ['晨', 'chen'], ['婷', 'ting'],
  ['鹏', 'peng'], ['宇', 'yu'], ['欣怡', 'xinyi'], ['佳琪', 'jiaqi'], ['国栋', 'guodong'], ['立新', 'lixin'], ['春梅', 'chunmei'], ['振华', 'zhenhua'],
  ['凯', 'kai'], ['琳', 'lin'], ['斌', 'bin'], ['红梅', 'hongmei'], ['瑞', 'rui'], ['博', 'bo'], ['倩', 'qian'], ['亮', 'liang'],
  ['晓燕', 'xiaoyan'], ['永刚', 'yonggang'], ['丹', 'dan'], ['雪', 'xue'], ['志远', 'zhiyuan'], ['一鸣', 'yiming'], ['梓涵', 'zihan'], ['建军', 'jianjun'],
];
const TITLES: [string, string, number][] = [
  ['总经理', '总经办', 2], ['副总经理', '总经办', 3], ['信息中心主任', '信息技术部', 4], ['IT 经理', '信息技术部', 6], ['采购经理', '采购部', 6],
  ['采购总监', '采购部', 3], ['财务总监', '财务部', 3], ['财务经理', '财务部', 3], ['运营总监', '运营部', 3], ['销售总监', '销售部', 4],
  ['市场经理', '市场部', 3], ['技术总监', '技术部', 3], ['项目经理', '信息技术部', 5], ['系统工程师', '信息技术部', 4], ['行政主管', '行政部', 2],
  ['人力资源经理', '人力资源部', 2], ['客服经理', '客户服务部', 2], ['生产经理', '生产部', 2],
];

interface Person { name: string; email: string }
const usedEmails = new Set<string>();
function person(domain: string): Person {
  const [sz, sp] = pick(SURNAMES);
  const [gz, gp] = pick(GIVEN_NAMES);
  let local = `${gp}.${sp}`;
  for (let n = 2; usedEmails.has(`${local}@${domain}`); n++) local = `${gp}.${sp}${n}`;
  usedEmails.add(`${local}@${domain}`);
  return { name: sz + gz, email: `${local}@${domain}` };
}
const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '152', '158', '159', '186', '187', '188', '189', '133', '153', '177', '180', '181', '199', '131', '132', '155', '156', '185'];
const mobile = () => `${pick(MOBILE_PREFIXES)}${pad(int(0, 99_999_999), 8)}`;
const landline = (city: City) => `${city.area}-${int(5, 8)}${pad(int(0, 9_999_999), 7)}`;

// ------------------------------------------------------------------ companies

interface Company {
  name: string;
  short: string;
  city: City;
  industry: IndustryProfile;
  domain: string;
}
const usedCompanyNames = new Set<string>();
const usedDomains = new Set<string>();
function company(): Company {
  for (;;) {
    const city = weighted(CITIES.map((c) => [c, c.weight] as const));
    const industry = weighted(INDUSTRY_PROFILES.map((p) => [p, p.weight] as const));
    const [brand, brandPy] = pick(BRANDS);
    const [kind, kindShort, kindWord] = pick(industry.kinds);
    const group = industry.value === 'government' || chance(0.08);
    const name = `${city.zh}${brand}${kind}${group ? '集团' : ''}${group || chance(0.5) ? '有限公司' : '股份有限公司'}`;
    if (usedCompanyNames.has(name) || usedCompanyNames.has(name.replace('股份', ''))) continue;
    usedCompanyNames.add(name);
    let domain = `${brandPy.replace(/\d$/, '')}${kindWord}.com`;
    if (usedDomains.has(domain)) domain = `${city.py}${brandPy.replace(/\d$/, '')}${kindWord}.com`;
    if (usedDomains.has(domain)) domain = `${city.py}-${brandPy.replace(/\d$/, '')}-${kindWord}.cn`;
    if (usedDomains.has(domain)) continue;
    usedDomains.add(domain);
    return { name, short: `${brand}${kindShort}`, city, industry, domain };
  }
}
const address = (city: City) =>
  `${city.zh}市${pick(city.districts)}${pick(ROADS)}${int(1, 999)}号${pick(BUILDINGS)}${chance(0.5) ? `${int(2, 28)}楼` : ''}`;

// ------------------------------------------------------------------ products

const PRODUCTS: [string, string, string, number, string][] = [
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
const DISCONTINUED = new Set(['HW-SW-48', 'SAAS-SMS-10K']);
const products: Rec[] = PRODUCTS.map(([code, name, category, unitPrice, unit], i) => ({
  id: id('prd', i + 1),
  name,
  code,
  category,
  unitPrice,
  unit,
  active: !DISCONTINUED.has(code),
}));

// ------------------------------------------------------------------ accounts and contacts

const ACCOUNT_COUNT = 226;
const accounts: Rec[] = [];
const accountCompany = new Map<string, Company>();
const accountsByTeam: Record<'team1' | 'team2', string[]> = { team1: [], team2: [] };
for (let i = 1; i <= ACCOUNT_COUNT; i++) {
  const c = company();
  const team = TEAM_OF_REGION[c.city.region];
  const owner = ownerFor(team);
  const grading = weighted([['important', 22], ['normal', 48], ['potential', 30]] as const);
  const employees = Math.round(Math.exp(Math.log(30) + rand() * (Math.log(grading === 'important' ? 30000 : 8000) - Math.log(30))) / 10) * 10 || 20;
  const revenuePerHead = int(30, 160) * 10_000;
  const rec: Rec = {
    id: id('acc', i),
    name: c.name,
    grading,
    industry: c.industry.value,
    region: c.city.region,
    lifecycleStage: 'prospect',
    phone: landline(c.city),
    website: chance(0.85) ? `https://www.${c.domain}` : null,
    address: address(c.city),
    employees,
    annualRevenue: chance(0.75) ? Math.round((employees * revenuePerHead) / 100_000) * 100_000 : null,
    description: chance(0.6)
      ? `${c.city.zh}${c.short}企业，员工约 ${employees} 人。当前关注${sample(c.industry.focus, 2).join('与')}，${pick(['已有老旧 CRM 系统待替换', '目前以 Excel 管理客户', '正在评估国产化替代方案', '集团总部统一推进数字化', '去年上线了 ERP，需要前端销售系统打通'])}。`
      : null,
    owner,
  };
  accounts.push(rec);
  accountCompany.set(rec.id, c);
  accountsByTeam[team].push(rec.id);
}
const accountById = new Map(accounts.map((a) => [a.id, a]));

const contacts: Rec[] = [];
const contactsByAccount = new Map<string, string[]>();
for (const acc of accounts) {
  const c = accountCompany.get(acc.id)!;
  const n = weighted([[1, 38], [2, 36], [3, 20], [4, 6]] as const);
  const ids: string[] = [];
  for (let k = 0; k < n; k++) {
    const p = person(c.domain);
    const [title, department] = weighted(TITLES.map(([t, d, w]) => [[t, d] as const, w] as const));
    const rec: Rec = {
      id: id('con', contacts.length + 1),
      name: p.name,
      account: acc.id,
      title,
      department,
      phone: chance(0.6) ? landline(c.city) : null,
      mobile: chance(0.92) ? mobile() : null,
      email: chance(0.85) ? p.email : null,
      isPrimary: k === 0,
      owner: acc.owner,
    };
    contacts.push(rec);
    ids.push(rec.id);
  }
  contactsByAccount.set(acc.id, ids);
}

// ------------------------------------------------------------------ opportunities

const STAGE_PROBABILITY: Record<string, number> = { prospecting: 10, qualification: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 };
const OPEN_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation'];
const NEXT_STEPS: Record<string, string[]> = {
  prospecting: ['约见信息中心负责人了解现状', '发送公司介绍与成功案例', '电话确认项目立项时间', '邀请参加产品线上发布会'],
  qualification: ['组织需求调研会', '确认预算与决策链', '安排产品演示', '梳理现有系统与集成需求'],
  proposal: ['提交技术方案与报价', '方案评审会答疑', '安排客户参观样板客户', '根据反馈调整报价明细'],
  negotiation: ['与采购确认合同条款', '法务审核合同', '确认付款方式与回款节点', '高层拜访推动签约'],
};
const LOSS_REASONS = [['price', 30], ['competitor', 30], ['noBudget', 15], ['noDecision', 15], ['productFit', 7], ['other', 3]] as const;
const TYPE_NAMES: Record<string, string[]> = {
  new: [],
  upsell: ['用户数增购', '模块扩展', '二期项目'],
  renewal: ['年度续约', '运维服务续签', '订阅续费'],
};

interface OppMeta { created: string; account: string }
const opportunities: Rec[] = [];
const oppMeta = new Map<string, OppMeta>();
const usedOppNames = new Set<string>();
const OPP_COUNT = 560;
const accountWeights = accounts.map((a) => [a.id, a.grading === 'important' ? 5 : a.grading === 'normal' ? 3 : 1] as const);
for (let i = 1; i <= OPP_COUNT; i++) {
  const accountId = weighted(accountWeights);
  const acc = accountById.get(accountId)!;
  const c = accountCompany.get(accountId)!;
  const stage = weighted([['prospecting', 13], ['qualification', 13], ['proposal', 12], ['negotiation', 10], ['won', 29], ['lost', 23]] as const);
  let closeDate: string;
  let created: string;
  if (stage === 'won' || stage === 'lost') {
    closeDate = workday(FIRST_DAY, addDays(AS_OF, -1));
    created = clampDate(addDays(closeDate, -int(25, 200)), FIRST_DAY, closeDate);
  } else {
    const [lo, hi] = { prospecting: [40, 182], qualification: [30, 160], proposal: [10, 120], negotiation: [3, 75] }[stage];
    closeDate = clampDate(addDays(AS_OF, int(lo, hi)), AS_OF, LAST_DAY);
    created = clampDate(addDays(AS_OF, -int(5, 220)), FIRST_DAY, addDays(AS_OF, -5));
  }
  const type = weighted([['new', 60], ['upsell', 25], ['renewal', 15]] as const);
  const base = type === 'new' ? pick(c.industry.projects) : pick(TYPE_NAMES[type]);
  let name = `${c.short}${base}`;
  if (usedOppNames.has(name)) name = `${c.short}${base}（${closeDate.slice(0, 4)}）`;
  for (let n = 2; usedOppNames.has(name); n++) name = `${c.short}${base}（${closeDate.slice(0, 4)}-${n}）`;
  usedOppNames.add(name);
  const scale = acc.grading === 'important' ? 1.6 : acc.grading === 'potential' ? 0.6 : 1;
  const raw = Math.exp(Math.log(50_000) + Math.pow(rand(), 1.35) * (Math.log(5_000_000) - Math.log(50_000))) * scale;
  const bounded = Math.min(5_000_000, Math.max(50_000, type === 'renewal' ? raw * 0.4 : raw));
  const amount = bounded >= 1_000_000 ? Math.round(bounded / 10_000) * 10_000 : Math.round(bounded / 1000) * 1000;
  const owner = chance(0.9) ? (acc.owner as string) : teammate(acc.owner as string);
  const rec: Rec = {
    id: id('opp', i),
    name,
    account: accountId,
    amount: stage === 'prospecting' && chance(0.2) ? null : Math.max(50_000, amount),
    closeDate,
    stage,
    probability: STAGE_PROBABILITY[stage],
    type,
    source: weighted([['website', 18], ['referral', 20], ['exhibition', 14], ['coldCall', 12], ['advertising', 8], ['partner', 16], ['socialMedia', 7], ['other', 5]] as const),
    nextStep: OPEN_STAGES.includes(stage) ? pick(NEXT_STEPS[stage]) : null,
    lossReason: stage === 'lost' ? weighted(LOSS_REASONS) : null,
    // From the record number, not the PRNG, so adding it left every other value as it was.
    grossMargin: 12 + ((opportunities.length * 7919) % 330) / 10,
    description: chance(0.55)
      ? `客户${pick(['希望', '计划', '准备'])}在${closeDate.slice(0, 4)}年${Number(closeDate.slice(5, 7))}月前完成${base}，重点关注${pick(c.industry.focus)}。${pick(['竞争对手为国际厂商。', '客户已有部分预算。', '决策人为分管副总。', '需要与现有 ERP 对接。', '客户要求本地化部署。', '计划分两期实施。'])}`
      : null,
    owner,
  };
  opportunities.push(rec);
  oppMeta.set(rec.id, { created, account: accountId });
}
const oppById = new Map(opportunities.map((o) => [o.id, o]));

// Lifecycle stage follows the deals.
for (const acc of accounts) {
  const opps = opportunities.filter((o) => o.account === acc.id);
  const won = opps.filter((o) => o.stage === 'won').length;
  const open = opps.some((o) => OPEN_STAGES.includes(o.stage as string));
  acc.lifecycleStage = won >= 2 ? 'loyal' : won === 1 ? 'customer' : open ? 'engaged' : opps.length ? (chance(0.5) ? 'churned' : 'prospect') : 'prospect';
}

// ------------------------------------------------------------------ quotes and lines

const quotes: Rec[] = [];
const quoteLines: Rec[] = [];
const quoteMeta = new Map<string, { date: string; total: number }>();
const wonRecent = opportunities.filter((o) => o.stage === 'won' && (o.closeDate as string) >= '2025-08-01');
const quotedOpps = [
  ...sample(wonRecent, 32),
  ...sample(opportunities.filter((o) => o.stage === 'negotiation'), 24),
  ...sample(opportunities.filter((o) => o.stage === 'proposal'), 18),
  ...sample(opportunities.filter((o) => o.stage === 'lost' && o.amount !== null), 7),
];
const productById = new Map(products.map((p) => [p.id, p]));
const productsByCategory = (cat: string) => products.filter((p) => p.category === cat && p.active);
const round2 = (n: number) => Math.round(n * 100) / 100;

function buildLines(quoteId: string, owner: string, target: number): number {
  const mix = pick([
    ['software', 'service', 'support', 'training'],
    ['saas', 'service', 'training'],
    ['software', 'hardware', 'service'],
    ['saas', 'saas', 'service', 'support'],
    ['hardware', 'hardware', 'service', 'support'],
    ['software', 'service'],
    ['saas', 'service'],
  ] as const).slice(0, int(2, 5));
  const chosen = [...new Set(mix.map((cat) => pick(productsByCategory(cat)).id))];
  const shares = chosen.map(() => 0.5 + rand());
  const sum = shares.reduce((s, x) => s + x, 0);
  let subtotal = 0;
  chosen.forEach((productId, k) => {
    const product = productById.get(productId)!;
    const listPrice = product.unitPrice as number;
    const unitPrice = chance(0.85) ? listPrice : round2(listPrice * pick([0.9, 0.95, 0.8]));
    const quantity = Math.max(1, Math.round((target * shares[k]) / sum / unitPrice));
    const discount = weighted([[0, 70], [5, 15], [10, 10], [15, 5]] as const);
    quoteLines.push({ id: `ql-${pad(quoteLines.length + 1, 5)}`, quote: quoteId, product: productId, quantity, unitPrice, discount, owner });
    subtotal += quantity * unitPrice * (1 - discount / 100);
  });
  return round2(subtotal);
}

quotedOpps.forEach((opp) => {
  const versions = chance(0.12) ? 2 : 1;
  for (let v = 1; v <= versions; v++) {
    const qid = id('quo', quotes.length + 1);
    const last = v === versions;
    const stage = opp.stage as string;
    let status: string;
    if (!last) status = 'rejected';
    else if (stage === 'won') status = 'accepted';
    else if (stage === 'negotiation') status = weighted([['sent', 60], ['approved', 25], ['pendingApproval', 15]] as const);
    else if (stage === 'proposal') status = weighted([['draft', 40], ['pendingApproval', 25], ['sent', 25], ['rejected', 10]] as const);
    else status = weighted([['sent', 70], ['rejected', 30]] as const);
    const date =
      stage === 'won' || stage === 'lost'
        ? clampDate(addDays(opp.closeDate as string, -int(7, 40) - (versions - v) * 14), oppMeta.get(opp.id)!.created, opp.closeDate as string)
        : clampDate(addDays(AS_OF, -int(1, 45) - (versions - v) * 14), oppMeta.get(opp.id)!.created, addDays(AS_OF, -1));
    const discount = weighted([[0, 40], [3, 10], [5, 15], [8, 10], [10, 12], [12, 5], [15, 5], [18, 2], [20, 1]] as const);
    const subtotal = buildLines(qid, opp.owner as string, ((opp.amount as number) ?? 200_000) / (1 - discount / 100));
    quotes.push({
      id: qid,
      name: `${opp.name}报价${versions > 1 ? ` V${v}` : ''}`,
      opportunity: opp.id,
      account: opp.account,
      status,
      validUntil: addDays(date, 30),
      discount,
      owner: opp.owner,
    });
    quoteMeta.set(qid, { date, total: round2(subtotal * (1 - discount / 100)) });
  }
});

// ------------------------------------------------------------------ contracts and payments

const contracts: Rec[] = [];
const payments: Rec[] = [];
const acceptedQuoteOf = new Map(quotes.filter((q) => q.status === 'accepted').map((q) => [q.opportunity as string, q]));
const contractOpps = [
  ...[...acceptedQuoteOf.keys()].map((oid) => oppById.get(oid)!),
  ...sample(opportunities.filter((o) => o.stage === 'won' && !acceptedQuoteOf.has(o.id)), 8),
].sort((a, b) => (a.closeDate as string).localeCompare(b.closeDate as string));

contractOpps.forEach((opp, k) => {
  const cid = id('ctr', k + 1);
  const quote = acceptedQuoteOf.get(opp.id);
  const amount = quote ? quoteMeta.get(quote.id)!.total : (opp.amount as number);
  const c = accountCompany.get(opp.account as string)!;
  const recent = (opp.closeDate as string) >= addDays(AS_OF, -20);
  const unsigned = recent && chance(0.8);
  const signedDate = unsigned ? null : clampDate(addDays(opp.closeDate as string, int(0, 10)), opp.closeDate as string, addDays(AS_OF, -1));
  const startDate = addDays(signedDate ?? addDays(AS_OF, 20), int(0, 15));
  const months = weighted([[6, 20], [12, 65], [24, 15]] as const);
  const endDate = addDays(startDate, Math.round((365 * months) / 12) - 1);
  const status = unsigned ? pick(['draft', 'inReview']) : endDate < AS_OF ? 'completed' : chance(0.03) ? 'terminated' : 'active';
  const base = (opp.name as string).startsWith(c.short) ? (opp.name as string).slice(c.short.length) : (opp.name as string);
  contracts.push({
    id: cid,
    name: `${c.short}${base}合同`,
    account: opp.account,
    opportunity: opp.id,
    quote: quote ? quote.id : null,
    amount,
    startDate,
    endDate,
    status,
    signedDate,
    owner: opp.owner,
  });
  if (unsigned) return;
  const plan = weighted([[[100], 55], [[50, 50], 33], [[30, 60, 10], 12]] as const);
  let remaining = amount;
  plan.forEach((pct, n) => {
    const share = n === plan.length - 1 ? round2(remaining) : round2((amount * pct) / 100);
    remaining = round2(remaining - share);
    const plannedDate = clampDate(addDays(startDate, 15 + 90 * n), startDate, LAST_DAY);
    let paymentStatus = 'planned';
    let paidDate: string | null = null;
    if (plannedDate < AS_OF && status !== 'terminated') {
      if (chance(0.9)) {
        paymentStatus = 'received';
        paidDate = clampDate(addDays(plannedDate, int(-5, 25)), signedDate!, addDays(AS_OF, -1));
      } else paymentStatus = 'overdue';
    } else if (plannedDate < AS_OF) paymentStatus = 'overdue';
    payments.push({
      id: id('pay', payments.length + 1),
      contract: cid,
      account: opp.account,
      amount: share,
      plannedDate,
      paidDate,
      status: paymentStatus,
      method: paymentStatus === 'received' || chance(0.5) ? weighted([['bankTransfer', 70], ['acceptanceBill', 20], ['check', 5], ['online', 5]] as const) : null,
      owner: opp.owner,
    });
  });
});

// ------------------------------------------------------------------ activities

const ACTIVITY_SUBJECTS: Record<string, string[]> = {
  call: ['电话沟通项目进展', '电话确认需求细节', '电话跟进报价反馈', '电话预约拜访时间', '电话回访使用情况'],
  visit: ['上门拜访信息中心', '拜访采购部门', '拜访客户高层', '现场调研业务流程', '节前客户拜访'],
  meeting: ['需求调研会', '方案评审会', '项目启动会', '商务谈判会议', '季度业务回顾会'],
  email: ['发送公司介绍与案例', '发送技术方案', '发送报价单', '发送合同草案', '发送会议纪要'],
  demo: ['产品功能演示', '移动端演示', '数据分析平台演示', '定制功能原型演示', '线上产品演示'],
};
const ACTIVITY_NOTES: Record<string, string[]> = {
  call: ['客户表示预算已在走流程，预计下月确认。', '对方希望先看同行业案例，已答应本周发送。', '客户对价格比较敏感，需要准备分期方案。', '确认了下周拜访的时间和参会人。', '客户反馈系统运行稳定，有增购意向。'],
  visit: ['与信息中心主任面谈，了解到现有系统无法满足移动办公需求。', '拜访采购经理，确认了供应商入围流程。', '客户高层认可我们的方案方向，要求尽快出详细报价。', '实地查看了仓库和生产线，采集了集成需求。', '赠送节日礼品，维护客户关系。'],
  meeting: ['双方就需求范围达成一致，形成会议纪要。', '方案评审通过，客户提出三处修改意见。', '明确了项目里程碑和双方接口人。', '讨论了付款方式，客户希望 3-6-1 分期。', '回顾了上季度使用情况，提出新的优化需求。'],
  email: ['已发送，等待客户反馈。', '客户已回复确认收到，将转给技术团队评估。', '附上了三个同行业成功案例。', '按客户要求调整了报价明细后重新发送。', '同步会议纪要与下一步行动项。'],
  demo: ['演示了销售漏斗、报价审批和移动端拜访签到，客户反馈积极。', '客户 IT 关注权限和数据安全，现场解答。', '演示后客户要求提供测试环境。', '业务部门负责人参与演示，认可报表功能。', '演示中发现两个定制需求，需要评估工作量。'],
};
const activities: Rec[] = [];
const ACTIVITY_COUNT = 820;
const activityType = () => weighted([['call', 35], ['visit', 20], ['meeting', 15], ['email', 18], ['demo', 12]] as const);
for (let i = 1; i <= ACTIVITY_COUNT; i++) {
  const type = activityType();
  let accountId: string;
  let oppId: string | null = null;
  let day: string;
  let owner: string;
  if (chance(0.75)) {
    const opp = pick(opportunities);
    oppId = opp.id;
    accountId = opp.account as string;
    owner = opp.owner as string;
    const meta = oppMeta.get(opp.id)!;
    const end = OPEN_STAGES.includes(opp.stage as string) ? addDays(AS_OF, -1) : (opp.closeDate as string);
    day = workday(meta.created, end < meta.created ? meta.created : end);
  } else {
    const acc = pick(accounts);
    accountId = acc.id;
    owner = acc.owner as string;
    day = workday(FIRST_DAY, addDays(AS_OF, -1));
  }
  const contactIds = contactsByAccount.get(accountId) ?? [];
  const contactId = contactIds.length && chance(0.85) ? pick(contactIds) : null;
  activities.push({
    id: id('act', i),
    subject: pick(ACTIVITY_SUBJECTS[type]),
    type,
    activityDate: officeTime(day),
    account: accountId,
    contact: contactId,
    opportunity: oppId,
    notes: pick(ACTIVITY_NOTES[type]),
    owner,
  });
}
activities.sort((a, b) => (a.activityDate as string).localeCompare(b.activityDate as string));
activities.forEach((a, i) => (a.id = id('act', i + 1)));

// ------------------------------------------------------------------ tasks

const TASK_SUBJECTS = ['准备技术方案', '提交报价审批', '跟进合同盖章', '安排产品演示', '发送会议纪要', '确认回款进度', '整理客户需求清单', '预约高层拜访', '准备投标文件', '更新客户联系人信息', '催收回款', '组织上线培训'];
const tasks: Rec[] = [];
const openOpps = opportunities.filter((o) => OPEN_STAGES.includes(o.stage as string));
for (let i = 1; i <= 152; i++) {
  const dueDate = workday(addDays(AS_OF, -45), addDays(AS_OF, 45));
  const past = dueDate < AS_OF;
  const status = past
    ? weighted([['done', 75], ['inProgress', 15], ['notStarted', 10]] as const)
    : weighted([['notStarted', 55], ['inProgress', 35], ['done', 10]] as const);
  let accountId: string;
  let oppId: string | null = null;
  let owner: string;
  if (chance(0.7)) {
    const opp = pick(openOpps);
    oppId = opp.id;
    accountId = opp.account as string;
    owner = opp.owner as string;
  } else {
    const acc = pick(accounts);
    accountId = acc.id;
    owner = acc.owner as string;
  }
  tasks.push({
    id: id('tsk', i),
    subject: pick(TASK_SUBJECTS),
    dueDate,
    status,
    priority: weighted([['high', 25], ['medium', 50], ['low', 25]] as const),
    relatedAccount: accountId,
    relatedOpportunity: oppId,
    description: chance(0.4) ? `${accountCompany.get(accountId)!.short}：${pick(['请在截止日前完成并在系统中更新状态。', '需要售前工程师配合。', '客户要求书面回复。', '完成后通知经理审核。'])}` : null,
    owner,
  });
}

// ------------------------------------------------------------------ leads

const leads: Rec[] = [];
for (let i = 1; i <= 124; i++) {
  const c = company();
  const team = TEAM_OF_REGION[c.city.region];
  const p = person(c.domain);
  const status = weighted([['new', 30], ['contacted', 25], ['qualified', 20], ['converted', 10], ['disqualified', 15]] as const);
  const [title] = weighted(TITLES.map(([t, d, w]) => [[t, d] as const, w] as const));
  leads.push({
    id: id('lead', i),
    name: p.name,
    company: c.name,
    title,
    phone: status === 'converted' || chance(0.85) ? mobile() : null,
    email: chance(0.7) ? p.email : null,
    source: weighted([['website', 25], ['exhibition', 20], ['advertising', 12], ['socialMedia', 12], ['coldCall', 10], ['referral', 10], ['partner', 8], ['other', 3]] as const),
    region: c.city.region,
    status,
    industry: c.industry.value,
    notes:
      status === 'disqualified'
        ? pick(['公司规模太小，暂无采购需求。', '联系方式无效，多次无法接通。', '已与竞争对手签约三年。', '个人咨询，非企业需求。', '重复线索，已合并。'])
        : chance(0.5)
          ? pick([`对${pick(c.industry.projects)}感兴趣，希望了解报价。`, '在展会上留下名片，希望安排演示。', '官网下载了白皮书。', '通过朋友推荐联系，预算待确认。', '来电咨询移动端功能。'])
          : null,
    owner: ownerFor(team),
  });
}

// ------------------------------------------------------------------ write

const outDir = fileURLToPath(new URL('../sample-data/', import.meta.url));
mkdirSync(outDir, { recursive: true });
/** One record per line (blank fields left out): compact, and diffs show which records changed. */
function write(name: string, records: readonly object[]): void {
  const line = (r: object) => JSON.stringify(r, (key, value: unknown) => (key !== '' && value === null ? undefined : value));
  writeFileSync(`${outDir}${name}.json`, `[\n${records.map(line).join(',\n')}\n]\n`);
  console.log(`${name}: ${records.length}`);
}
write('product', products);
write('account', accounts);
write('contact', contacts);
write('lead', leads);
write('opportunity', opportunities);
write('quote', quotes);
write('quoteLine', quoteLines);
write('contract', contracts);
write('payment', payments);
write('activity', activities);
write('task', tasks);
writeFileSync(fileURLToPath(new URL('../demo-users.json', import.meta.url)), `${JSON.stringify(USERS, null, 2)}\n`);
console.log(`demo users: ${USERS.length}`);
