import type { ReportEdit, SaveAck } from '../../../core/api.js';
import { ApiFailure, errorMessage } from '../../api/errors.js';

/** Sends one save (report.save); resolves with the store's answer, rejects when it was not stored. */
export type SendEdits = (edits: ReportEdit[]) => Promise<SaveAck>;

/** How long to wait before sending again after a failed save. */
export const RETRY_MS = 2000;

/** What the header says about saving. */
export type SaveStatus =
  | { kind: 'saved'; at?: string }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  /** the store has a newer revision (another window saved): nothing more is sent until the clerk chooses */
  | { kind: 'conflict'; message: string };

/** The one thing an edit changes, so that a later edit of it replaces the earlier one. */
function targetOf(edit: ReportEdit): string {
  switch (edit.kind) {
    case 'cell':
      return `cell:${edit.cellId}`;
    case 'section':
      return `section:${edit.key}`;
    case 'note':
      return `note:${edit.cellId}`;
    case 'ack':
      return `ack:${edit.key}`;
    case 'confirm':
      return `confirm:${edit.key}\u0000${edit.mention}`;
    case 'table-confirmation':
      return `table-confirmation:${edit.table}`;
  }
}

export interface Queued {
  edit: ReportEdit;
  /** a failed save is sent again (typing is never lost); else it is given up and reported */
  retry: boolean;
  /** who waits to hear that this edit is stored (true) or given up (false) */
  waiters: ((stored: boolean) => void)[];
}

export interface SaveQueueOptions {
  retryMs?: number;
  onStatus?(status: SaveStatus): void;
  onSaved?(ack: SaveAck, edits: readonly ReportEdit[]): void;
  /** a save was refused as stale (ApiFailure 'stale'): the queue keeps everything and waits for `resume` */
  onStale?(): void;
}

/**
 * Gets every change of an open report to the store, in order, without losing one: figures,
 * prose, notes, acknowledgements and confirmed mentions alike.
 *
 * A change is sent the moment it is made; while a save is on its way, later changes wait and go
 * together in the next one (a cell or a text changed twice is sent once, with its last value).
 * A paste is one save, stored whole or not at all. Typing may be `held` for a short pause first,
 * so that a word is not a save per keystroke; the header says 「正在保存…」 from the first key.
 *
 * A save that fails is kept and sent again, merged under anything changed since, until the
 * store takes it — except changes made with `retry: false` (accepting a warning, a reason
 * written in a dialog): those are given up and their caller told, so that the clerk can try
 * again knowingly rather than have them stored behind their back later.
 */
export class SaveQueue {
  private pending = new Map<string, Queued>();
  private held = new Map<string, { queued: Queued; timer: ReturnType<typeof setTimeout> }>();
  private inFlight = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];
  private status: SaveStatus = { kind: 'saved' };
  /** refused as stale: nothing is sent until the window has settled the conflict (`takeAll`, `resume`) */
  private blocked = false;
  private readonly retryMs: number;

  constructor(
    private readonly send: SendEdits,
    private readonly options: SaveQueueOptions = {},
  ) {
    this.retryMs = options.retryMs ?? RETRY_MS;
  }

  /** Queues changes to send now; resolves true once they are stored, false when given up. */
  put(edits: readonly ReportEdit[], options: { retry?: boolean } = {}): Promise<boolean> {
    const retry = options.retry ?? true;
    const done = new Promise<boolean>((resolve) => {
      const waiters = edits.length ? [resolve] : [];
      edits.forEach((edit, i) => this.enqueue({ edit, retry, waiters: i === edits.length - 1 ? waiters : [] }));
      if (!edits.length) resolve(true);
    });
    this.kick();
    return done;
  }

  /** Keeps a change back for `delayMs` (typing), replacing one held for the same target; it is then sent. */
  hold(edit: ReportEdit, delayMs: number): void {
    const target = targetOf(edit);
    const earlier = this.held.get(target);
    if (earlier) clearTimeout(earlier.timer);
    const queued: Queued = { edit, retry: true, waiters: earlier?.queued.waiters ?? [] };
    const timer = setTimeout(() => this.release(target), delayMs);
    this.held.set(target, { queued, timer });
    this.setStatus({ kind: 'saving' });
  }

  /** Changes made but not yet stored (held, waiting or on their way). */
  get unsaved(): number {
    return this.held.size + this.pending.size + (this.inFlight ? 1 : 0);
  }

  /** Sends what is held or waiting now, e.g. before the window closes, even during a retry pause. */
  flushNow(): void {
    for (const target of [...this.held.keys()]) this.release(target, false);
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    this.kick();
  }

  /** Resolves when nothing is held, waiting or on its way (call flushNow first not to wait for pauses). */
  idle(): Promise<void> {
    if (!this.unsaved) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Held back because another window saved first. */
  get isBlocked(): boolean {
    return this.blocked;
  }

  /**
   * Everything not yet stored, in order, taken out of the queue (held typing included), for the
   * window to settle a conflict with: it puts back what the clerk keeps, then calls `resume`.
   */
  takeAll(): Queued[] {
    for (const target of [...this.held.keys()]) this.release(target, false);
    const all = [...this.pending.values()];
    this.pending.clear();
    return all;
  }

  /** Sends again after a conflict was settled; `restore` goes first (the kept edits with their waiters). */
  resume(restore: readonly Queued[] = []): void {
    this.blocked = false;
    for (const q of restore) this.enqueue(q);
    if (!this.pending.size) this.setStatus({ kind: 'saved' });
    this.kick();
  }

  dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const { timer } of this.held.values()) clearTimeout(timer);
  }

  // ---- inside ----

  private enqueue(queued: Queued): void {
    const target = targetOf(queued.edit);
    const earlier = this.pending.get(target) ?? this.held.get(target)?.queued;
    const held = this.held.get(target);
    if (held) {
      clearTimeout(held.timer);
      this.held.delete(target);
    }
    // re-inserting moves the target to the end, so a save keeps the order of the changes
    this.pending.delete(target);
    this.pending.set(target, { ...queued, retry: queued.retry && (earlier?.retry ?? true), waiters: [...(earlier?.waiters ?? []), ...queued.waiters] });
    this.setStatus({ kind: 'saving' });
  }

  private release(target: string, kick = true): void {
    const held = this.held.get(target);
    if (!held) return;
    clearTimeout(held.timer);
    this.held.delete(target);
    this.enqueue(held.queued);
    if (kick) this.kick();
  }

  private kick(): void {
    if (this.blocked) return;
    if (!this.inFlight && this.retryTimer === undefined) void this.flush();
  }

  private setStatus(status: SaveStatus): void {
    const same = status.kind === this.status.kind && JSON.stringify(status) === JSON.stringify(this.status);
    if (same) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) {
      this.settle();
      return;
    }
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.inFlight = true;
    let ack: SaveAck | undefined;
    let failure = '';
    let stale = false;
    try {
      ack = await this.send(batch.map((q) => q.edit));
    } catch (err) {
      failure = errorMessage(err);
      stale = err instanceof ApiFailure && err.code === 'stale';
    }
    this.inFlight = false;
    if (stale) {
      // another window saved first: keep every change (those not retried too) under later ones, and wait
      const later = this.pending;
      this.pending = new Map(batch.map((q) => [targetOf(q.edit), q]));
      for (const [target, q] of later) {
        const mine = this.pending.get(target);
        this.pending.delete(target);
        this.pending.set(target, mine ? { ...q, waiters: [...mine.waiters, ...q.waiters] } : q);
      }
      this.blocked = true;
      this.setStatus({ kind: 'conflict', message: failure });
      this.options.onStale?.();
      return;
    }
    if (!ack) {
      this.setStatus({ kind: 'failed', message: failure });
      // given up: the changes that are not retried, and their callers told
      for (const q of batch) if (!q.retry) q.waiters.forEach((w) => w(false));
      // put the rest back under anything changed meanwhile (later changes win)
      const later = this.pending;
      this.pending = new Map(batch.filter((q) => q.retry).map((q) => [targetOf(q.edit), q]));
      for (const [target, q] of later) {
        const mine = this.pending.get(target);
        this.pending.delete(target);
        this.pending.set(target, mine ? { ...q, waiters: [...mine.waiters, ...q.waiters] } : q);
      }
      if (!this.pending.size) {
        this.settle();
        return;
      }
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.flush();
      }, this.retryMs);
      return;
    }
    this.options.onSaved?.(ack, batch.map((q) => q.edit));
    for (const q of batch) q.waiters.forEach((w) => w(true));
    if (!this.pending.size && !this.held.size) this.setStatus({ kind: 'saved', at: ack.savedAt });
    await this.flush();
  }

  private settle(): void {
    if (this.held.size) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}
