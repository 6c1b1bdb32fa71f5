import type { BackupEntry } from '../../core/api.js';
import { contentsText } from '../../core/backup.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { backupTime } from './BackupTable.js';

interface Props {
  entry: BackupEntry;
  /** the data file is damaged: it is moved aside, not backed up */
  damaged?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** 「恢复」 asked once more, saying what happens to the data as it is now. */
export function RestoreDialog({ entry, damaged, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog title={`用 ${backupTime(entry.createdAt)} 的备份恢复？`} confirmLabel="恢复" onConfirm={onConfirm} onCancel={onCancel}>
      <p>备份里有：{contentsText(entry)}。</p>
      <p>
        {damaged
          ? '损坏的数据文件会原样移到备份文件夹里留存，不会删除。'
          : '现在的数据会先另存为一份「恢复前的数据」备份，不会丢失；需要时可以再用它恢复回来。'}
      </p>
      <p>恢复后，这份备份之后所做的修改不在恢复的数据里。恢复前会先完整检查备份文件，有损坏就不恢复。</p>
    </ConfirmDialog>
  );
}
