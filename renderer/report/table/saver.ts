import type { CellChange } from './history.js';

/** Sends one batch; resolves true when the store has it (in one transaction), false when it failed. */
export type SendCells = (changes: CellChange[]) => Promise<boolean>;

/** How long to wait before sending again after a failed save. */
export const RETRY_MS = 2000;

/**
 * Gets every accepted edit to the store at once and in order, without losing one.
 *
 * An edit is sent the moment it is made. While a batch is on its way, later edits wait and go
 * together in the next batch (a cell edited twice is sent once, with its last value). A paste is
 * one batch, so it is saved whole or not at all. A batch that fails is kept and sent again,
 * merged under anything edited since, until the store takes it.
 */
export class CellSaver {
  private pending = new Map<string, number | null>();
  private inFlight = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly send: SendCells,
    private readonly retryMs = RETRY_MS,
  ) {}

  save(changes: readonly CellChange[]): void {
    for (const { cellId, value } of changes) {
      // re-inserting moves the cell to the end, so a batch keeps the order of the edits
      this.pending.delete(cellId);
      this.pending.set(cellId, value);
    }
    if (!this.inFlight && this.retryTimer === undefined) void this.flush();
  }

  /** Cells edited but not yet confirmed by the store. */
  get unsaved(): number {
    return this.pending.size + (this.inFlight ? 1 : 0);
  }

  /** Resolves when nothing is waiting or on its way. */
  idle(): Promise<void> {
    if (!this.inFlight && this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Sends what is waiting now, e.g. before the window closes, even during a retry pause. */
  flushNow(): void {
    if (this.retryTimer !== undefined) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (!this.inFlight) void this.flush();
  }

  dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) {
      this.settle();
      return;
    }
    const batch = [...this.pending].map(([cellId, value]) => ({ cellId, value }));
    this.pending.clear();
    this.inFlight = true;
    let ok = false;
    try {
      ok = await this.send(batch);
    } catch {
      ok = false;
    }
    this.inFlight = false;
    if (!ok) {
      // put the batch back under anything edited meanwhile (later edits win)
      const later = this.pending;
      this.pending = new Map(batch.map((c) => [c.cellId, c.value]));
      for (const [id, v] of later) {
        this.pending.delete(id);
        this.pending.set(id, v);
      }
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.flush();
      }, this.retryMs);
      return;
    }
    await this.flush();
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}
