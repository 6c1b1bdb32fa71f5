import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { computeRate, computeRates, formatRate, rateCells, rateDefs, withTotals } from '../../../core/report/index.js';

describe('derived rates (core/report/rates.ts)', () => {
  it('every rate of both formats reads only cells the format has', () => {
    for (const format of ['2021', '2019'] as const) {
      const ids = new Set(getFormat(format).cells.map((c) => c.id));
      for (const def of rateDefs(format)) {
        for (const id of rateCells(def)) expect(ids.has(id), `${format} ${def.id} ${id}`).toBe(true);
        expect(def.formula).toMatch(/÷/);
      }
    }
  });

  it('computes 公开率 and 纠错率 from a report’s figures, totals included', () => {
    const cells = withTotals('2021', {
      't3.r1.np': 10,
      't3.r2.np': 2,
      't3.r3_1.np': 6,
      't3.r3_2.np': 2,
      't3.r3_3_4.np': 1,
      't3.r3_4_1.np': 3,
      't3.r4.np': 0,
      't4.rev.upheld': 3,
      't4.rev.corrected': 1,
      't4.rev.other': 0,
      't4.rev.pending': 1,
    });
    const byId = new Map(computeRates('2021', cells).map((r) => [r.def.id, r]));
    expect(byId.get('open-rate')!.ratio).toBeCloseTo(8 / 12);
    expect(formatRate(byId.get('open-rate')!.ratio)).toBe('66.7%');
    expect(byId.get('withheld-rate')!.numerator).toBe(1);
    expect(byId.get('review-correction-rate')!.denominator).toBe(4);
    expect(formatRate(byId.get('review-correction-rate')!.ratio)).toBe('25%');
    // litigation cells are blank: no figure, not 0 %
    expect(byId.get('litigation-correction-rate')!.ratio).toBeNull();
    expect(formatRate(null)).toBe('—');
  });

  it('nothing to divide by gives no rate', () => {
    const def = rateDefs('2019').find((d) => d.id === 'open-rate')!;
    expect(computeRate(def, { 't3.r3_1.total': 0, 't3.r3_2.total': 0, 't3.r3_7.total': 0 }).ratio).toBeNull();
    expect(formatRate(1)).toBe('100%');
  });
});
