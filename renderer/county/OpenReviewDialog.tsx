import { useState } from 'react';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { Dialog } from '../components/Dialog.js';
import { readFile } from './files.js';

/**
 * The unit's side of a send-back: the county's review package (.nianbao) opened on this report.
 * It is verified first; its remarks then show at their cells and sections until the county marks
 * them resolved, and the next 「导出报送包」 carries the answers.
 */
export function OpenReviewDialog({ reportId, onClose, onOpened }: { reportId: number; onClose(): void; onOpened(): void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      await call('review.open', { reportId, file: await readFile(file) });
      onOpened();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="打开县里的意见" onClose={onClose}>
      <p>选择县里退回的意见包（扩展名 .nianbao）。意见会显示在相应的格和部分旁边；逐条写好答复后，再「导出报送包」交回县里，答复随包带回。</p>
      <label className="file-pick">
        选择意见包…
        <input type="file" accept=".nianbao" disabled={busy} aria-label="选择意见包" onChange={(e) => void open(e.target.files?.[0])} />
      </label>
      {busy && <p className="muted">正在核验…</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
    </Dialog>
  );
}
