import { useState } from 'react';
import type { StoreFaultInfo } from '../../core/api.js';
import { contentsText } from '../../core/backup.js';
import { BackupTable, backupTime } from '../backup/BackupTable.js';
import { RestoreDialog } from '../backup/RestoreDialog.js';
import { useBackups } from '../backup/useBackups.js';
import '../backup/backup.css';

interface Props {
  /** why the data cannot be used; absent when the back end could not be reached at all */
  fault?: StoreFaultInfo;
  message: string;
  onRetry(): void;
}

const TITLES: Record<StoreFaultInfo['kind'], string> = {
  corrupt: '数据文件损坏了',
  locked: '数据文件夹正被另一个年报助手使用',
  unwritable: '数据文件夹无法写入',
  newer: '数据文件来自更新版本的年报助手',
};

/**
 * What the window shows when the data cannot be used: what happened, in the back end's words,
 * and what to do. A damaged file gets the newest backup that passed the integrity check, to
 * restore with one confirmation; the other backups are listed below it.
 */
export function FaultScreen({ fault, message, onRetry }: Props) {
  return (
    <div className="page">
      <section className="card fault" role="alert">
        <h1>{fault ? TITLES[fault.kind] : '年报助手暂时无法打开数据'}</h1>
        <p className="fault-message">{message}</p>
        {fault?.kind === 'corrupt' ? (
          <RestoreOffer onRestored={onRetry} />
        ) : (
          <>
            {/* true here: the file was not touched (held elsewhere, not writable, newer) or was never reached */}
            <p>已经保存的内容不会因此丢失。处理好上面说的问题后，点「重试」。</p>
            <button className="primary" onClick={onRetry}>
              重试
            </button>
          </>
        )}
      </section>
    </div>
  );
}

function RestoreOffer({ onRestored }: { onRestored(): void }) {
  const { list, busy, notice, error, restore } = useBackups({ checkNewest: true });
  const [asking, setAsking] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const entries = list?.entries ?? [];
  const offered = entries.find((e) => e.name === list?.newestGood);
  const asked = entries.find((e) => e.name === asking);

  const confirm = async (name: string) => {
    setAsking(null);
    const entry = entries.find((e) => e.name === name);
    if (entry && (await restore(entry))) onRestored();
  };

  if (list === null) return <p className="muted">正在查找可以恢复的备份…</p>;
  return (
    <>
      {offered ? (
        <div className="fault-offer" aria-label="最近一份完好的备份">
          <strong>
            最近一份完好的备份：{backupTime(offered.createdAt)}（{offered.label}）
          </strong>
          <p>里面有：{contentsText(offered)}。它已通过完整性检查。</p>
          <button type="button" className="primary" disabled={Boolean(busy)} onClick={() => setAsking(offered.name)}>
            用这份备份恢复…
          </button>
        </div>
      ) : (
        <p>
          没有找到完好的备份（备份文件夹：{list.folder}）。请不要删除损坏的文件，把它交给技术人员抢救；也可以把它移走后重新开始，用「导入已公布的报告」找回去年的数字。
        </p>
      )}
      {(busy || notice || error) && (
        <p className={error ? 'form-error' : 'backup-notice'} role={error ? 'alert' : 'status'}>
          {busy || error || notice}
        </p>
      )}
      {entries.length > 0 && (
        <button type="button" className="link" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? '收起全部备份' : `查看全部 ${entries.length} 份备份`}
        </button>
      )}
      {showAll && <BackupTable entries={entries} offered={offered?.name} busy={Boolean(busy)} onRestore={(e) => setAsking(e.name)} />}
      {asked && <RestoreDialog entry={asked} damaged onConfirm={() => void confirm(asked.name)} onCancel={() => setAsking(null)} />}
    </>
  );
}
