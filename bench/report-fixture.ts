/**
 * A full report for the export benchmarks, in our own words: every cell filled, long prose in
 * 导语、一、五、六 with headings at all four levels and inserted figures, notes under the tables,
 * signed off.
 */
import { getFormat } from '../core/format/index.js';
import { emptyAgency, withTotals, type ReportData } from '../core/report/index.js';

function section(year: number, parts: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= parts; i++) {
    lines.push(`（${'一二三四五六七八九'[i - 1]}）第${i}项工作`);
    lines.push(
      `${year}年，本县围绕政务公开重点工作，全年主动公开政府信息2608条，受理依申请公开{{cell:t3.r1.total}}件，` +
        '办结{{cell:t3.r3_7.total}}件，结转下一年度办理{{cell:t3.r4.total}}件；政务新媒体发布信息1681条，编发政府公报4期。',
    );
    lines.push('1.制度建设');
    lines.push('修订主动公开目录，明确各部门公开职责和审核流程，按季度通报公开情况，对发现的问题限期整改并跟踪复查。');
    lines.push('（1）培训');
    lines.push('举办政务公开业务培训三期，覆盖全县各乡镇、街道和县直部门的信息公开工作人员。');
  }
  return lines.join('\n');
}

/** `seed` varies the figures, so that no two reports of a batch are the same. */
export function fullReport(agencyName = '某某县人民政府', year = 2024, seed = 0): ReportData {
  const cells: Record<string, number> = {};
  getFormat('2021').cells.forEach((c, i) => {
    if (!c.sumOf) cells[c.id] = c.kind === 'money' ? 177_320 + i + seed : (i * 37 + seed * 11) % 500;
  });
  return {
    format: '2021',
    year,
    agency: { ...emptyAgency(agencyName), level: 'county', website: 'www.example.gov.cn' },
    cells: withTotals('2021', cells),
    sections: {
      s1: section(year, 5),
      s5: section(year, 2),
      s6: `本年度未收取信息处理费。${section(year, 1)}`,
      note_t2: '注：本表数据为全县汇总。',
      note_t3: '注：本表数据为全县汇总。',
      note_t4: '注：本年度无因政府信息公开引起的行政诉讼败诉案件。',
    },
    notes: {},
    signoff: { preparer: '张某', reviewer: '李某', approver: '王某', date: '2025-02-05' },
    origin: 'app',
  };
}
