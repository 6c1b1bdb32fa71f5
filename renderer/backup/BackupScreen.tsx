import { useState } from 'react';
import type { AppInfo, BackupEntry } from '../../core/api.js';
import { navigate } from '../route.js';
import { BackupTable } from './BackupTable.js';
import { RestoreDialog } from './RestoreDialog.js';
import { useBackups } from './useBackups.js';
import './backup.css';

interface Props {
  info: AppInfo;
  /** after a restore the agencies and reports are those of the backup */
  onRestored(): void;
}

/** 「备份与恢复」: the backups with what is in them, 立即备份, 恢复 and 备份到…. */
export function BackupScreen({ info, onRestored }: Props) {
  const { list, busy, notice, error, create, restore, save } = useBackups();
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  const confirmRestore = async (entry: BackupEntry) => {
    setRestoring(null);
    if (await restore(entry)) onRestored();
  };

  return (
    <div className="page">
      <header className="topbar">
        <button className="back" onClick={() => navigate({ name: 'reports' })} aria-label="返回报告列表">
          ‹ 报告列表
        </button>
        <div className="brand">备份与恢复</div>
      </header>
      <main className="content">
        <section className="card backup-page">
          <h1>备份与恢复</h1>
          <p className="lead">
            年报助手每天第一次启动时自动备份一次（保留最近 {list?.dailyKept ?? 7} 份），每次定稿前、每次升级前也会备份（这些全部保留）。
            恢复时，现在的数据会先另存为一份备份，不会丢失。
          </p>
          <div className="backup-tools">
            <button type="button" className="primary" disabled={Boolean(busy)} onClick={() => void create()}>
              立即备份
            </button>
            <span className="muted">备份文件夹：{list?.folder ?? '…'}</span>
          </div>
          {(busy || notice || error) && (
            <p className={error ? 'form-error' : 'backup-notice'} role={error ? 'alert' : 'status'}>
              {busy || error || notice}
            </p>
          )}
          {list === null ? (
            <p className="muted">正在读取…</p>
          ) : list.entries.length === 0 ? (
            <p className="empty">还没有备份。点「立即备份」做第一份。</p>
          ) : (
            <BackupTable entries={list.entries} busy={Boolean(busy)} onRestore={setRestoring} onSave={(e) => void save(e)} />
          )}
          <p className="muted backup-advice">
            {info.host === 'web'
              ? '「备份到…」会把备份文件下载到浏览器的“下载”文件夹，再把它复制到 U 盘或别的电脑即可。'
              : '「备份到…」可以把备份文件保存到 U 盘或别的文件夹。'}
            不要直接复制正在使用的 nianbao.db：软件运行时，最近的修改可能还在旁边的 nianbao.db-wal 里。
            要把报告交给县里或带到别的电脑，请用报告里的「导出报送包」。
          </p>
        </section>
      </main>
      {restoring && <RestoreDialog entry={restoring} onConfirm={() => void confirmRestore(restoring)} onCancel={() => setRestoring(null)} />}
    </div>
  );
}
