import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupList } from '../../core/api.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { deliveryText, downloadFile } from '../report/export/download.js';

/**
 * The backups of the data folder and what the page does with them: list, back up now, restore,
 * hand a copy to the clerk. Shared by 「备份与恢复」 and the fault screen.
 */
export function useBackups(options: { checkNewest?: boolean } = {}) {
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const checkNewest = Boolean(options.checkNewest);

  const load = useCallback(async () => {
    try {
      setList(await call('backup.list', checkNewest ? { checkNewest } : {}));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [checkNewest]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (label: string, job: () => Promise<string>): Promise<boolean> => {
    setBusy(label);
    setNotice('');
    setError('');
    try {
      setNotice(await job());
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy('');
      await load();
    }
  };

  const create = () =>
    run('正在备份…', async () => {
      const made = await call('backup.create', {});
      return `已备份（${made.label}）。`;
    });

  const restore = (entry: BackupEntry) =>
    run('正在检查备份并恢复…', async () => {
      const done = await call('backup.restore', { name: entry.name, confirm: true });
      return done.kept ? `已恢复。原来的数据已另存为「${done.kept.label}」，在列表的最上面。` : '已恢复。';
    });

  const save = (entry: BackupEntry) =>
    run('正在准备备份文件…', async () => {
      const delivery = await call('backup.save', { name: entry.name });
      if (delivery.kind === 'download') downloadFile(delivery);
      return deliveryText(delivery);
    });

  return { list, busy, notice, error, create, restore, save, reload: load };
}
