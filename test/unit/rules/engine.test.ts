import { describe, expect, it } from 'vitest';
import { getFormat, SECTIONS } from '../../../core/format/index.js';
import { checkReport, classify, classOf, CLASS_LABELS, compareRuleIds, formatFindings, RULES, SEVERITY_LABELS, summaryText, type Finding } from '../../../core/rules/index.js';
import { exportGate, gateRefusal } from '../../../core/document/index.js';
import { byRule, cleanSections, CONSISTENT_T3, makeReport, typedOnly } from './build.js';

describe('RULES', () => {
  it('lists every rule of spec §3.1–3.6 once, and the review-grade rules of issue 12 (G-9, G-10, M-1, M-2, X-8, X-9), with a Chinese title', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort(compareRuleIds)).toEqual([
      'A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6',
      'D-1', 'D-3', 'D-4', 'D-5',
      'G-1', 'G-2', 'G-3', 'G-4', 'G-5', 'G-6', 'G-7', 'G-8', 'G-9', 'G-10',
      'L-1', 'L-2', 'L-3', 'L-4', 'L-5',
      'M-1', 'M-2',
      'P-1', 'P-2', 'P-3', 'P-4',
      'S-1', 'S-2',
      'X-1', 'X-2', 'X-3', 'X-4', 'X-5', 'X-6', 'X-7', 'X-8', 'X-9',
    ]);
    for (const r of RULES) {
      expect(Object.keys(SEVERITY_LABELS)).toContain(r.severity);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(RULES.find((r) => r.id === 'D-4')?.severity).toBe('warning');
    expect(RULES.filter((r) => r.severity === 'info').map((r) => r.id).sort(compareRuleIds)).toEqual(['A-4', 'L-4', 'P-4', 'X-4']);
  });

  it('is plain data the window can receive', () => {
    expect(JSON.parse(JSON.stringify(RULES))).toEqual(RULES);
  });
});

describe('compareRuleIds', () => {
  it('orders by letter, then by number', () => {
    expect(['G-10', 'A-3', 'G-2', 'A-10', 'D-1'].sort(compareRuleIds)).toEqual(['A-3', 'A-10', 'D-1', 'G-2', 'G-10']);
  });
});

describe('checkReport', () => {
  const messy = () =>
    makeReport({
      cells: { ...CONSISTENT_T3, 't3.r1.total': 11, 't4.rev.total': 2, 't2.reg.made': 1, 't3.r4.np': undefined },
      sections: { ...cleanSections(2021), s6: '无', s5: '2021年，我镇将改进。' },
    });

  it('gives a clean report no findings at all', () => {
    expect(checkReport(makeReport())).toEqual([]);
    expect(checkReport(makeReport({ format: '2019', year: 2020 }))).toEqual([]);
  });

  it('orders findings by section, then rule id, and gives the same list every time', () => {
    const found = checkReport(messy());
    const key = (f: Finding) => [SECTIONS.findIndex((s) => s.key === f.section), f.ruleId] as const;
    for (let i = 1; i < found.length; i++) {
      const [sa, ra] = key(found[i - 1]!);
      const [sb, rb] = key(found[i]!);
      expect(sa < sb || (sa === sb && compareRuleIds(ra, rb) <= 0)).toBe(true);
    }
    expect(found.map((f) => f.ruleId)).toEqual(['P-1', 'P-2', 'A-1', 'A-3', 'A-4', 'D-4', 'L-1', 'L-4', 'G-5', 'G-10', 'G-8']);
    expect(checkReport(messy())).toEqual(found);
  });

  it('computes the totals of a report made in the app before checking', () => {
    const confirmed = { source: '登记台账', confirmer: '赵敏', noneConfirmed: true };
    const r = { ...makeReport({ origin: 'app', cells: typedOnly(CONSISTENT_T3) }), confirmations: { t3: confirmed, t4: confirmed } };
    expect(checkReport(r)).toEqual([expect.objectContaining({ ruleId: 'A-4', severity: 'info' })]);
    // the same figures typed in the app, with a stale total left in the cells, still pass
    expect(byRule({ ...r, cells: { ...r.cells, 't3.r3_7.total': 1 } }, 'A-2')).toEqual([]);
  });

  it('resolves figure tokens before reading numbers in prose', () => {
    const s1 = cleanSections(2021).s1 + '\n办结申请{{cell:t3.r3_7.total}}件。';
    expect(byRule(makeReport({ cells: CONSISTENT_T3, sections: { ...cleanSections(2021), s1 } }), 'G-4')).toEqual([]);
    const typed = s1.replace('{{cell:t3.r3_7.total}}', '8');
    expect(byRule(makeReport({ cells: CONSISTENT_T3, sections: { ...cleanSections(2021), s1: typed } }), 'G-4')).toHaveLength(1);
  });

  it('checks a free-form report only for what it can have', () => {
    const r = { ...makeReport({ year: 2017 }), format: 'free' as const, cells: {}, sections: { s1: '2018年度报告。' } };
    expect(checkReport(r).map((f) => f.ruleId)).toEqual(['G-2']);
  });
});

describe('formatFindings', () => {
  it('writes one line per finding: id, class in Chinese (as the window words it) and severity in English, cells, message', () => {
    const found = checkReport(makeReport({ cells: { ...CONSISTENT_T3, 't3.r4.np': 1, 't3.r4.total': 1 } }));
    const lines = formatFindings(found).split('\n');
    expect(lines).toHaveLength(found.length);
    expect(lines[0]).toMatch(/^A-3 {2}必须改正 error {2}t3\.r1\.np,t3\.r2\.np,t3\.r3_7\.np,t3\.r4\.np {2}表三「自然人」一列不符合勾稽关系/);
    expect(lines[0]).toContain('（可一键修正：按勾稽关系填入');
    expect(formatFindings([])).toBe('');
    expect(formatFindings([{ ruleId: 'G-8', severity: 'hint', section: 's6', cells: [], message: '…' }])).toBe('G-8  提示 hint  -  …');
  });

  it('lists many cells (the blanks of a table) one table row a line, not as one endless line', () => {
    const allBlank = Object.fromEntries(getFormat('2021').cells.map((c) => [c.id, undefined]));
    const [blanks] = checkReport(makeReport({ cells: allBlank })).filter((f) => f.ruleId === 'D-4' && f.section === 's3');
    expect(blanks!.cells.length).toBeGreaterThan(100);
    const lines = formatFindings([blanks!]).split('\n');
    expect(lines[0]).toMatch(/^D-4 {2}必须改正 warning {2}\d+ 格（按行列在下面）/);
    expect(lines[1]).toBe('      t3.r1: np,biz,res,ngo,law,oth,total');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(200);
  });
});

describe('one classification of findings', () => {
  it('errors and blanks must be corrected; warnings are checked; the summary words them as the window and the gate do', () => {
    const found = checkReport(makeReport({ cells: { ...CONSISTENT_T3, 't3.r4.np': 1, 't3.r4.total': 1, 't4.rev.total': undefined } }));
    const c = classify(found);
    expect(c.must.every((f) => f.severity === 'error' || f.ruleId === 'D-4')).toBe(true);
    expect(c.must.some((f) => f.ruleId === 'D-4')).toBe(true);
    expect(classOf({ ruleId: 'D-4', severity: 'warning' })).toBe('must');
    expect(classOf({ ruleId: 'X-2', severity: 'warning' })).toBe('check');
    expect(summaryText(c)).toMatch(/^\d+ 个必须改正/);
    expect(exportGate(found, new Set()).blocking).toEqual(c.must);
    expect(gateRefusal(exportGate(found, new Set()), '定稿')).toContain(`还有 ${c.must.length} 个${CLASS_LABELS.must}的问题`);
    expect(summaryText({ must: [], check: [], hint: [] })).toBe('没有需要处理的问题');
  });
});
