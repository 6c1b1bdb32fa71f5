import { getFormat, type FormatId } from '../../../core/format/index.js';
import { emptyAgency, withoutTotals, type AgencyLevel, type ReportData } from '../../../core/report/index.js';
import { checkReport, type CheckOptions, type Finding } from '../../../core/rules/index.js';

export interface ReportSpec {
  format?: FormatId;
  year?: number;
  level?: AgencyLevel;
  origin?: ReportData['origin'];
  /** cells set on top of the all-zero table (undefined removes a cell: a blank) */
  cells?: Record<string, number | undefined>;
  sections?: ReportData['sections'];
}

/** Prose that every rule accepts, for a report of `year` (our own wording). */
export function cleanSections(year: number): ReportData['sections'] {
  return {
    s1: [
      `${year}年，本镇认真贯彻政府信息公开条例，各项工作有序推进。`,
      '（一）主动公开',
      '全年在镇政府网站主动公开政府信息120条。',
      '（二）依申请公开',
      '全年收到政府信息公开申请{{cell:t3.r1.total}}件，均在法定期限内答复。',
      '（三）政府信息管理',
      '健全信息发布审核制度，定期清理过期信息。',
      '（四）政府信息公开平台建设',
      '完善镇政府网站信息公开专栏。',
      '（五）监督保障',
      '将政务公开纳入年度工作考核，开展社会评议，本年度未发生责任追究情况。',
    ].join('\n'),
    s5: `存在的问题：公开内容不够丰富，解读形式单一。改进情况：${year + 1}年，本镇将加强业务培训，丰富公开形式。`,
    s6: `本年度未收取信息处理费。本报告统计期限为${year}年1月1日至${year}年12月31日。`,
  };
}

/** A report every rule accepts: all figures 0, prose as cleanSections, then the spec's changes. */
export function makeReport(spec: ReportSpec = {}): ReportData {
  const format = spec.format ?? '2021';
  const year = spec.year ?? (format === '2021' ? 2021 : 2020);
  const origin = spec.origin ?? 'imported';
  const def = getFormat(format);
  const cells: Record<string, number> = {};
  for (const c of def.cells) if (origin === 'imported' || !c.sumOf) cells[c.id] = 0;
  for (const [id, v] of Object.entries(spec.cells ?? {})) {
    if (v === undefined) delete cells[id];
    else cells[id] = v;
  }
  return {
    format,
    year,
    agency: { ...emptyAgency('测试镇人民政府'), level: spec.level ?? 'township' },
    cells,
    sections: spec.sections ?? cleanSections(year),
    notes: {},
    origin,
  };
}

/** Figures that satisfy every table rule: 10 new + 2 carried = 9 concluded + 3 carried over. */
export const CONSISTENT_T3: Record<string, number> = {
  't3.r1.np': 8, 't3.r1.biz': 2, 't3.r1.total': 10,
  't3.r2.np': 2, 't3.r2.total': 2,
  't3.r3_1.np': 5, 't3.r3_1.total': 5,
  't3.r3_2.biz': 1, 't3.r3_2.total': 1,
  't3.r3_4_1.np': 2, 't3.r3_4_1.biz': 1, 't3.r3_4_1.total': 3,
  't3.r3_7.np': 7, 't3.r3_7.biz': 2, 't3.r3_7.total': 9,
  't3.r4.np': 3, 't3.r4.total': 3,
};

export function findings(report: ReportData, options?: CheckOptions): Finding[] {
  return checkReport(report, options);
}

export function byRule(report: ReportData, ruleId: string, options?: CheckOptions): Finding[] {
  return checkReport(report, options).filter((f) => f.ruleId === ruleId);
}

/** The app's computed cells dropped: what a clerk types. */
export function typedOnly(cells: Record<string, number>, format: FormatId = '2021'): Record<string, number> {
  return withoutTotals(format, cells);
}
