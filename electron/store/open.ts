import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeBackupNow } from './backup.js';
import { quickCheck } from './integrity.js';
import { acquireLock, FolderLockedError, type FolderLock } from './lock.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { DB_FILE_NAME } from './paths.js';

export { backupDir } from './backup.js';

export type StoreFaultKind = 'unwritable' | 'corrupt' | 'newer' | 'locked';

/** Why the store could not be opened, said so that a clerk knows what to do next. */
export class StoreFault extends Error {
  constructor(
    readonly kind: StoreFaultKind,
    message: string,
    readonly dataDir: string,
  ) {
    super(message);
  }
}

export interface OpenedDb {
  db: Database.Database;
  file: string;
  dataDir: string;
  /** the backup copy taken before migrations ran, if any */
  backup?: string;
  /** the hold on the data folder this open took (lock.ts), released when the store closes; absent when the caller holds it */
  lock?: FolderLock;
}

export interface OpenOptions {
  nativeBinding?: string;
  /** how the lock names this program to a second one: 「浏览器模式」「桌面版」… */
  program?: string;
  /** the folder's lock, already held by the caller (who releases it); without it the open takes one */
  lock?: FolderLock;
}

/** The fault for a damaged file: what happened, that it was left alone, and the way back. */
export function damagedMessage(file: string, detail: string): string {
  return (
    `数据文件已损坏：${file}（${detail}）。年报助手没有改动它，也不会再往里面写入。` +
    '可以用最近一份完好的备份恢复：在窗口中选一份备份点「恢复」，或在命令行运行 nianbao restore（先用 nianbao backup --list 查看有哪些备份）。' +
    '恢复时，损坏的文件会移到备份文件夹里留存，不会删除。'
  );
}

/**
 * Opens (creating if needed) the one database file in `dataDir` for this program alone (the
 * folder's lock): WAL, synchronous=FULL, foreign keys on. The file is checked with
 * `PRAGMA quick_check` before anything is written; pending migrations run in one transaction
 * after a backup copy of the file.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenedDb {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    throw unwritable(dataDir, err);
  }
  if (options.lock) return openLocked(dataDir, options);
  const lock = lockFolder(dataDir, options.program ?? '年报助手');
  try {
    return { ...openLocked(dataDir, options), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** The folder cannot be written: a write-protected USB stick, a read-only share, missing permission. */
function unwritable(dataDir: string, err: unknown): StoreFault {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const why = code === 'EROFS' ? '它在只读的磁盘上，例如打开了写保护的 U 盘' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code || '未知原因';
  return new StoreFault(
    'unwritable',
    `数据文件夹无法写入：${dataDir}（${why}）。年报助手没有改动其中的数据。请关掉 U 盘的写保护或检查该文件夹的权限，然后点「重试」；也可以用 --data-dir 指定一个可以写入的文件夹。`,
    dataDir,
  );
}

/** Takes the data folder for this program; a folder held by another live one is the 'locked' fault. */
export function lockFolder(dataDir: string, program: string): FolderLock {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    return acquireLock(dataDir, program);
  } catch (err) {
    if (err instanceof FolderLockedError) throw new StoreFault('locked', err.message, dataDir);
    if ((err as NodeJS.ErrnoException).code) throw unwritable(dataDir, err);
    throw err;
  }
}

function openLocked(dataDir: string, options: OpenOptions): OpenedDb {
  const file = path.join(dataDir, DB_FILE_NAME);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // every page read and its structure checked before anything is written (a file that is not
    // a database fails here too); the full check of the indexes follows in the background
    const check = quickCheck(db);
    if (!check.ok) {
      db.close();
      throw new StoreFault('corrupt', damagedMessage(file, `SQLite 检查发现 ${check.problems.length} 处问题`), dataDir);
    }
  } catch (err) {
    if (err instanceof StoreFault) throw err;
    db?.close();
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw new StoreFault('unwritable', `无法打开数据文件 ${file}：文件或文件夹不可写。请检查权限。`, dataDir);
    }
    throw new StoreFault('corrupt', damagedMessage(file, code === 'SQLITE_NOTADB' ? '它不是 SQLite 数据库文件' : '无法读取它的内容'), dataDir);
  }

  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > LATEST_VERSION) {
    db.close();
    throw new StoreFault(
      'newer',
      `这个数据文件是由更新版本的年报助手写的（数据版本 ${current}，本软件只认识到 ${LATEST_VERSION}）。请安装最新版本的年报助手再打开；文件没有被改动。`,
      dataDir,
    );
  }
  // only now change anything: switching to WAL rewrites the file header
  try {
    db.pragma('journal_mode = WAL');
  } catch (err) {
    db.close();
    throw new StoreFault('unwritable', `数据文件 ${file} 是只读的（${(err as { code?: string }).code ?? ''}），年报助手没有改动它。请去掉文件的“只读”属性，或关掉 U 盘的写保护，然后点「重试」。`, dataDir);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  let backup: string | undefined;
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length) {
    // a new file has nothing to keep; an existing one is copied whole first
    if (existed) backup = makeBackupNow(db, dataDir, 'pre-migration').path;
    const target = db;
    target.transaction(() => {
      for (const m of pending) m.up(target);
      target.pragma(`user_version = ${LATEST_VERSION}`);
    })();
  }
  return { db, file, dataDir, ...(backup ? { backup } : {}) };
}
