import { describe, expect, it } from 'vitest';
import { byRule, CONSISTENT_T3, findings, makeReport, typedOnly } from './build.js';

describe('D-1 counts are integers ≥ 0', () => {
  it('passes zeros and positive counts, and a negative 本年增/减 in the 2019 format', () => {
    expect(byRule(makeReport({ cells: CONSISTENT_T3 }), 'D-1')).toEqual([]);
    expect(byRule(makeReport({ format: '2019', cells: { 't2.lic.delta': -3 } }), 'D-1')).toEqual([]);
  });

  it('fires on a negative count and on a fraction', () => {
    const r = makeReport({ cells: { 't4.rev.upheld': -1, 't2.lic.decisions': 2.5 } });
    const found = byRule(r, 'D-1');
    expect(found.map((f) => f.cells[0]).sort()).toEqual(['t2.lic.decisions', 't4.rev.upheld']);
    expect(found.find((f) => f.cells[0] === 't4.rev.upheld')?.message).toContain('表四「行政复议·结果维持」 填的是 -1');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('D-3 money', () => {
  it('passes an amount in whole 元', () => {
    expect(byRule(makeReport({ cells: { 't2.fee.amount': 1_773_200 } }), 'D-3')).toEqual([]);
  });

  it('fires on a negative amount, naming it in 万元', () => {
    const [f] = byRule(makeReport({ cells: { 't2.fee.amount': -1_500_000 } }), 'D-3');
    expect(f?.message).toContain('-1.5万元');
    expect(f?.section).toBe('s2');
  });
});

describe('D-4 blanks', () => {
  it('passes a table with every cell filled', () => {
    expect(byRule(makeReport(), 'D-4')).toEqual([]);
  });

  it('warns once per table, lists the blanks and offers to fill them with 0', () => {
    const r = makeReport({ cells: { 't3.r2.np': undefined, 't3.r2.total': undefined, 't4.rev.pending': undefined } });
    const found = byRule(r, 'D-4');
    expect(found.map((f) => [f.section, f.severity, f.cells])).toEqual([
      ['s3', 'warning', ['t3.r2.np', 't3.r2.total']],
      ['s4', 'warning', ['t4.rev.pending']],
    ]);
    expect(found[0]?.fix?.changes).toEqual({ 't3.r2.np': 0, 't3.r2.total': 0 });
    expect(found[0]?.message).toContain('表三「二、上年结转政府信息公开申请数量」·自然人');
  });

  it('in a report made in the app names only the typed cells, not the totals', () => {
    const r = makeReport({ origin: 'app', cells: { 't3.r2.np': undefined } });
    expect(byRule(r, 'D-4')[0]?.cells).toEqual(['t3.r2.np']);
  });
});

describe('D-5 group rows hold no numbers', () => {
  it('fires on a value on （六）其他处理 in the 2021 format and offers to clear it', () => {
    const [f] = byRule(makeReport({ cells: { 't3.r3_6.np': 1, 't3.r3_3.total': 2 } }), 'D-5');
    expect(f?.cells.sort()).toEqual(['t3.r3_3.total', 't3.r3_6.np']);
    expect(f?.fix?.changes).toEqual({ 't3.r3_6.np': null, 't3.r3_3.total': null });
    expect(f?.message).toContain('「（六）其他处理」');
  });

  it('passes t3.r3_6 in the 2019 format, where it is a row of its own', () => {
    expect(byRule(makeReport({ format: '2019', cells: { 't3.r3_6.np': 1 } }), 'D-5')).toEqual([]);
  });
});

describe('A-1 row totals', () => {
  it('passes consistent rows', () => {
    expect(byRule(makeReport({ cells: CONSISTENT_T3 }), 'A-1')).toEqual([]);
  });

  it('fires on a published total that is not the sum of its row, with a fix', () => {
    const [f] = byRule(makeReport({ cells: { ...CONSISTENT_T3, 't3.r1.total': 11 } }), 'A-1');
    expect(f?.cells[0]).toBe('t3.r1.total');
    expect(f?.message).toContain('为 11');
    expect(f?.message).toContain('8 + 2 + 0 + 0 + 0 + 0 = 10');
    expect(f?.fix?.changes).toEqual({ 't3.r1.total': 10 });
  });

  it('never fires on a report made in the app: its totals are computed', () => {
    const r = makeReport({ origin: 'app', cells: { ...typedOnly(CONSISTENT_T3), 't3.r1.total': 99 } });
    expect(byRule(r, 'A-1')).toEqual([]);
  });
});

describe('A-2 （七）总计', () => {
  it('passes when the results add up', () => {
    expect(byRule(makeReport({ cells: CONSISTENT_T3 }), 'A-2')).toEqual([]);
  });

  it('fires per column where （七）总计 differs from the results', () => {
    const found = byRule(makeReport({ cells: { ...CONSISTENT_T3, 't3.r3_7.np': 6, 't3.r3_7.total': 8 } }), 'A-2');
    expect(found.map((f) => f.cells[0])).toEqual(['t3.r3_7.np', 't3.r3_7.total']);
    expect(found[0]?.message).toContain('「（一）予以公开」5');
    expect(found[0]?.fix?.changes).toEqual({ 't3.r3_7.np': 7 });
  });
});

describe('A-3 勾稽关系', () => {
  it('passes 10 + 2 = 9 + 3', () => {
    expect(byRule(makeReport({ cells: CONSISTENT_T3 }), 'A-3')).toEqual([]);
  });

  it('fires per column, names the four figures, and fills 四 = 一 + 二 − （七）总计', () => {
    const found = byRule(makeReport({ cells: { ...CONSISTENT_T3, 't3.r4.np': 1, 't3.r4.total': 1 } }), 'A-3');
    expect(found.map((f) => f.cells[3])).toEqual(['t3.r4.np', 't3.r4.total']);
    const [f] = found;
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('8 + 「二、上年结转政府信息公开申请数量」2 = 10');
    expect(f?.message).toContain('7 + 「四、结转下年度继续办理」1 = 8');
    expect(f?.fix).toEqual({
      label: '按勾稽关系填入（四＝一＋二－（七）总计）：结转下年度·自然人 1→3，将结转到下一年',
      changes: { 't3.r4.np': 3 },
    });
  });

  it('offers no fix where （七）总计 is itself wrong (A-2), or a result row is blank: 四 would carry a wrong figure to next year', () => {
    // （七）总计 written as 6 while the results add up to 7: 10 + 2 − 6 = 6 would be wrong
    const wrongTotal = makeReport({ cells: { ...CONSISTENT_T3, 't3.r3_7.np': 6, 't3.r3_7.total': 8 } });
    expect(byRule(wrongTotal, 'A-2').length).toBeGreaterThan(0);
    const a3 = byRule(wrongTotal, 'A-3').find((f) => f.cells[0] === 't3.r1.np');
    expect(a3).toBeDefined();
    expect(a3?.fix).toBeUndefined();
    // a row's 总计 that is not the sum of its columns: not offered either
    const wrongRow = makeReport({ cells: { ...CONSISTENT_T3, 't3.r4.np': 1, 't3.r4.total': 1, 't3.r3_1.total': 99 } });
    expect(byRule(wrongRow, 'A-3').every((f) => !f.fix)).toBe(true);
    // in the app: a blank result row means （七）总计 is not complete yet
    const blankRow = makeReport({ origin: 'app', cells: { ...typedOnly(CONSISTENT_T3), 't3.r4.np': 0, 't3.r3_3_1.np': undefined } });
    const found = byRule(blankRow, 'A-3');
    expect(found).toHaveLength(1);
    expect(found[0]?.fix).toBeUndefined();
  });

  it('fires on a report made in the app, in the typed columns only', () => {
    const r = makeReport({ origin: 'app', cells: { ...typedOnly(CONSISTENT_T3), 't3.r4.np': 0 } });
    const found = byRule(r, 'A-3');
    expect(found.map((f) => f.cells)).toEqual([['t3.r1.np', 't3.r2.np', 't3.r3_7.np', 't3.r4.np']]);
    expect(found[0]?.fix?.changes).toEqual({ 't3.r4.np': 3 });
  });

  it('offers no fix when 四 would come out negative', () => {
    const r = makeReport({ cells: { 't3.r3_1.np': 2, 't3.r3_7.np': 2 } });
    const [f] = byRule(r, 'A-3');
    expect(f?.fix).toBeUndefined();
  });
});

describe('A-4, L-4, P-4 guidance', () => {
  it('appear as info only when there is something to count', () => {
    expect(findings(makeReport()).filter((f) => f.severity === 'info')).toEqual([]);
    const r = makeReport({
      cells: { ...CONSISTENT_T3, 't4.rev.upheld': 1, 't4.rev.total': 1, 't2.fee.amount': 1_000_000 },
    });
    const info = findings(r).filter((f) => f.severity === 'info');
    expect(info.map((f) => f.ruleId)).toEqual(['P-4', 'A-4', 'L-4']);
    expect(info.find((f) => f.ruleId === 'P-4')?.message).toContain('不是政府信息公开的信息处理费');
  });
});

describe('A-5 corollaries', () => {
  it('passes consistent figures', () => {
    expect(byRule(makeReport({ cells: CONSISTENT_T3 }), 'A-5')).toEqual([]);
  });

  it('fires when more applications were concluded or carried over than came in, also in the app', () => {
    const r = makeReport({ origin: 'app', cells: { 't3.r1.np': 2, 't3.r3_1.np': 3, 't3.r4.np': 4 } });
    const found = byRule(r, 'A-5');
    expect(found.map((f) => f.cells[0])).toEqual(['t3.r3_7.np', 't3.r4.np']);
    expect(found[0]?.message).toContain('表三「（七）总计」·自然人 为 3');
  });
});

describe('L-1 … L-3 表四 totals', () => {
  it('pass when the totals add up', () => {
    const cells = { 't4.rev.upheld': 2, 't4.rev.other': 1, 't4.rev.pending': 1, 't4.rev.total': 4 };
    expect(findings(makeReport({ cells })).filter((f) => f.ruleId.startsWith('L-'))).toEqual([
      expect.objectContaining({ ruleId: 'L-4', severity: 'info' }),
    ]);
  });

  it.each([
    ['L-1', 'rev'],
    ['L-2', 'lit_direct'],
    ['L-3', 'lit_after'],
  ])('%s fires on %s with a fix', (ruleId, group) => {
    const [f] = byRule(makeReport({ cells: { [`t4.${group}.corrected`]: 2, [`t4.${group}.total`]: 3 } }), ruleId);
    expect(f?.cells[0]).toBe(`t4.${group}.total`);
    expect(f?.message).toContain('0 + 2 + 0 + 0 = 2');
    expect(f?.fix?.changes).toEqual({ [`t4.${group}.total`]: 2 });
  });

  it('never fire on a report made in the app', () => {
    const r = makeReport({ origin: 'app', cells: { 't4.rev.corrected': 2, 't4.rev.total': 3 } });
    expect(byRule(r, 'L-1')).toEqual([]);
  });
});

describe('P-1 现行有效 ≥ 制发 − 废止', () => {
  it('passes when the stock covers the net flow', () => {
    expect(byRule(makeReport({ cells: { 't2.norm.made': 11, 't2.norm.repealed': 27, 't2.norm.valid': 75 } }), 'P-1')).toEqual([]);
  });

  it('fires when it does not', () => {
    const [f] = byRule(makeReport({ cells: { 't2.norm.made': 10, 't2.norm.repealed': 2, 't2.norm.valid': 5 } }), 'P-1');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('表二「行政规范性文件」·现行有效件数 为 5');
  });
});

describe('P-2 规章 row of bodies that cannot make 规章', () => {
  it('passes a 规章 figure of a city government', () => {
    expect(byRule(makeReport({ level: 'city', cells: { 't2.reg.valid': 3 } }), 'P-2')).toEqual([]);
  });

  it.each(['township', 'street', 'county', 'department'] as const)('fires for %s, with a fix to 0', (level) => {
    const [f] = byRule(makeReport({ level, cells: { 't2.reg.made': 1, 't2.reg.valid': 1 } }), 'P-2');
    expect(f?.cells).toEqual(['t2.reg.made', 't2.reg.valid']);
    expect(f?.fix?.changes).toEqual({ 't2.reg.made': 0, 't2.reg.valid': 0 });
    expect(f?.message).toContain('「行政规范性文件」');
  });
});

describe('P-3 2019: 本年新公开 ≤ 对外公开总数', () => {
  it('passes, and fires when more were published this year than in total', () => {
    expect(byRule(makeReport({ format: '2019', cells: { 't2.norm.new_published': 2, 't2.norm.total_public': 9 } }), 'P-3')).toEqual([]);
    const [f] = byRule(makeReport({ format: '2019', cells: { 't2.norm.new_published': 3, 't2.norm.total_public': 0 } }), 'P-3');
    expect(f?.cells).toEqual(['t2.norm.new_published', 't2.norm.total_public']);
  });
});
