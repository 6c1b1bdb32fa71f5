import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AgencyStore } from './agencies.js';
import { CountyStore } from './county.js';
import { LATEST_VERSION } from './migrations.js';
import { openDatabase, StoreFault, type OpenedDb, type OpenOptions } from './open.js';
import { DB_FILE_NAME } from './paths.js';
import { ReportStore } from './reports.js';
import { VersionStore } from './versions.js';

export { StoreFault, backupDir, lockFolder } from './open.js';
export type { OpenOptions } from './open.js';
export { platformDataDir, dataDirFromArgs, DB_FILE_NAME } from './paths.js';

export interface Store {
  readonly file: string;
  readonly dataDir: string;
  readonly agencies: AgencyStore;
  readonly reports: ReportStore;
  readonly versions: VersionStore;
  /** the county workspace: units and the reports collected from them (issue 15) */
  readonly county: CountyStore;
  readonly opened: OpenedDb;
  /** true for a store opened by a reading command: every write fails */
  readonly readOnly: boolean;
  /**
   * Runs `work` in one SQLite transaction: all of its writes are kept, or none (a thrown error
   * rolls back). Every service that writes more than one row goes through here.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}

function assemble(opened: Store['opened'], readOnly: boolean): Store {
  let closed = false;
  return {
    file: opened.file,
    dataDir: opened.dataDir,
    agencies: new AgencyStore(opened.db),
    reports: new ReportStore(opened.db),
    versions: new VersionStore(opened.db),
    county: new CountyStore(opened.db),
    opened,
    transaction: (work) => opened.db.transaction(work)(),
    readOnly,
    close: () => {
      if (closed) return;
      closed = true;
      try {
        // everything from the -wal into nianbao.db itself, so that the file alone is complete
        if (!readOnly && opened.db.open) opened.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // a damaged or vanished file: closing is all that is left to do
      } finally {
        if (opened.db.open) opened.db.close();
        opened.lock?.release();
      }
    },
  };
}

/** The store of a data folder, for this program alone: see openDatabase. */
export function openStore(dataDir: string, options: OpenOptions = {}): Store {
  return assemble(openDatabase(dataDir, options), false);
}

/**
 * The store opened for reading only, without the folder's lock: what the reading commands
 * (`export` of a stored report, `package`, `backup`) use, so they work beside a running app.
 * Never creates or upgrades a file.
 */
export function openStoreReadOnly(dataDir: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Store {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) {
    throw new StoreFault('unwritable', `在「${dataDir}」中没有找到年报助手的数据（${DB_FILE_NAME}）。请用 --data-dir 指定数据文件夹。`, dataDir);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new StoreFault('unwritable', `无法读取数据文件 ${file}（${(err as { code?: string }).code ?? String(err)}）。`, dataDir);
  }
  let version: number;
  try {
    version = Number(db.pragma('user_version', { simple: true }));
  } catch (err) {
    db.close();
    throw new StoreFault('corrupt', `数据文件 ${file} 无法读取，可能已损坏（${(err as { code?: string }).code ?? String(err)}）。`, dataDir);
  }
  if (version !== LATEST_VERSION) {
    db.close();
    throw new StoreFault(
      version > LATEST_VERSION ? 'newer' : 'unwritable',
      version > LATEST_VERSION
        ? `这个数据文件是由更新版本的年报助手写的（数据版本 ${version}），请安装最新版本。`
        : `数据文件 ${file} 需要先升级：请先启动一次年报助手（npm start），它会先备份再升级数据文件。`,
      dataDir,
    );
  }
  return assemble({ db, file, dataDir }, true);
}
