import { describe, expect, it } from 'vitest';
import { byRule, cleanSections, CONSISTENT_T3, findings, makeReport, typedOnly } from './build.js';

const lastYear = (cells: Record<string, number | undefined> = {}, origin: 'app' | 'imported' = 'imported') =>
  makeReport({ year: 2021, cells: { ...CONSISTENT_T3, ...cells }, origin });
const thisYear = (cells: Record<string, number | undefined> = {}) =>
  makeReport({ year: 2022, cells: { 't3.r2.np': 3, 't3.r2.total': 3, 't3.r1.np': 0, 't3.r4.np': 3, 't3.r4.total': 3, ...cells } });

describe('cross-year rules need last year’s report', () => {
  it('do not run without it, or with a report of another year', () => {
    const r = thisYear({ 't3.r2.np': 9 });
    expect(findings(r).filter((f) => f.ruleId.startsWith('X-'))).toEqual([]);
    const older = makeReport({ year: 2020, format: '2019' });
    expect(findings(r, { previous: older }).filter((f) => f.ruleId.startsWith('X-'))).toEqual([]);
  });
});

describe('X-1 上年结转 = last year’s 结转下年度', () => {
  it('passes when they agree', () => {
    expect(byRule(thisYear(), 'X-1', { previous: lastYear() })).toEqual([]);
  });

  it('is a warning naming both years’ values when last year was imported, with a fix', () => {
    const found = byRule(thisYear({ 't3.r2.np': 1, 't3.r2.total': 1 }), 'X-1', { previous: lastYear() });
    expect(found.map((f) => f.cells[0])).toEqual(['t3.r2.np', 't3.r2.total']);
    const [f] = found;
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('2022年表三「二、上年结转政府信息公开申请数量」·自然人 为 1');
    expect(f?.message).toContain('2021年报告的表三「四、结转下年度继续办理」·自然人 为 3');
    expect(f?.fix?.changes).toEqual({ 't3.r2.np': 3 });
  });

  it('is an error when last year was made in the app (or the caller says so)', () => {
    const prev = lastYear({}, 'app');
    prev.cells = typedOnly(prev.cells);
    const [f] = byRule(thisYear({ 't3.r2.np': 1, 't3.r2.total': 1 }), 'X-1', { previous: prev });
    expect(f?.severity).toBe('error');
    const [g] = byRule(thisYear({ 't3.r2.np': 1, 't3.r2.total': 1 }), 'X-1', { previous: lastYear(), previousMadeInApp: true });
    expect(g?.severity).toBe('error');
  });

  it('applies across the 2020 → 2021 format change', () => {
    const prev = makeReport({ format: '2019', year: 2020, cells: { 't3.r4.np': 2, 't3.r4.total': 2, 't3.r1.np': 2, 't3.r1.total': 2 } });
    const now = makeReport({ year: 2021, cells: { 't3.r2.np': 0 } });
    expect(byRule(now, 'X-1', { previous: prev }).map((f) => f.cells[0])).toEqual(['t3.r2.np', 't3.r2.total']);
  });
});

describe('X-2 现行有效件数 carried forward (2021 format)', () => {
  const prev = makeReport({ year: 2021, cells: { 't2.norm.valid': 70 } });
  it('passes 70 + 11 − 6 = 75', () => {
    const r = makeReport({ year: 2022, cells: { 't2.norm.made': 11, 't2.norm.repealed': 6, 't2.norm.valid': 75 } });
    expect(byRule(r, 'X-2', { previous: prev })).toEqual([]);
  });

  it('fires when the stock does not follow', () => {
    const r = makeReport({ year: 2022, cells: { 't2.norm.made': 11, 't2.norm.repealed': 6, 't2.norm.valid': 80 } });
    const [f] = byRule(r, 'X-2', { previous: prev });
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('应为 75');
  });
});

describe('X-3 上一年项目数量 carried forward (2019 format)', () => {
  const prev = makeReport({ format: '2019', year: 2019, cells: { 't2.lic.prev_items': 20, 't2.lic.delta': -2 } });
  it('passes 20 − 2 = 18', () => {
    expect(byRule(makeReport({ format: '2019', year: 2020, cells: { 't2.lic.prev_items': 18 } }), 'X-3', { previous: prev })).toEqual([]);
  });

  it('fires with a fix otherwise', () => {
    const [f] = byRule(makeReport({ format: '2019', year: 2020, cells: { 't2.lic.prev_items': 20 } }), 'X-3', { previous: prev });
    expect(f?.fix?.changes).toEqual({ 't2.lic.prev_items': 18 });
  });
});

describe('X-4 2020 → 2021', () => {
  it('is info when crossing the format change, absent otherwise', () => {
    const prev2020 = makeReport({ format: '2019', year: 2020 });
    const [f] = byRule(makeReport({ year: 2021 }), 'X-4', { previous: prev2020 });
    expect(f?.severity).toBe('info');
    expect(byRule(makeReport({ year: 2022 }), 'X-4', { previous: makeReport({ year: 2021 }) })).toEqual([]);
  });
});

describe('X-5 五 copied from last year', () => {
  it('passes a rewritten 五', () => {
    const prev = makeReport({ year: 2021 });
    const r = makeReport({
      year: 2022,
      sections: { ...cleanSections(2022), s5: '本年度发现村级公开栏更新不及时、部分信息要素不全等问题。2023年将按季度检查村级公开栏并通报结果。' },
    });
    expect(byRule(r, 'X-5', { previous: prev })).toEqual([]);
  });

  it('warns when 五 is last year’s with the years changed', () => {
    const prev = makeReport({ year: 2021 });
    const copied = prev.sections.s5!.replace('2022', '2023');
    const [f] = byRule(makeReport({ year: 2022, sections: { ...cleanSections(2022), s5: copied } }), 'X-5', { previous: prev });
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/与2021年报告的同一部分约 \d+% 相同/);
  });
});

describe('L-5 cases without applications', () => {
  const cases = { 't4.rev.pending': 1, 't4.rev.total': 1 };
  it('passes when there were applications this year or last year, and without last year', () => {
    expect(byRule(makeReport({ year: 2022, cells: cases }), 'L-5', { previous: lastYear() })).toEqual([]);
    expect(byRule(makeReport({ year: 2022, cells: cases }), 'L-5')).toEqual([]);
  });

  it('warns when neither year had an application', () => {
    const [f] = byRule(makeReport({ year: 2022, cells: cases }), 'L-5', { previous: makeReport({ year: 2021 }) });
    expect(f?.severity).toBe('warning');
    expect(f?.cells).toEqual(['t4.rev.total', 't3.r1.total', 't3.r2.total']);
  });
});
