import { describe, expect, it, vi } from 'vitest';
import { History, applyChanges, historyKey, type CellChange } from '../../../renderer/report/table/history.js';
import { CellSaver } from '../../../renderer/report/table/saver.js';

const edit = (label: string, id: string, before: number | null, after: number | null) => ({
  label,
  before: [{ cellId: id, value: before }],
  after: [{ cellId: id, value: after }],
});

describe('History', () => {
  it('undoes and redoes in order; a new step clears what could be redone', () => {
    const h = new History();
    h.push(edit('a', 'x', null, 1));
    h.push(edit('b', 'x', 1, 2));
    expect(h.nextUndo).toBe('b');
    expect(h.undo()!.label).toBe('b');
    expect(h.canRedo).toBe(true);
    expect(h.redo()!.label).toBe('b');
    expect(h.undo()!.label).toBe('b');
    h.push(edit('c', 'y', null, 5));
    expect(h.canRedo).toBe(false);
    expect(h.undo()!.label).toBe('c');
    expect(h.undo()!.label).toBe('a');
    expect(h.undo()).toBeUndefined();
  });

  it('keeps at most its limit of steps', () => {
    const h = new History(3);
    for (let i = 0; i < 5; i += 1) h.push(edit(String(i), 'x', i, i + 1));
    expect([h.undo()!.label, h.undo()!.label, h.undo()!.label, h.undo()]).toEqual(['4', '3', '2', undefined]);
  });

  it('applyChanges writes and clears on a copy', () => {
    const cells = { a: 1, b: 2 };
    expect(applyChanges(cells, [{ cellId: 'a', value: null }, { cellId: 'c', value: 0 }])).toEqual({ b: 2, c: 0 });
    expect(cells).toEqual({ a: 1, b: 2 });
  });
});

/** A store whose answers the test releases one by one. */
function fakeStore() {
  const calls: CellChange[][] = [];
  const answers: ((ok: boolean) => void)[] = [];
  const send = (changes: CellChange[]) =>
    new Promise<boolean>((resolve) => {
      calls.push(changes);
      answers.push(resolve);
    });
  const release = (ok: boolean) => answers.shift()!(ok);
  const answer = async (ok: boolean) => {
    release(ok);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, send, answer, release };
}

describe('CellSaver', () => {
  it('sends an edit at once, and edits made meanwhile together in the next batch, last value winning', async () => {
    const store = fakeStore();
    const saver = new CellSaver(store.send);
    saver.save([{ cellId: 'a', value: 1 }]);
    expect(store.calls).toEqual([[{ cellId: 'a', value: 1 }]]);
    saver.save([{ cellId: 'b', value: 2 }]);
    saver.save([{ cellId: 'c', value: 3 }]);
    saver.save([{ cellId: 'b', value: 4 }]);
    expect(store.calls).toHaveLength(1);
    await store.answer(true);
    expect(store.calls[1]).toEqual([
      { cellId: 'c', value: 3 },
      { cellId: 'b', value: 4 },
    ]);
    const idle = saver.idle();
    await store.answer(true);
    await idle;
    expect(saver.unsaved).toBe(0);
  });

  it('a paste is one batch', () => {
    const store = fakeStore();
    const saver = new CellSaver(store.send);
    saver.save([
      { cellId: 'a', value: 1 },
      { cellId: 'b', value: 2 },
      { cellId: 'c', value: null },
    ]);
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]).toHaveLength(3);
  });

  it('keeps a failed batch and sends it again, under what was edited since', async () => {
    vi.useFakeTimers();
    try {
      const store = fakeStore();
      const saver = new CellSaver(store.send, 1000);
      saver.save([
        { cellId: 'a', value: 1 },
        { cellId: 'b', value: 2 },
      ]);
      saver.save([{ cellId: 'b', value: 5 }]);
      // the first batch fails
      store.release(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(saver.unsaved).toBeGreaterThan(0);
      expect(store.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.calls[1]).toEqual([
        { cellId: 'a', value: 1 },
        { cellId: 'b', value: 5 },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('historyKey', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('reads Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z and ⌘Z', () => {
    expect(historyKey(key('z', { ctrlKey: true }))).toBe('undo');
    expect(historyKey(key('y', { ctrlKey: true }))).toBe('redo');
    expect(historyKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyKey(key('z', { metaKey: true }))).toBe('undo');
    expect(historyKey(key('z'))).toBeUndefined();
    expect(historyKey(key('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(historyKey(key('c', { ctrlKey: true }))).toBeUndefined();
  });
});
