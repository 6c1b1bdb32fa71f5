import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { buildLayout, gridPositions, move, rectangle } from '../../../renderer/report/table/layout.js';

const f21 = getFormat('2021');
const t3 = buildLayout(f21.tables.t3, '2021', 'app');
const t2 = buildLayout(f21.tables.t2, '2021', 'app');
const t4 = buildLayout(f21.tables.t4, '2021', 'app');

describe('layout of the official tables', () => {
  it('places every value cell of 表三 in 25 rows of 7, the data columns after the 3 label columns', () => {
    expect(t3.rows).toHaveLength(25);
    expect(t3.rows.every((r) => r.length === 7)).toBe(true);
    expect(t3.rows.every((r) => r.map((c) => c.col).join() === '3,4,5,6,7,8,9')).toBe(true);
    expect(t3.byId.size).toBe(f21.tables.t3.cells.length);
  });

  it('resolves merges: rows under 三、本年度办理结果 start their values at grid column 3 too', () => {
    const positions = gridPositions(f21.tables.t3);
    const sub = positions.find((p) => p.cell.cell === 't3.r3_3_2.np')!;
    expect(sub.col).toBe(3);
  });

  it('marks the 总计 column, the （七）总计 row and 表四 totals as computed in the app\'s reports only', () => {
    expect(t3.byId.get('t3.r1.total')!.computed).toBe(true);
    expect(t3.byId.get('t3.r3_7.np')!.computed).toBe(true);
    expect(t3.byId.get('t3.r1.np')!.computed).toBe(false);
    expect(t4.byId.get('t4.rev.total')!.computed).toBe(true);
    const imported = buildLayout(f21.tables.t3, '2021', 'imported');
    expect(imported.byId.get('t3.r1.total')!.computed).toBe(false);
  });

  it('表二: the single-value blocks span three columns', () => {
    expect(t2.rows.map((r) => r.length)).toEqual([3, 3, 1, 1, 1, 1]);
    expect(t2.byId.get('t2.lic.decisions')!.span).toBe(3);
  });
});

describe('moving the cursor', () => {
  it('arrows stop at the edges', () => {
    expect(move(t3, 't3.r1.np', 'left')).toBe('t3.r1.np');
    expect(move(t3, 't3.r1.np', 'up')).toBe('t3.r1.np');
    expect(move(t3, 't3.r1.np', 'right')).toBe('t3.r1.biz');
    expect(move(t3, 't3.r1.np', 'down')).toBe('t3.r2.np');
    expect(move(t3, 't3.r4.total', 'down')).toBe('t3.r4.total');
  });

  it('down from the last of the 2021 （六） rows reaches （七）总计, then 四', () => {
    expect(move(t3, 't3.r3_6_3.law', 'down')).toBe('t3.r3_7.law');
    expect(move(t3, 't3.r3_7.law', 'down')).toBe('t3.r4.law');
  });

  it('Tab runs on to the next row and Shift+Tab back', () => {
    expect(move(t3, 't3.r1.total', 'next')).toBe('t3.r2.np');
    expect(move(t3, 't3.r2.np', 'prev')).toBe('t3.r1.total');
    expect(move(t3, 't3.r4.total', 'next')).toBe('t3.r4.total');
  });

  it('表二: up and down keep the column through merged cells', () => {
    expect(move(t2, 't2.norm.valid', 'down')).toBe('t2.lic.decisions');
    expect(move(t2, 't2.lic.decisions', 'up')).toBe('t2.norm.made');
  });

  it('Home, End and the table corners', () => {
    expect(move(t3, 't3.r2.res', 'home')).toBe('t3.r2.np');
    expect(move(t3, 't3.r2.res', 'end')).toBe('t3.r2.total');
    expect(move(t3, 't3.r2.res', 'first')).toBe('t3.r1.np');
    expect(move(t3, 't3.r2.res', 'last')).toBe('t3.r4.total');
  });
});

describe('rectangles', () => {
  it('spans rows and columns whichever corner comes first', () => {
    const ids = (a: string, b: string) => rectangle(t3, a, b).map((r) => r.map((c) => c.id));
    expect(ids('t3.r2.biz', 't3.r1.np')).toEqual([
      ['t3.r1.np', 't3.r1.biz'],
      ['t3.r2.np', 't3.r2.biz'],
    ]);
  });

  it('表二: a rectangle over a merged value cell takes the cell once', () => {
    const rect = rectangle(t2, 't2.norm.made', 't2.lic.decisions');
    expect(rect.map((r) => r.map((c) => c.id))).toEqual([['t2.norm.made', 't2.norm.repealed', 't2.norm.valid'], ['t2.lic.decisions']]);
  });
});
