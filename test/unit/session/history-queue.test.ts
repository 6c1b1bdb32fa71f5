import { describe, expect, it, vi } from 'vitest';
import type { ReportEdit } from '../../../core/api.js';
import { History, applyChanges, historyKey, type CellChange } from '../../../renderer/report/state/history.js';
import { SaveQueue } from '../../../renderer/report/state/saveQueue.js';

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

/** The tables' changes as the queue sends them. */
const cells = (changes: CellChange[]): ReportEdit[] => changes.map((c) => ({ kind: 'cell', ...c }));

/** A store whose answers the test releases one by one; it records the cells of each save. */
function fakeStore() {
  const calls: CellChange[][] = [];
  const answers: ((ok: boolean) => void)[] = [];
  let revision = 0;
  const send = (edits: ReportEdit[]) =>
    new Promise<{ savedAt: string; revision: number }>((resolve, reject) => {
      calls.push(edits.flatMap((e) => (e.kind === 'cell' ? [{ cellId: e.cellId, value: e.value }] : [])));
      answers.push((ok) => (ok ? resolve({ savedAt: '2025-01-10T08:00:00.000Z', revision: ++revision }) : reject(new Error('磁盘已满'))));
    });
  const release = (ok: boolean) => answers.shift()!(ok);
  const answer = async (ok: boolean) => {
    release(ok);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, send, answer, release };
}

describe('SaveQueue: the tables’ changes', () => {
  it('sends an edit at once, and edits made meanwhile together in the next batch, last value winning', async () => {
    const store = fakeStore();
    const queue = new SaveQueue(store.send);
    void queue.put(cells([{ cellId: 'a', value: 1 }]));
    expect(store.calls).toEqual([[{ cellId: 'a', value: 1 }]]);
    void queue.put(cells([{ cellId: 'b', value: 2 }]));
    void queue.put(cells([{ cellId: 'c', value: 3 }]));
    void queue.put(cells([{ cellId: 'b', value: 4 }]));
    expect(store.calls).toHaveLength(1);
    await store.answer(true);
    expect(store.calls[1]).toEqual([
      { cellId: 'c', value: 3 },
      { cellId: 'b', value: 4 },
    ]);
    const idle = queue.idle();
    await store.answer(true);
    await idle;
    expect(queue.unsaved).toBe(0);
  });

  it('a paste is one batch', () => {
    const store = fakeStore();
    const queue = new SaveQueue(store.send);
    void queue.put(cells([
      { cellId: 'a', value: 1 },
      { cellId: 'b', value: 2 },
      { cellId: 'c', value: null },
    ]));
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]).toHaveLength(3);
  });

  it('keeps a failed batch and sends it again, under what was edited since', async () => {
    vi.useFakeTimers();
    try {
      const store = fakeStore();
      const queue = new SaveQueue(store.send, { retryMs: 1000 });
      void queue.put(cells([
        { cellId: 'a', value: 1 },
        { cellId: 'b', value: 2 },
      ]));
      void queue.put(cells([{ cellId: 'b', value: 5 }]));
      // the first batch fails
      store.release(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(queue.unsaved).toBeGreaterThan(0);
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

describe('SaveQueue: every kind of change, one queue', () => {
  it('sends figures, text, notes and acknowledgements together when they wait together, each target once with its last value', async () => {
    const sent: ReportEdit[][] = [];
    let release: () => void = () => {};
    const queue = new SaveQueue(
      (edits) =>
        new Promise((resolve) => {
          sent.push(edits);
          release = () => resolve({ savedAt: 't', revision: sent.length });
        }),
    );
    void queue.put([{ kind: 'cell', cellId: 't3.r1.np', value: 1 }]);
    void queue.put([{ kind: 'section', key: 's1', text: '第一稿' }]);
    void queue.put([{ kind: 'note', cellId: 't3.r2.np', note: '撤回 1 件' }]);
    void queue.put([{ kind: 'section', key: 's1', text: '第二稿' }]);
    void queue.put([{ kind: 'ack', key: 'P-1|t2.reg.valid', reason: '到期失效' }]);
    release();
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual([
      { kind: 'note', cellId: 't3.r2.np', note: '撤回 1 件' },
      { kind: 'section', key: 's1', text: '第二稿' },
      { kind: 'ack', key: 'P-1|t2.reg.valid', reason: '到期失效' },
    ]);
    release();
    await queue.idle();
  });

  it('typing is held for a pause, shows 正在保存 from the first key, and goes at once when flushed', async () => {
    vi.useFakeTimers();
    try {
      const statuses: string[] = [];
      const sent: ReportEdit[][] = [];
      const queue = new SaveQueue(async (edits) => (sent.push(edits), { savedAt: '2025-01-10T08:00:00.000Z', revision: 1 }), { onStatus: (s) => statuses.push(s.kind) });
      queue.hold({ kind: 'section', key: 's5', text: '存' }, 400);
      queue.hold({ kind: 'section', key: 's5', text: '存在' }, 400);
      expect(statuses).toEqual(['saving']);
      expect(queue.unsaved).toBe(1);
      await vi.advanceTimersByTimeAsync(399);
      expect(sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toEqual([[{ kind: 'section', key: 's5', text: '存在' }]]);
      expect(statuses.at(-1)).toBe('saved');
      queue.hold({ kind: 'section', key: 's6', text: '无' }, 400);
      const idle = queue.idle();
      queue.flushNow();
      await idle;
      expect(sent[1]).toEqual([{ kind: 'section', key: 's6', text: '无' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed save of typing is kept and sent again; an acceptance is given up and its caller told', async () => {
    vi.useFakeTimers();
    try {
      const store = fakeStore();
      const statuses: string[] = [];
      const queue = new SaveQueue(store.send, { retryMs: 1000, onStatus: (s) => statuses.push(s.kind === 'failed' ? `failed:${s.message}` : s.kind) });
      const cell = queue.put(cells([{ cellId: 'a', value: 1 }]));
      const ack = queue.put([{ kind: 'ack', key: 'k', reason: 'r' }], { retry: false });
      store.release(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(statuses).toContain('failed:操作没有完成：磁盘已满');
      // the cell went alone (it was sent the moment it was made); both go in the next try
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.calls).toHaveLength(2);
      store.release(false);
      await vi.advanceTimersByTimeAsync(0);
      expect(await ack).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.calls).toHaveLength(3);
      expect(store.calls.at(-1)).toEqual([{ cellId: 'a', value: 1 }]);
      store.release(true);
      expect(await cell).toBe(true);
      expect(statuses.at(-1)).toBe('saved');
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
