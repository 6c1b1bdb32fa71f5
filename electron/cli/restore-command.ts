import fs from 'node:fs';
import path from 'node:path';
import { describeBackup } from '../services/backup.js';
import { backupDir, isBackupName, readBackup } from '../store/backup.js';
import { RestoreRefused, StoreKeeper } from '../store/keeper.js';
import { platformDataDir } from '../store/index.js';
import { contentsText } from '../../core/backup.js';
import { backupLines } from './backup-command.js';
import { option, positionals, type Command } from './command.js';

/**
 * `nianbao restore FILE`: replaces the data with a backup. The backup is checked whole first; the
 * data it replaces is kept as a backup of its own (or, when damaged, moved aside unchanged). It
 * takes the data folder like the app does, so it refuses while the app runs, naming it.
 */

const EXIT = { ok: 0, refused: 1, failed: 2 } as const;

export const restoreCommand: Command = {
  name: 'restore',
  summary: '用一份备份恢复本机数据（原来的数据会另存为备份）',
  usage: [
    'nianbao restore 备份文件 [--data-dir DIR]',
    '  备份文件：nianbao backup --list 列出的文件名，或任何一份年报助手的备份文件（例如 U 盘上的）。',
    '  先完整检查备份文件，有损坏就不恢复；现在的数据先另存为一份「恢复前的数据」备份（损坏的数据文件原样移到 backups 里），',
    '  然后换成备份的内容。恢复时年报助手不能在运行：请先关闭它。',
    '  退出码：0 已恢复；1 没有恢复（备份有损坏、年报助手正在运行等，会说明原因）；2 文件读不了。',
  ].join('\n'),
  async run(argv, io) {
    const [given] = positionals(argv, ['--data-dir']);
    if (!given) {
      io.err('请给出要恢复的备份文件，例如：nianbao restore nianbao-2025-01-10-091233-daily.db（nianbao backup --list 可以列出备份）');
      return EXIT.failed;
    }
    const dataDir = path.resolve(option(argv, '--data-dir') ?? platformDataDir());
    const file = isBackupName(given) && !fs.existsSync(given) ? path.join(backupDir(dataDir), given) : path.resolve(given);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      io.err(`找不到备份文件「${given}」。用 nianbao backup --list 查看有哪些备份。`);
      return EXIT.failed;
    }
    const read = readBackup(file);
    if (!read.ok) {
      io.err(`「${given}」不能用来恢复：${read.problem}。数据没有改动。`);
      return EXIT.failed;
    }
    const keeper = new StoreKeeper(dataDir, { program: '命令行（nianbao restore）' });
    try {
      if (keeper.fault?.kind === 'locked' || keeper.fault?.kind === 'unwritable') {
        io.err(keeper.fault.message);
        return EXIT.refused;
      }
      const { kept } = await keeper.restoreFrom(file);
      io.out(`已恢复：${contentsText({ contents: read.contents })}`);
      if (kept) io.out(`原来的数据已另存为备份：\n${backupLines(describeBackup(kept)).join('\n')}`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof RestoreRefused) {
        io.err(err.message);
        return EXIT.refused;
      }
      throw err;
    } finally {
      keeper.close();
    }
  },
};
