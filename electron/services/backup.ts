import fs from 'node:fs';
import { AppError, type BackupEntry, type BackupList, type Handlers } from '../../core/api.js';
import { BACKUP_KIND_LABELS, checkBackup, DAILY_KEPT, listBackups, makeBackup, readBackup, backupDir, type BackupFile } from '../store/backup.js';
import type { StoreKeeper } from '../store/keeper.js';
import { RestoreRefused } from '../store/keeper.js';
import { StoreFault, type Store } from '../store/index.js';
import type { ExportHost } from './export.js';

/**
 * 「备份与恢复」 (issue 14): the list of backups with what each holds, a backup on demand, a
 * restore (checked first, the data it replaces kept), and 「备份到…」 — a copy handed to the
 * clerk (desktop: save dialog, for a folder or a USB stick; browser mode: a download).
 *
 * These methods also answer while the data cannot be used (the fault screen offers the newest
 * good backup), so they work from the keeper, not from an open store.
 */

type BackupMethods = 'backup.list' | 'backup.create' | 'backup.restore' | 'backup.save';

/** What the backups need: the running host's keeper, or (in tests of the other services) just a store. */
export type BackupSource = { keeper: StoreKeeper } | { store: Store };

const DB_MIME = 'application/vnd.sqlite3';

/** A backup as the window and the command line show it: kind in words, what it holds. */
export function describeBackup(file: BackupFile): BackupEntry {
  const read = file.kind === 'damaged' ? undefined : readBackup(file.path);
  return {
    name: file.name,
    kind: file.kind,
    label: BACKUP_KIND_LABELS[file.kind],
    createdAt: file.createdAt,
    size: file.size,
    ...(read?.ok ? { contents: { agencies: read.contents.agencies } } : {}),
    ...(read && !read.ok ? { problem: read.problem } : {}),
  };
}

/** The newest backup that passes the full integrity check (not a damaged file kept for rescue). */
export function newestGoodBackup(dataDir: string): BackupFile | undefined {
  return listBackups(dataDir).find((b) => b.kind !== 'damaged' && checkBackup(b.path, 'full').ok);
}

function dataDirOf(source: BackupSource): string {
  return 'keeper' in source ? source.keeper.dataDir : source.store.dataDir;
}

function failure(err: unknown): never {
  if (err instanceof RestoreRefused) throw new AppError('refused', err.message);
  if (err instanceof StoreFault) throw new AppError('storage', err.message);
  throw err;
}

export function backupHandlers(source: BackupSource, host: ExportHost = {}): Pick<Handlers, BackupMethods> {
  const dataDir = dataDirOf(source);

  const make = async () => {
    if ('keeper' in source) return source.keeper.backup('manual');
    return makeBackup(source.store.opened.db, dataDir, 'manual');
  };

  return {
    'backup.list': ({ checkNewest }): BackupList => {
      const files = listBackups(dataDir);
      const good = checkNewest ? newestGoodBackup(dataDir) : undefined;
      return { folder: backupDir(dataDir), entries: files.map(describeBackup), dailyKept: DAILY_KEPT, ...(good ? { newestGood: good.name } : {}) };
    },

    'backup.create': async () => {
      try {
        return describeBackup(await make());
      } catch (err) {
        return failure(err);
      }
    },

    'backup.restore': async ({ name }) => {
      if (!('keeper' in source)) {
        throw new AppError('refused', '恢复备份要关闭并重新打开数据文件，请在年报助手的窗口里或用命令行 nianbao restore 进行。');
      }
      try {
        const { restored, kept } = await source.keeper.restore(name);
        return { restored: describeBackup(restored), ...(kept ? { kept: describeBackup(kept) } : {}) };
      } catch (err) {
        return failure(err);
      }
    },

    'backup.save': async ({ name }) => {
      const file = listBackups(dataDir).find((b) => b.name === name);
      if (!file) throw new AppError('not_found', `找不到备份「${name}」，它可能已被删除。请刷新备份列表。`);
      const bytes = new Uint8Array(fs.readFileSync(file.path));
      const fileName = `年报助手备份-${name.replace(/^nianbao-/, '')}`;
      if (host.deliver) return host.deliver({ fileName, mime: DB_MIME, format: 'db', bytes });
      return { kind: 'download', fileName, mime: DB_MIME, base64: Buffer.from(bytes).toString('base64'), size: bytes.length };
    },
  };
}
