import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { textLine } from '../../../core/import/lines.js';
import { readTable4 } from '../../../core/import/tables.js';
import { rng } from '../../fixtures/import/generator.js';

/**
 * 表四 printed as one run of digits (「210030000000000」, or longer when a figure has several
 * digits): the run is cut by the three group equations (each group's 总计 is the sum of its four
 * results) with no leading zeros. Generated runs are checked against every split an independent
 * brute force finds: one split — read, not marked; several — the cells they disagree on blank and
 * marked, the readings named in a warning; never a figure the run does not determine.
 */

const IDS = getFormat('2021').tables.t4.cells.map((c) => c.id);
const HEAD = '行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计';

/** Every split of `digits` into three groups of five, each adding up, no part with a leading zero. */
function splits(digits: string): string[][] {
  const out: string[][] = [];
  const part = (s: string) => s === '0' || /^[1-9]\d{0,8}$/.test(s);
  const group = (from: number, k: number, acc: string[]): void => {
    if (acc.length === 15) {
      if (from === digits.length) out.push([...acc]);
      return;
    }
    for (let end = from + 1; end <= digits.length; end++) {
      const p = digits.slice(from, end);
      if (!part(p)) break;
      acc.push(p);
      const inGroup = acc.length % 5;
      const ok = inGroup !== 0 || Number(acc.at(-1)) === acc.slice(-5, -1).reduce((s, x) => s + Number(x), 0);
      if (ok) group(end, k, acc);
      acc.pop();
    }
  };
  group(0, 0, []);
  return out;
}

/** A group of four results and their 总计, as offices have them: mostly 0, some small, now and then large. */
function groupOf(r: () => number): number[] {
  const fig = () => (r() < 0.55 ? 0 : r() < 0.85 ? Math.floor(r() * 10) : Math.floor(r() * 400));
  const four = [fig(), fig(), fig(), fig()];
  return [...four, four.reduce((s, x) => s + x, 0)];
}

function read(digits: string) {
  return readTable4('2021', [textLine(`${HEAD}${digits}`), textLine('五、存在的主要问题及改进情况')]);
}

describe('表四 as one run of digits', () => {
  it('the issue\'s example: 210030000000000 is 2 1 0 0 3 | 0 … 0', () => {
    const out = read('210030000000000');
    expect(IDS.map((id) => out.cells[id])).toEqual([2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(out.uncertain).toEqual([]);
  });

  it('a run with several valid splits: the cells they disagree on are blank and marked, both readings named', () => {
    // 诉讼 directly: 2 0 20 12 34 or 20 2 0 12 34; 复议 and 复议后起诉 settled
    const digits = '330062020123403003';
    const all = splits(digits);
    expect(all.length).toBeGreaterThan(1);
    const out = read(digits);
    const agreed = IDS.filter((_, i) => all.every((s) => s[i] === all[0]![i]));
    for (const [i, id] of IDS.entries()) {
      if (agreed.includes(id)) expect(out.cells[id]).toBe(Number(all[0]![i]));
      else {
        expect(out.cells[id]).toBeUndefined();
        expect(out.uncertain).toContain(id);
      }
    }
    expect(out.warnings.join('')).toMatch(/不止一种读法（「.+」或「.+」/);
  });

  it('on 2 000 generated runs: one split read exactly; several never read as one of them without a mark', () => {
    const r = rng(104_729);
    const tally = { one: 0, several: 0, long: 0 };
    for (let n = 0; n < 2000; n++) {
      const figures = [...groupOf(r), ...groupOf(r), ...groupOf(r)];
      const digits = figures.join('');
      if (digits.length > 15) tally.long++;
      const all = splits(digits);
      expect(all.map((s) => s.join('|'))).toContain(figures.join('|'));
      const out = read(digits);
      if (all.length === 1) {
        tally.one++;
        expect(IDS.map((id) => out.cells[id]), digits).toEqual(figures);
        expect(out.uncertain, digits).toEqual([]);
        continue;
      }
      tally.several++;
      for (const [i, id] of IDS.entries()) {
        const settled = all.every((s) => s[i] === all[0]![i]);
        // a cell the run does not settle is never given without a mark
        if (!settled) expect(out.cells[id] === undefined || out.uncertain.includes(id), `${digits} ${id}`).toBe(true);
        // a figure given is one the run allows
        if (out.cells[id] !== undefined) expect(all.some((s) => Number(s[i]) === out.cells[id]), `${digits} ${id}`).toBe(true);
      }
    }
    // the sample holds both kinds, and runs longer than fifteen digits
    expect(tally.one).toBeGreaterThan(1000);
    expect(tally.several).toBeGreaterThan(10);
    expect(tally.long).toBeGreaterThan(500);
  });
});
