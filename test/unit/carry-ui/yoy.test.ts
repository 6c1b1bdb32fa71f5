import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { comparable, compareFigure, isJump, signedChange, signedPct, shownValue, tableYoy, topChanges } from '../../../renderer/report/yoy/compare.js';

describe('jump flags', () => {
  it('flag more than five times or less than a fifth, only where both figures exceed ten', () => {
    expect(isJump(61, 12)).toBe(true); // 5.08×
    expect(isJump(60, 12)).toBe(false); // exactly 5×
    expect(isJump(11, 56)).toBe(true); // less than a fifth
    expect(isJump(12, 60)).toBe(false); // exactly a fifth
    expect(isJump(100, 10)).toBe(false); // last year not above 10
    expect(isJump(10, 100)).toBe(false);
    expect(isJump(0, 300)).toBe(false);
    expect(isJump(undefined, 300)).toBe(false);
  });

  it('judge money in 万元, the unit the clerk reads', () => {
    // 12 万元 → 61 万元 is a jump; 12 元 → 61 元 is not worth a flag
    expect(compareFigure('t2.fee.amount', 61_000_000, 12_000_000, 'money').jump).toBe(true);
    expect(compareFigure('t2.fee.amount', 6_100, 1_200, 'money').jump).toBe(false);
  });
});

describe('one figure against last year', () => {
  it('change and change in %, nothing where a side is blank', () => {
    expect(compareFigure('x', 15, 12)).toEqual({ id: 'x', now: 15, last: 12, change: 3, pct: 25, jump: false });
    expect(compareFigure('x', 3, undefined)).toMatchObject({ change: undefined, pct: undefined });
    expect(compareFigure('x', 3, 0)).toMatchObject({ change: 3, pct: undefined });
  });

  it('reads as a clerk reads it', () => {
    expect(signedChange('count', 3)).toBe('+3');
    expect(signedChange('count', -12)).toBe('−12');
    expect(signedChange('count', 0)).toBe('0');
    expect(signedChange('money', 1_500_000)).toBe('+1.5');
    expect(signedPct(compareFigure('x', 15, 12))).toBe('+25%');
    expect(signedPct(compareFigure('x', 2, 12))).toBe('−83%');
    expect(signedPct(compareFigure('x', 103, 100))).toBe('+3%');
    expect(signedPct(compareFigure('x', 1031, 1000))).toBe('+3.1%');
    expect(signedPct(compareFigure('x', 4, 0))).toBe('新增');
    expect(signedPct(compareFigure('x', 0, 0))).toBe('');
    expect(shownValue('money', 1_773_200)).toBe('1.7732万元');
    expect(shownValue('count', undefined)).toBe('空');
  });
});

describe('a table year over year', () => {
  const t3 = getFormat('2021').tables.t3;

  it('compares every cell of 表三 by id; 表二 not across the 2019 → 2021 change (X-4)', () => {
    const figures = tableYoy(t3, '2021', '2021', { 't3.r1.np': 70 }, { 't3.r1.np': 12 });
    expect(figures.size).toBe(t3.cells.length);
    expect(figures.get('t3.r1.np')).toMatchObject({ change: 58, jump: true });
    expect(comparable('2021', '2019', 't2.reg.made')).toBe(false);
    expect(comparable('2021', '2019', 't3.r1.np')).toBe(true);
    // 2019's （六）其他处理 is one row; 2021's three rows have no counterpart
    expect(comparable('2021', '2019', 't3.r3_6_1.np')).toBe(false);
    expect(comparable('2021', 'free', 't3.r1.np')).toBe(false);
    expect(comparable('2021', '2021', 't2.reg.valid')).toBe(true);
  });

  it('summarises the five largest changes, totals left out, named as the format names them', () => {
    const now = { 't3.r1.np': 40, 't3.r1.biz': 2, 't3.r3_1.np': 30, 't3.r3_2.np': 1, 't3.r4.np': 9, 't3.r2.np': 5, 't3.r3_3_1.np': 4, 't3.r1.total': 42 };
    const last = { 't3.r1.np': 10, 't3.r1.biz': 8, 't3.r3_1.np': 10, 't3.r3_2.np': 1, 't3.r4.np': 5, 't3.r2.np': 1, 't3.r3_3_1.np': 0, 't3.r1.total': 18 };
    const top = topChanges(t3, tableYoy(t3, '2021', '2021', now, last));
    expect(top.map((t) => [t.id, t.change])).toEqual([
      ['t3.r1.np', 30],
      ['t3.r3_1.np', 20],
      ['t3.r1.biz', -6],
      // equal changes keep table order: 二 before 三 before 四
      ['t3.r2.np', 4],
      ['t3.r3_3_1.np', 4],
    ]);
    expect(top[0]!.name).toBe('表三「一、本年新收政府信息公开申请数量」·自然人');
    expect(top.some((t) => t.id.endsWith('.total'))).toBe(false);
  });

  it('has nothing to say when nothing changed', () => {
    expect(topChanges(t3, tableYoy(t3, '2021', '2021', { 't3.r1.np': 3 }, { 't3.r1.np': 3 }))).toEqual([]);
  });
});
