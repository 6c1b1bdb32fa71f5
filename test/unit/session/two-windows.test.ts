import { describe, expect, it } from 'vitest';
import type { ReportEdit, SaveAck } from '../../../core/api.js';
import { ApiFailure } from '../../../renderer/api/errors.js';
import { compareWithStore, settledEdits, storedOf } from '../../../renderer/report/state/conflict.js';
import { ReportSession } from '../../../renderer/report/state/ReportSession.js';
import { detailOf, report } from './fixture.js';

/** A store shared by windows: a revision per report, a stale save refused, as the back end does. */
function sharedStore(data = report({ 't3.r1.np': 2 })) {
  const store = { data: { ...data, sections: { s5: '原来的文字' } as Record<string, string> }, revision: 3 };
  const apply = (edits: readonly ReportEdit[]) => {
    for (const e of edits) {
      if (e.kind === 'section') store.data.sections[e.key] = e.text;
      if (e.kind === 'cell') store.data.cells = { ...store.data.cells, ...(e.value === null ? {} : { [e.cellId]: e.value }) };
    }
  };
  const window = () =>
    new ReportSession({
      detail: { ...detailOf(structuredClone(store.data)), summary: { ...detailOf(store.data).summary, revision: store.revision } },
      check: () => [],
      proseDelayMs: 1,
      retryMs: 5,
      send: async (edits, base): Promise<SaveAck> => {
        if (base !== store.revision) throw new ApiFailure('stale', '另一个窗口改过');
        apply(edits);
        store.revision += 1;
        return { savedAt: '2025-01-10T08:00:00.000Z', revision: store.revision };
      },
      load: async () => ({ ...detailOf(structuredClone(store.data)), summary: { ...detailOf(store.data).summary, revision: store.revision } }),
    });
  return { store, window };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('two windows on one report (issue 12, point 4)', () => {
  it('the later save is refused as stale: nothing is overwritten, the window shows both texts and keeps its own', async () => {
    const { store, window } = sharedStore();
    const a = window();
    const b = window();
    a.setProse('s5', '甲窗口写的');
    await a.saved();
    expect(store.data.sections.s5).toBe('甲窗口写的');

    b.setProse('s5', '乙窗口写的');
    b.flushProse();
    await until(() => b.getState().conflict !== undefined);
    // not stored over the other's text, and still in this window
    expect(store.data.sections.s5).toBe('甲窗口写的');
    expect(b.prose('s5')).toBe('乙窗口写的');
    expect(b.getState().save.kind).toBe('conflict');
    expect(b.getState().conflict!.conflicts).toEqual([
      { target: 'section:s5', kind: 'section', label: expect.stringContaining('五'), theirs: '甲窗口写的', mine: '乙窗口写的' },
    ]);
    // typing on while the choice is open is kept too
    b.apply([{ cellId: 't3.r2.np', value: 7 }], '输入');
    expect(store.data.cells['t3.r2.np']).toBeUndefined();

    b.settle(new Map([['section:s5', { take: 'mine' }]]));
    await until(() => b.getState().reloadWanted === 1);
    expect(store.data.sections.s5).toBe('乙窗口写的');
    expect(store.data.cells['t3.r2.np']).toBe(7);
    expect(b.getState().revision).toBe(store.revision);
  });

  it('taking the other window’s text stores nothing for it; a text made from both is stored as edited', async () => {
    for (const [choice, expected] of [
      [{ take: 'theirs' as const }, '甲窗口写的'],
      [{ take: 'both' as const, text: '乙窗口写的\n甲窗口写的' }, '乙窗口写的\n甲窗口写的'],
    ] as const) {
      const { store, window } = sharedStore();
      const a = window();
      const b = window();
      a.setProse('s5', '甲窗口写的');
      await a.saved();
      b.setProse('s5', '乙窗口写的');
      b.flushProse();
      await until(() => b.getState().conflict !== undefined);
      b.settle(new Map([['section:s5', choice]]));
      await until(() => b.getState().reloadWanted === 1);
      expect(store.data.sections.s5).toBe(expected);
    }
  });

  it('a revision moved without a change to what this window changed: its save goes on the new revision without asking', async () => {
    const { store, window } = sharedStore();
    const a = window();
    const b = window();
    a.apply([{ cellId: 't3.r1.np', value: 5 }], '输入');
    await a.saved();
    // b changes another place, which a did not touch: b's text goes through; b must still show a's figure
    b.setProse('s5', '乙窗口写的');
    b.flushProse();
    await until(() => b.getState().conflict !== undefined);
    expect(b.getState().conflict).toEqual({ conflicts: [], elsewhere: [expect.stringContaining('表三')] });
    b.settle(new Map());
    await until(() => b.getState().reloadWanted === 1);
    expect(store.data).toMatchObject({ cells: { 't3.r1.np': 5 }, sections: { s5: '乙窗口写的' } });

    // only the revision moved (the window's own sign-off names, say): no question at all
    const c = window();
    store.revision += 1;
    c.setProse('s5', '丙窗口写的');
    await c.saved();
    expect(store.data.sections.s5).toBe('丙窗口写的');
    expect(c.getState().conflict).toBeUndefined();
  });

  it('compareWithStore: a conflict only where the store moved away from what the window knew and differs from the window', () => {
    const known = storedOf(report({ 't3.r1.np': 2 }));
    const fresh = storedOf({ ...report({ 't3.r1.np': 3, 't3.r2.np': 1 }), sections: { s1: '他' } });
    const pending: ReportEdit[] = [
      { kind: 'cell', cellId: 't3.r1.np', value: 4 },
      { kind: 'cell', cellId: 't3.r2.np', value: 1 },
      { kind: 'section', key: 's6', text: '我' },
      { kind: 'ack', key: 'k', reason: 'r' },
    ];
    const { conflicts, elsewhere } = compareWithStore('2021', known, pending, fresh);
    expect(conflicts.map((c) => [c.target, c.theirs, c.mine])).toEqual([['cell:t3.r1.np', '3', '4']]);
    expect(elsewhere).toEqual([expect.stringContaining('一')]);
    expect(settledEdits(pending, new Map([['cell:t3.r1.np', { take: 'theirs' }]]))).toEqual(pending.slice(1));
  });
});
