import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../core/api.js';
import { contentsText, sizeText } from '../../core/backup.js';
import { describeBackup } from '../services/backup.js';
import { backupDir, listBackups, makeBackup } from '../store/backup.js';
import { openStoreReadOnly, platformDataDir, StoreFault } from '../store/index.js';
import { flag, option, type Command } from './command.js';

/**
 * `nianbao backup`: a consistent copy of the store, made by SQLite from a read-only connection,
 * so it works while the app runs (and holds what the app has saved up to that moment). It goes
 * into the data folder's backups/ (kept like the clerk's own 「立即备份」) or where --out says.
 * `--list` shows the backups there.
 */

const EXIT = { ok: 0, failed: 2 } as const;

function localTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}

/** One backup on one line: time, kind, size, what it holds; then its file name. */
export function backupLines(entry: BackupEntry): string[] {
  return [`${localTime(entry.createdAt)}  ${entry.label}  ${sizeText(entry.size)}  ${contentsText(entry)}`, `    ${entry.name}`];
}

export const backupCommand: Command = {
  name: 'backup',
  summary: '备份本机数据（年报助手运行时也可以用），或列出已有的备份',
  usage: [
    'nianbao backup [--data-dir DIR] [--out FILE]',
    'nianbao backup --list [--data-dir DIR]',
    '  做一份完整的数据备份（一个文件），打印它的位置。年报助手正在运行也可以，备份里是此刻已保存的全部内容。',
    '  --out       备份文件保存到这里（例如 U 盘上的 E:\\年报备份.db）；不写时放在数据文件夹的 backups 里',
    '  --list      列出数据文件夹里的备份：时间、种类、大小、包含哪些机关和年度',
    '  --data-dir  数据文件夹；不写时用默认位置',
    '  恢复备份：nianbao restore 备份文件',
    '  退出码：0 成功；2 数据读不了或备份没有写成（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const dataDir = path.resolve(option(argv, '--data-dir') ?? platformDataDir());
    if (flag(argv, '--list')) {
      const entries = listBackups(dataDir).map(describeBackup);
      if (!entries.length) {
        io.out(`「${backupDir(dataDir)}」里还没有备份。`);
        return EXIT.ok;
      }
      io.out(`备份文件夹：${backupDir(dataDir)}（共 ${entries.length} 份，新的在前）`);
      for (const e of entries) io.out(backupLines(e).join('\n'));
      return EXIT.ok;
    }
    const out = option(argv, '--out');
    if (out !== undefined) {
      const target = path.resolve(out);
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
        io.err(`「${out}」是一个文件夹，请在 --out 中写出文件名，例如 ${path.join(out, '年报助手备份.db')}`);
        return EXIT.failed;
      }
      if (!fs.existsSync(path.dirname(target))) {
        io.err(`文件夹「${path.dirname(target)}」不存在（U 盘是否已插好？），请换一个位置。`);
        return EXIT.failed;
      }
    }
    let store;
    try {
      store = openStoreReadOnly(dataDir);
    } catch (err) {
      if (err instanceof StoreFault) {
        io.err(err.message);
        return EXIT.failed;
      }
      throw err;
    }
    try {
      const made = await makeBackup(store.opened.db, dataDir, 'manual', { oneStep: true, ...(out ? { into: out } : {}) });
      const entry = describeBackup(made);
      io.out(made.path);
      io.err(`已备份：${sizeText(made.size)}，${contentsText(entry)}`);
      return EXIT.ok;
    } catch (err) {
      const code = (err as { code?: string }).code;
      io.err(
        code === 'SQLITE_FULL' || code === 'ENOSPC'
          ? '磁盘已满，备份没有写成。请清理磁盘或换一个位置（--out）。'
          : `备份没有写成：${err instanceof Error ? err.message : String(err)}`,
      );
      return EXIT.failed;
    } finally {
      store.close();
    }
  },
};
