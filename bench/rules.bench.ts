/**
 * The rule engine on a full report: every cell filled, long prose in 导语、一、五、六 with
 * figures, breakdowns and years, last year's report given so that every rule runs.
 * Budget: 1 ms median per check (the window re-checks on every edit).
 */
import { getFormat, t3ResultRowKeys, T3_OPEN_COLUMNS } from '../core/format/index.js';
import { emptyAgency, withTotals, type ReportData } from '../core/report/index.js';
import { checkReport } from '../core/rules/index.js';
import { finish, median, percentile, report } from './budget.js';

const MEDIAN_BUDGET_MS = 1;
const WARMUP = 300;
const RUNS = 3000;

/**
 * Every cell filled with a figure that satisfies the table rules: typed cells from a fixed
 * pseudo-random sequence, 四 = 一 + 二 − （七）总计 per column, totals computed.
 */
function fullCells(seed: number, origin: ReportData['origin']): Record<string, number> {
  let x = seed;
  const next = (n: number) => (x = (x * 1103515245 + 12345) % 2147483648) % n;
  const typed: Record<string, number> = {};
  for (const c of getFormat('2021').cells) {
    if (c.sumOf) continue;
    typed[c.id] = c.kind === 'money' ? 177_320_000 + next(9999) : next(c.table === 't3' ? 6 : 40);
  }
  for (const col of T3_OPEN_COLUMNS) {
    const concluded = t3ResultRowKeys('2021').reduce((s, row) => s + typed[`t3.${row}.${col}`]!, 0);
    typed[`t3.r1.${col}`] = concluded + next(5);
    typed[`t3.r4.${col}`] = typed[`t3.r1.${col}`]! + typed[`t3.r2.${col}`]! - concluded;
  }
  for (const row of ['reg', 'norm']) typed[`t2.${row}.valid`] = typed[`t2.${row}.made`]! + 100;
  return origin === 'app' ? typed : withTotals('2021', typed);
}

/** Our own filler prose, about the size of a county report's sections. */
function prose(year: number, paragraphs: number): string {
  const para = [
    `${year}年，本县围绕政务公开重点工作，主动公开政府信息2608条，其中政策文件312条、解读信息207条、其他信息2089条。`,
    '全年受理依申请公开事项{{cell:t3.r1.total}}件，上年结转{{cell:t3.r2.total}}件，办结{{cell:t3.r3_7.total}}件，结转下一年度办理{{cell:t3.r4.total}}件。',
    '政务新媒体发布信息1681条，微博发布信息322条，拍摄政务小视频20多期；编发政府公报4期，设置政务公开专窗七十八个。',
    '评价总数251326条，其中主动评价245621条（其中好评245621条，好评率100%），主动评价率97.73%。',
    '（一）主动公开 （二）依申请公开 （三）政府信息管理 （四）政府信息公开平台建设 （五）监督保障：开展工作考核和社会评议，未发生责任追究。',
  ].join('');
  return Array.from({ length: paragraphs }, () => para).join('\n');
}

function makeFull(year: number, origin: ReportData['origin']): ReportData {
  return {
    format: '2021',
    year,
    agency: { ...emptyAgency('某县人民政府'), level: 'county' },
    cells: fullCells(year, origin),
    sections: {
      intro: `本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为${year}年1月1日至${year}年12月31日。`,
      s1: prose(year, 10),
      s5: prose(year, 4).replaceAll(`${year}年，本县`, `${year + 1}年，本县将`),
      s6: `本年度未收取信息处理费。${prose(year, 2)}`,
      note_t3: '表中数据为全县汇总。',
    },
    notes: {},
    origin,
  };
}

function measure(name: string, run: () => unknown): void {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  report(`${name} median`, median(times), MEDIAN_BUDGET_MS);
  // the budget is on the median; the tail is printed for information (it follows the machine's load)
  console.log(`  p95 ${percentile(times, 95).toFixed(3)} ms`);
}

const previous = makeFull(2022, 'imported');
const imported = makeFull(2023, 'imported');
const app = makeFull(2023, 'app');
const chars = ['intro', 's1', 's5', 's6'].reduce((n, k) => n + (imported.sections[k as 's1']?.length ?? 0), 0);
console.log(`report: ${Object.keys(imported.cells).length} cells, ${chars} characters of prose, ${checkReport(imported, { previous }).length} findings`);

measure('checkReport, imported report + last year', () => checkReport(imported, { previous }));
measure('checkReport, report made in the app + last year', () => checkReport(app, { previous }));
measure('checkReport, no last year', () => checkReport(imported));
finish();
