import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION } from './migrations.js';

/**
 * Backups: consistent one-file copies of the store in the data folder's `backups/`.
 *
 * A copy of `nianbao.db` taken with the file manager while the app runs misses what is still in
 * `nianbao.db-wal`; a backup here is made by SQLite from inside the connection, so it holds
 * exactly what was saved. While the app runs the online backup API (better-sqlite3's `backup`)
 * copies in steps, so the window keeps answering during a large copy, and writes made through
 * the same connection meanwhile reach the copy too. Before a migration, when nothing else runs
 * yet, `VACUUM INTO` makes the copy in one synchronous step.
 *
 * A backup is written under a temporary name and renamed when complete: a file named like a
 * backup is always a whole one. Backups are plain rollback-journal files, so reading one (to list
 * what it holds, to check it) leaves no -wal or -shm beside it.
 */

export type BackupKind =
  /** made at start when the newest backup is more than a day old; the last 7 are kept */
  | 'daily'
  /** made just before a report is signed (定稿): kept */
  | 'pre-sign'
  /** made before the store's schema is upgraded: kept */
  | 'pre-migration'
  /** made by the clerk (「立即备份」, `nianbao backup`): kept */
  | 'manual'
  /** the data as it was just before a restore replaced it: kept */
  | 'pre-restore'
  /** a damaged data file moved aside by a restore, for rescue: kept, never offered for restore */
  | 'damaged';

export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'pre-sign', 'pre-migration', 'manual', 'pre-restore', 'damaged'];

export { BACKUP_KIND_LABELS } from '../../core/backup.js';

/** How many daily backups are kept; the others kinds are all kept. */
export const DAILY_KEPT = 7;
/** A new daily backup is made at start when the newest backup is older than this. */
export const DAILY_INTERVAL_MS = 24 * 60 * 60 * 1000;
/**
 * Pages copied per step of the online backup (4 KB pages: 2 MB, some tens of milliseconds),
 * between which the app answers the window (bench/backup.bench.ts measures the longest pause).
 */
const STEP_PAGES = 512;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export interface BackupFile {
  /** the file name inside backups/: what the window and the command line name a backup by */
  name: string;
  path: string;
  kind: BackupKind;
  /** when it was made (ISO), read from the name */
  createdAt: string;
  size: number;
}

const NAME = /^nianbao-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?-([a-z-]+)\.db$/;

/** A backup's file name: local time, so that a clerk browsing the folder reads the right hour. */
function nameFor(kind: BackupKind, at: Date, n: number): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `nianbao-${stamp}${n > 1 ? `-${n}` : ''}-${kind}.db`;
}

/** A backup's facts from its file name, or undefined for a file that is not one. */
export function parseBackupName(name: string): Omit<BackupFile, 'path' | 'size'> | undefined {
  const m = NAME.exec(name);
  if (!m || !BACKUP_KINDS.includes(m[8] as BackupKind)) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const at = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  return { name, kind: m[8] as BackupKind, createdAt: at.toISOString() };
}

/** Is this a safe backup name (no folder part), as the window sends it? */
export function isBackupName(name: string): boolean {
  return path.basename(name) === name && parseBackupName(name) !== undefined;
}

/** Every backup in the data folder, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: (BackupFile & { mtime: number })[] = [];
  for (const name of names) {
    const facts = parseBackupName(name);
    if (!facts) continue;
    try {
      const stat = fs.statSync(path.join(dir, name));
      out.push({ ...facts, path: path.join(dir, name), size: stat.size, mtime: stat.mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  // names tell the second; within one second the file written last is the newer
  out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.mtime - a.mtime));
  return out.map(({ mtime: _mtime, ...file }) => file);
}

/** Where a new backup of this kind made at `at` goes: a name not yet taken. */
export function newBackupPath(dataDir: string, kind: BackupKind, at: Date): string {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const file = path.join(dir, nameFor(kind, at, n));
    if (!fs.existsSync(file)) return file;
  }
}

function partial(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.partial`);
}

function finish(temp: string, file: string, kind: BackupKind, at: Date): BackupFile {
  fs.renameSync(temp, file);
  syncFolder(path.dirname(file));
  return { name: path.basename(file), path: file, kind, createdAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(), size: fs.statSync(file).size };
}

function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort: the rename itself is atomic
  }
}

function discard(temp: string): void {
  for (const f of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * Copies the open store to a new backup with SQLite's online backup API, in steps, and returns
 * it. `into` writes the copy to a file of the caller's choosing instead (`nianbao backup --out`);
 * `oneStep` copies everything in one step (for a connection other than the writer's).
 */
export async function makeBackup(
  db: Database.Database,
  dataDir: string,
  kind: BackupKind,
  options: { now?: Date; into?: string; oneStep?: boolean; stepPages?: number } = {},
): Promise<BackupFile> {
  const at = options.now ?? new Date();
  const file = options.into ? path.resolve(options.into) : newBackupPath(dataDir, kind, at);
  const temp = partial(file);
  discard(temp);
  try {
    // in steps the copy restarts whenever another connection writes between two of them: a
    // reader beside a running app (`nianbao backup`) copies in one step, a snapshot of one moment
    await db.backup(temp, { progress: () => (options.oneStep ? 0x7fffffff : (options.stepPages ?? STEP_PAGES)) });
    // a plain rollback-journal file: complete in itself, and readable without -wal/-shm beside it
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const made = finish(temp, file, kind, at);
    if (!options.into) pruneBackups(dataDir);
    return made;
  } catch (err) {
    discard(temp);
    throw err;
  }
}

/**
 * The same in one synchronous step (`VACUUM INTO`), for the moment before a migration, when the
 * store is open but nothing else runs yet.
 */
export function makeBackupNow(db: Database.Database, dataDir: string, kind: BackupKind, now = new Date()): BackupFile {
  const file = newBackupPath(dataDir, kind, now);
  const temp = partial(file);
  discard(temp);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    return finish(temp, file, kind, now);
  } catch (err) {
    discard(temp);
    throw err;
  }
}

/** Keeps the last DAILY_KEPT daily backups; every other kind stays. Returns the names removed. */
export function pruneBackups(dataDir: string): string[] {
  const old = listBackups(dataDir)
    .filter((b) => b.kind === 'daily')
    .slice(DAILY_KEPT);
  for (const b of old) fs.rmSync(b.path, { force: true });
  return old.map((b) => b.name);
}

/** Is a daily backup due: the newest backup (of any kind but a damaged file) is more than a day old, or there is none? */
export function dailyBackupDue(dataDir: string, now = new Date()): boolean {
  const newest = listBackups(dataDir).find((b) => b.kind !== 'damaged');
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= DAILY_INTERVAL_MS;
}

// ---------- what a backup holds ----------

export interface BackupContents {
  /** each agency with the years of its reports and whether each is signed */
  agencies: { name: string; reports: { year: number; state: 'draft' | 'signed' }[] }[];
  schemaVersion: number;
}

export type BackupCheck = { ok: true; contents: BackupContents } | { ok: false; problem: string };

function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function contentsOf(db: Database.Database): BackupContents {
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  const rows = db
    .prepare<[], { name: string; year: number | null; state: 'draft' | 'signed' | null }>(
      'SELECT a.name, r.year, r.state FROM agencies a LEFT JOIN reports r ON r.agency_id = a.id ORDER BY a.id, r.year DESC',
    )
    .all();
  const agencies = new Map<string, BackupContents['agencies'][number]>();
  for (const row of rows) {
    const entry = agencies.get(row.name) ?? { name: row.name, reports: [] };
    agencies.set(row.name, entry);
    if (row.year !== null) entry.reports.push({ year: row.year, state: row.state ?? 'draft' });
  }
  return { agencies: [...agencies.values()], schemaVersion };
}

function problemOf(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return '不是年报助手的数据文件';
  if (code.startsWith('SQLITE_CORRUPT')) return '文件已损坏';
  if (code === 'SQLITE_ERROR' && /no such table/.test(String((err as Error).message))) return '不是年报助手的数据文件（缺少数据表）';
  if (code === 'ENOENT' || code === 'SQLITE_CANTOPEN') return '文件不存在或无法打开';
  return `无法读取（${code || String(err)}）`;
}

/** What a backup holds, read without changing it; a file that cannot be read says why. */
export function readBackup(file: string): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(file);
    return { ok: true, contents: contentsOf(db) };
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  } finally {
    db?.close();
  }
}

/**
 * The check before a restore: SQLite's full integrity check of every page and index, a schema
 * this version of the app can open, and the app's tables present.
 */
export function checkBackup(file: string, depth: 'quick' | 'full' = 'full'): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(file);
    const result = db.pragma(depth === 'full' ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as Record<string, string>[];
    const problems = result.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
    if (problems.length) return { ok: false, problem: `文件已损坏（SQLite 完整性检查发现 ${problems.length} 处问题）` };
    const contents = contentsOf(db);
    if (contents.schemaVersion > LATEST_VERSION) {
      return { ok: false, problem: `这份备份是由更新版本的年报助手做的（数据版本 ${contents.schemaVersion}），请先安装新版本` };
    }
    return { ok: true, contents };
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  } finally {
    db?.close();
  }
}
