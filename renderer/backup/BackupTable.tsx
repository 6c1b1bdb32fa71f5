import type { BackupEntry } from '../../core/api.js';
import { contentsText, sizeText } from '../../core/backup.js';

interface Props {
  entries: BackupEntry[];
  /** the backup to mark as the one offered (the fault screen's newest good backup) */
  offered?: string;
  busy: boolean;
  onRestore(entry: BackupEntry): void;
  onSave?(entry: BackupEntry): void;
}

export function backupTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** The backups, newest first: when, which kind, how large, which reports and years are inside. */
export function BackupTable({ entries, offered, busy, onRestore, onSave }: Props) {
  return (
    <table className="list backup-list" aria-label="备份列表">
      <thead>
        <tr>
          <th>时间</th>
          <th>种类</th>
          <th>大小</th>
          <th>包含的报告</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.name} className={e.name === offered ? 'offered' : undefined} aria-label={`${backupTime(e.createdAt)} ${e.label}`}>
            <td className="backup-time">{backupTime(e.createdAt)}</td>
            <td>{e.label}</td>
            <td className="backup-size">{sizeText(e.size)}</td>
            <td className={e.problem ? 'form-error' : undefined}>{contentsText(e)}</td>
            <td className="row-actions">
              {e.kind !== 'damaged' && !e.problem && (
                <button type="button" disabled={busy} onClick={() => onRestore(e)}>
                  恢复…
                </button>
              )}
              {onSave && (
                <button type="button" disabled={busy} onClick={() => onSave(e)}>
                  备份到…
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
