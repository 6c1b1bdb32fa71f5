import { describe, expect, it } from 'vitest';
import { diffChars, diffSequences, proseUnits, sideBySide } from '../../../core/report/text-diff.js';

/** Applies the runs to `a`: must give `b` (the diff is an exact edit script). */
function apply<T>(runs: { kind: string; items: T[] }[]): { left: T[]; right: T[] } {
  const left: T[] = [];
  const right: T[] = [];
  for (const r of runs) {
    if (r.kind !== 'insert') left.push(...r.items);
    if (r.kind !== 'delete') right.push(...r.items);
  }
  return { left, right };
}

describe('diffSequences', () => {
  it('is an exact edit script between the two sides, for random inputs', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let t = 0; t < 300; t++) {
      const a = Array.from({ length: rand(30) }, () => 'abcde'[rand(5)]!);
      const b = Array.from({ length: rand(30) }, () => 'abcde'[rand(5)]!);
      const { left, right } = apply(diffSequences(a, b));
      expect(left).toEqual(a);
      expect(right).toEqual(b);
    }
  });

  it('finds the shortest script: one word replaced in a sentence', () => {
    const runs = diffSequences([...'全年收到申请5件'], [...'全年收到申请7件']);
    expect(runs.map((r) => [r.kind, r.items.join('')])).toEqual([
      ['equal', '全年收到申请'],
      ['delete', '5'],
      ['insert', '7'],
      ['equal', '件'],
    ]);
  });

  it('handles empty sides', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences(['a'], [])).toEqual([{ kind: 'delete', items: ['a'] }]);
    expect(diffSequences([], ['b'])).toEqual([{ kind: 'insert', items: ['b'] }]);
  });

  it('two long unrelated texts come back quickly as removed and added', () => {
    const a = Array.from({ length: 20000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 20000 }, (_, i) => `b${i}`);
    const started = Date.now();
    const runs = diffSequences(a, b);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(apply(runs)).toEqual({ left: a, right: b });
  });
});

describe('prose diffs', () => {
  it('never cuts a figure token in half', () => {
    expect(proseUnits('共{{cell:t3.r1.total}}件')).toEqual(['共', '{{cell:t3.r1.total}}', '件']);
    const segs = diffChars('共{{cell:t3.r1.total}}件', '共{{cell:t3.r2.total}}件');
    expect(segs).toEqual([
      { kind: 'equal', text: '共' },
      { kind: 'delete', text: '{{cell:t3.r1.total}}' },
      { kind: 'insert', text: '{{cell:t3.r2.total}}' },
      { kind: 'equal', text: '件' },
    ]);
  });

  it('lines side by side: kept, changed (with the changed characters), removed and added', () => {
    const a = '（一）主动公开\n本年度主动公开信息120条。\n旧的一段。\n（二）依申请公开';
    const b = '（一）主动公开\n本年度主动公开信息135条。\n（二）依申请公开\n新的一段。';
    const rows = sideBySide(a, b);
    expect(rows.map((r) => r.kind)).toEqual(['equal', 'change', 'delete', 'equal', 'insert']);
    const change = rows[1]!;
    if (change.kind !== 'change') throw new Error('expected a change');
    expect(change.leftSegments.filter((s) => s.kind === 'delete').map((s) => s.text).join('')).toBe('20');
    expect(change.rightSegments.filter((s) => s.kind === 'insert').map((s) => s.text).join('')).toBe('35');
    expect(change.leftSegments.map((s) => s.text).join('')).toBe(change.left);
    expect(change.rightSegments.map((s) => s.text).join('')).toBe(change.right);
    expect(rows.at(-1)).toMatchObject({ kind: 'insert', right: '新的一段。', rightLine: 4 });
  });
});
