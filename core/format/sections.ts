import type { SectionDef, TableId } from './types.js';

/**
 * The six sections, titles exactly as spec §1.2 (identical in the 2019 and 2021 formats).
 * A heading is printed as numeral + 、 + title, e.g. 「一、总体情况」.
 */
export const SECTIONS: readonly SectionDef[] = [
  { key: 's1', numeral: '一', title: '总体情况', kind: 'prose' },
  { key: 's2', numeral: '二', title: '主动公开政府信息情况', kind: 'table', table: 't2', short: '主动公开' },
  { key: 's3', numeral: '三', title: '收到和处理政府信息公开申请情况', kind: 'table', table: 't3', short: '依申请公开' },
  { key: 's4', numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', kind: 'table', table: 't4', short: '复议、诉讼' },
  { key: 's5', numeral: '五', title: '存在的主要问题及改进情况', kind: 'prose' },
  { key: 's6', numeral: '六', title: '其他需要报告的事项', kind: 'prose' },
];

export function sectionHeading(section: SectionDef): string {
  return `${section.numeral}、${section.title}`;
}

/** The section that holds a table (表三 is section 三). */
export function sectionOfTable(table: TableId): SectionDef {
  return SECTIONS.find((s) => s.table === table)!;
}

/** How a table is called, after the section that holds it: 「表二」「表三」「表四」. */
export function tableName(table: TableId): string {
  return `表${sectionOfTable(table).numeral}`;
}

/**
 * Sub-topics the 2021 notice names for 一、总体情况 (spec §1.1–1.2). The last one is required
 * of people's governments only (townships, streets, county governments).
 */
export const OVERVIEW_TOPICS: readonly { title: string; keywords: string[]; governmentsOnly?: boolean }[] = [
  { title: '主动公开', keywords: ['主动公开'] },
  { title: '依申请公开', keywords: ['依申请公开', '依申请', '申请公开'] },
  { title: '政府信息管理', keywords: ['政府信息管理', '信息管理'] },
  { title: '政府信息公开平台建设', keywords: ['平台建设', '公开平台'] },
  { title: '监督保障', keywords: ['监督保障'] },
  {
    title: '工作考核、社会评议和责任追究结果情况',
    keywords: ['工作考核', '社会评议', '责任追究'],
    governmentsOnly: true,
  },
];
