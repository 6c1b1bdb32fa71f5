import fs from 'node:fs';
import path from 'node:path';
import {
  checkBackup,
  dailyBackupDue,
  listBackups,
  makeBackup,
  newBackupPath,
  parseBackupName,
  type BackupFile,
  type BackupKind,
} from './backup.js';
import { fullCheckInBackground } from './integrity.js';
import type { FolderLock } from './lock.js';
import { damagedMessage, lockFolder, StoreFault } from './open.js';
import { DB_FILE_NAME } from './paths.js';
import { openStore, type Store } from './index.js';

/**
 * The one open store of a data folder, for the two long-running hosts (browser mode, desktop):
 * it holds the folder's lock for as long as the program runs, opens and checks the file, makes
 * the daily backup and the full check in the background, stops writing when it finds damage,
 * swaps the file on a restore, and closes it cleanly (the -wal emptied into the file).
 *
 * While the store cannot be used, `fault` says why (StoreFault: damaged, held by another
 * program, not writable, from a newer version) and `store` is undefined.
 */

export interface KeeperOptions {
  /** how the lock names this program to another one: 「浏览器模式」「桌面版」 */
  program: string;
  nativeBinding?: string;
  now?: () => Date;
}

export class RestoreRefused extends Error {}

export class StoreKeeper {
  store?: Store;
  fault?: StoreFault;
  private lock?: FolderLock;
  private readonly listeners = new Set<() => void>();
  /** set once damage is found while running: the connection stays open but nothing is written */
  private damaged = false;
  private closed = false;

  constructor(
    readonly dataDir: string,
    private readonly options: KeeperOptions,
  ) {
    this.open();
  }

  get file(): string {
    return path.join(this.dataDir, DB_FILE_NAME);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Calls `listener` whenever the store is opened, swapped or given up. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Opens the store (taking the folder's lock first); a fault is kept, not thrown. */
  private open(): void {
    try {
      this.lock ??= lockFolder(this.dataDir, this.options.program);
      this.store = openStore(this.dataDir, {
        lock: this.lock,
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      });
      this.fault = undefined;
      this.damaged = false;
    } catch (err) {
      if (!(err instanceof StoreFault)) throw err;
      this.store = undefined;
      this.fault = err;
    }
  }

  /** Tries again after a fault (the other program was closed, the permission was fixed…). True when the store is now open. */
  retry(): boolean {
    if (this.store || this.damaged || this.closed) return Boolean(this.store);
    this.open();
    if (this.store) this.changed();
    return Boolean(this.store);
  }

  /**
   * Damage found while running: from now on every method answers with the fault and nothing is
   * written. The connection stays open (closing it would write the -wal into the damaged file)
   * until a restore moves the file aside or the program ends.
   */
  markDamaged(detail: string): StoreFault {
    if (!this.damaged) {
      this.damaged = true;
      this.fault = new StoreFault('corrupt', damagedMessage(this.file, detail), this.dataDir);
      this.changed();
    }
    return this.fault!;
  }

  get isDamaged(): boolean {
    return this.damaged;
  }

  /** The store when it may be used: open and not found damaged. */
  get usable(): Store | undefined {
    return this.damaged ? undefined : this.store;
  }

  /** A backup of the open store. */
  async backup(kind: BackupKind): Promise<BackupFile> {
    const store = this.usable;
    if (!store) throw new StoreFault(this.fault?.kind ?? 'unwritable', this.fault?.message ?? '数据没有打开，不能备份。', this.dataDir);
    return makeBackup(store.opened.db, this.dataDir, kind, { now: this.now() });
  }

  /**
   * What runs after start, in the background: the full integrity check, then — only on a sound
   * file, so that a damaged copy never pushes a good one out of the last seven — the daily backup
   * when one is due. Damage found turns the store into the fault. Resolves when both are done.
   */
  async maintenance(): Promise<{ backup?: BackupFile; damaged: boolean }> {
    const store = this.usable;
    if (!store) return { damaged: this.damaged };
    const result = await fullCheckInBackground(store.file, this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}).catch(() => ({ ok: true as const }));
    if (this.closed || this.store !== store) return { damaged: false };
    if (!result.ok) {
      this.markDamaged(`完整性检查发现 ${result.problems.length} 处问题`);
      return { damaged: true };
    }
    if (!store.agencies.list().length || !dailyBackupDue(this.dataDir, this.now())) return { damaged: false };
    try {
      return { backup: await this.backup('daily'), damaged: false };
    } catch (err) {
      // a failed daily backup must not stop the clerk; the next start tries again
      console.error(`每日自动备份没有做成：${err instanceof Error ? err.message : String(err)}`);
      return { damaged: false };
    }
  }

  /**
   * Replaces the data with a backup: the backup is checked whole first (a damaged or foreign file
   * is refused and nothing changes); the data as it is now is kept as a backup of its own (a
   * copy made by the backup API, or — when the file is damaged — the file itself moved aside);
   * then the backup is copied into place and opened.
   */
  async restore(name: string): Promise<{ restored: BackupFile; kept?: BackupFile }> {
    const source = parseBackupName(name) && listBackups(this.dataDir).find((b) => b.name === name);
    if (!source) throw new RestoreRefused(`找不到备份「${name}」，它可能已被删除。请刷新备份列表。`);
    if (source.kind === 'damaged') throw new RestoreRefused('这是留作抢救的损坏文件，不能用来恢复。请选择另一份备份。');
    return { restored: source, ...(await this.restoreFrom(source.path, `备份「${name}」`)) };
  }

  /** The same from any file, e.g. a backup brought on a USB stick (`nianbao restore FILE`). */
  async restoreFrom(file: string, named = `「${path.basename(file)}」`): Promise<{ kept?: BackupFile }> {
    if (this.fault?.kind === 'locked') throw new RestoreRefused(this.fault.message);
    const check = checkBackup(file, 'full');
    if (!check.ok) throw new RestoreRefused(`${named}不能用来恢复：${check.problem}。数据没有改动，请选择另一份备份。`);

    let kept: BackupFile | undefined;
    if (this.usable) {
      // an empty store (a folder just created) has nothing to keep
      if (this.usable.agencies.list().length) kept = await this.backup('pre-restore');
      this.store!.close();
    } else {
      this.store?.opened.db.close();
      kept = this.moveAside(this.fault?.kind === 'corrupt' ? 'damaged' : 'pre-restore');
    }
    this.store = undefined;
    this.lock ??= lockFolder(this.dataDir, this.options.program);

    const temp = path.join(this.dataDir, `.${DB_FILE_NAME}.restoring`);
    fs.copyFileSync(file, temp);
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // the -wal of the file being replaced must not be applied to the restored one
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${this.file}${suffix}`, { force: true });
    fs.renameSync(temp, this.file);

    this.open();
    this.changed();
    if (!this.store) throw new RestoreRefused(this.fault?.message ?? '恢复后的数据没能打开。');
    return kept ? { kept } : {};
  }

  /** Moves the data file (with its -wal) into backups/ unchanged; for a file that cannot be opened. */
  private moveAside(kind: BackupKind): BackupFile | undefined {
    if (!fs.existsSync(this.file)) return undefined;
    const target = newBackupPath(this.dataDir, kind, this.now());
    fs.renameSync(this.file, target);
    // a -wal belongs with its file: moved beside it under the matching name
    if (fs.existsSync(`${this.file}-wal`)) fs.renameSync(`${this.file}-wal`, `${target}-wal`);
    fs.rmSync(`${this.file}-shm`, { force: true });
    return listBackups(this.dataDir).find((b) => b.path === target);
  }

  /** Closes the store cleanly (the -wal written into the file) and gives the folder up. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.damaged) this.store?.opened.db.close();
    else this.store?.close();
    this.store = undefined;
    this.lock?.release();
    this.lock = undefined;
  }
}
