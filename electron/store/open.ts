import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { DB_FILE_NAME } from './paths.js';

export type StoreFaultKind = 'unwritable' | 'corrupt' | 'newer';

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
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens (creating if needed) the one database file in `dataDir`: WAL, synchronous=FULL,
 * foreign keys on. Pending migrations run in one transaction after a backup copy of the file.
 */
export function openDatabase(dataDir: string, options: { nativeBinding?: string } = {}): OpenedDb {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    throw new StoreFault(
      'unwritable',
      `数据文件夹无法写入：${dataDir}（${(err as NodeJS.ErrnoException).code ?? '未知原因'}）。请检查该文件夹的权限，或用 --data-dir 指定一个可以写入的文件夹。`,
      dataDir,
    );
  }
  const file = path.join(dataDir, DB_FILE_NAME);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // reading the schema touches the file header: a file that is not a database fails here
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw new StoreFault('unwritable', `无法打开数据文件 ${file}：文件或文件夹不可写。请检查权限。`, dataDir);
    }
    throw new StoreFault(
      'corrupt',
      `数据文件已损坏，无法打开：${file}。请关闭软件，把「${backupDir(dataDir)}」里最近的备份复制回来并改名为 ${DB_FILE_NAME}，或把损坏的文件移走后重新开始。损坏的文件不会被改动。`,
      dataDir,
    );
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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  let backup: string | undefined;
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length) {
    if (existed) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      fs.mkdirSync(backupDir(dataDir), { recursive: true });
      backup = path.join(backupDir(dataDir), `nianbao-v${current}-${stamp()}.db`);
      fs.copyFileSync(file, backup);
    }
    db.transaction(() => {
      for (const m of pending) m.up(db);
      db.pragma(`user_version = ${LATEST_VERSION}`);
    })();
  }
  return { db, file, dataDir, ...(backup ? { backup } : {}) };
}
