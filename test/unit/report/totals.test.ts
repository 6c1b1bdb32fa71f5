import { describe, expect, it } from 'vitest';
import { computesTotals, enteredCells, isComputed, isComputedIn, shownCells, withTotals, withoutTotals } from '../../../core/report/index.js';

describe('computed totals', () => {
  it('fills row totals, the （七）总计 row (including its own total) and 表四 totals', () => {
    const cells = withTotals('2021', { 't3.r3_1.np': 2, 't3.r3_1.biz': 1, 't3.r3_5_2.np': 4, 't4.rev.upheld': 1, 't4.rev.pending': 2 });
    expect(cells['t3.r3_1.total']).toBe(3);
    expect(cells['t3.r3_7.np']).toBe(6);
    expect(cells['t3.r3_7.biz']).toBe(1);
    expect(cells['t3.r3_7.total']).toBe(7);
    expect(cells['t4.rev.total']).toBe(3);
    expect(cells['t3.r1.total']).toBeUndefined(); // all parts blank: blank, not 0
    expect(cells['t4.lit_direct.total']).toBeUndefined();
  });

  it('2019 sums the single （六）其他处理 row', () => {
    expect(withTotals('2019', { 't3.r3_6.oth': 5 })['t3.r3_7.total']).toBe(5);
  });

  it('replaces a stale total and can strip totals again', () => {
    const cells = withTotals('2021', { 't3.r1.np': 1, 't3.r1.total': 99 });
    expect(cells['t3.r1.total']).toBe(1);
    expect(withoutTotals('2021', cells)).toEqual({ 't3.r1.np': 1 });
    expect(isComputed('2021', 't3.r1.total')).toBe(true);
    expect(isComputed('2021', 't3.r1.np')).toBe(false);
  });
});

describe('the computed-totals rule (core/report/totals.ts)', () => {
  const app = { format: '2021' as const, origin: 'app' as const, cells: { 't3.r1.np': 2, 't3.r1.biz': 1, 't3.r1.total': 9 } };
  const imported = { ...app, origin: 'imported' as const };

  it('computes totals in reports made in the app only, and only where the format has tables', () => {
    expect(computesTotals(app)).toBe(true);
    expect(computesTotals(imported)).toBe(false);
    expect(computesTotals({ format: 'free', origin: 'app' })).toBe(false);
  });

  it('a total is computed in the app’s report and an ordinary figure in an imported one', () => {
    expect(isComputedIn(app, 't3.r1.total')).toBe(true);
    expect(isComputedIn(app, 't3.r1.np')).toBe(false);
    expect(isComputedIn(imported, 't3.r1.total')).toBe(false);
    expect(isComputedIn({ format: 'free', origin: 'app' }, 't3.r1.total')).toBe(false);
  });

  it('shows the computed totals, or the published ones; enters only what was typed', () => {
    expect(shownCells(app)['t3.r1.total']).toBe(3);
    expect(shownCells(imported)['t3.r1.total']).toBe(9);
    expect(enteredCells(app)).toEqual({ 't3.r1.np': 2, 't3.r1.biz': 1 });
    expect(enteredCells(imported)).toEqual(imported.cells);
    // computed totals are a new object; an imported report's own figures are read as they are
    expect(shownCells(app)).not.toBe(app.cells);
    expect(shownCells(imported)).toBe(imported.cells);
  });
});
