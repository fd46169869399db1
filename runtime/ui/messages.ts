/** The renderer's own UI strings; field and entity labels come from the definitions. */
import type { UiLocale } from './types.js';

const zhCN = {
  yes: '是',
  no: '否',
  select: '请选择',
  searchToFind: '输入名称搜索',
  searching: '搜索中…',
  noMatches: '没有匹配的记录',
  noFiles: '暂无文件',
  computed: '系统计算',
  required: '请填写{label}',
  search: '搜索{label}',
  reset: '重置',
  from: '开始日期',
  to: '截止',
  owner: '负责人',
  total: '共 {total} 条',
  updatedAt: '最后修改',
  createdAt: '创建时间',
  formErrors: '请修正标出的字段',
  saveRecordFirst: '保存记录后可在此查看相关记录',
  empty: '暂无数据',
  moreFilters: '筛选',
} as const;

type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  yes: 'Yes',
  no: 'No',
  select: 'Select',
  searchToFind: 'Type to search',
  searching: 'Searching…',
  noMatches: 'No matching records',
  noFiles: 'No files',
  computed: 'Calculated',
  required: '{label} is required',
  search: 'Search {label}',
  reset: 'Reset',
  from: 'From',
  to: 'until',
  owner: 'Owner',
  total: '{total} records',
  updatedAt: 'Last modified',
  createdAt: 'Created',
  formErrors: 'Please correct the highlighted fields',
  saveRecordFirst: 'Save the record to see related records here',
  empty: 'No data',
  moreFilters: 'Filters',
};

const dictionaries: Record<UiLocale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type { MessageKey };

export function uiText(locale: UiLocale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
