import { getFormat } from '../../../core/format/index.js';

/**
 * A 2024 report (2021 format) that passes the export gate, as plain data: every cell filled and
 * the 勾稽关系 holding (5 received + 1 carried = 4 concluded + 2 carried on), with prose that
 * covers what 一 must cover. Shared by the service tests and the end-to-end test (no Node here).
 */
export function signableCells(overrides: Record<string, number> = {}): Record<string, number> {
  const values: Record<string, number> = {};
  for (const c of getFormat('2021').cells) if (!c.sumOf) values[c.id] = 0;
  return {
    ...values,
    't2.norm.made': 3,
    't2.norm.valid': 41,
    't2.lic.decisions': 1288,
    't3.r1.np': 5,
    't3.r2.np': 1,
    't3.r3_1.np': 3,
    't3.r3_2.np': 1,
    't3.r4.np': 2,
    ...overrides,
  };
}

/** 一 with the five parts the format names, 五 and 六; `lead` is the first sentence of 一. */
export function signableProse(lead: string): { s1: string; s5: string; s6: string } {
  return {
    s1: [
      lead,
      '（一）主动公开',
      '通过门户网站主动公开政府信息，及时更新机构职能、财政预决算等内容。',
      '（二）依申请公开',
      '严格按照法定时限答复申请。',
      '（三）政府信息管理',
      '定期清理已公开信息，动态更新公开目录。',
      '（四）政府信息公开平台建设',
      '维护门户网站信息公开专栏，栏目设置规范。',
      '（五）监督保障',
      '将政务公开纳入年度绩效考核，开展社会评议，本年度未发生责任追究情况。',
    ].join('\n'),
    s5: '（一）存在的问题\n信息更新还不够及时。\n（二）改进情况\n2025年将加强培训。',
    s6: '本年度未收取信息处理费。',
  };
}
