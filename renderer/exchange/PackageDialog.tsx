import { useRef, useState } from 'react';
import type { PackageExported, ReportSummary } from '../../core/api.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { Dialog } from '../components/Dialog.js';
import { deliveryText, downloadFile } from '../report/export/download.js';

interface Props {
  summary: ReportSummary;
  onClose(): void;
}

/**
 * 「导出报送包」: what goes into the package, then the package itself — one .nianbao file with a
 * seal, for the county or a USB stick. Whoever opens it in 年报助手 (or runs nianbao verify)
 * learns at once if anything in it changed on the way.
 */
export function PackageDialog({ summary, onClose }: Props) {
  const signed = summary.state === 'signed';
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PackageExported | null>(null);
  const [error, setError] = useState('');
  const first = useRef<HTMLButtonElement>(null);

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const result = await call('package.export', { reportId: summary.id });
      if (result.delivery.kind === 'download') downloadFile(result.delivery);
      setDone(result.delivery.kind === 'cancelled' ? null : result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="导出报送包" className="exchange-dialog" onClose={onClose} initialFocus={first}>
      {done ? (
        <div role="status">
          <p className="exchange-done">{deliveryText(done.delivery)}</p>
          <p>{done.summary}。</p>
          <p>
            封签 <strong className="seal">{done.seal}</strong>：对方打开时会自动核验，封装后有任何改动都会被发现。可以把封签念给对方核对。
          </p>
          {done.warnings.map((w) => (
            <p key={w} className="dialog-warning">
              {w}
            </p>
          ))}
        </div>
      ) : (
        <div className="dialog-body">
          {signed ? (
            <p>报送包里是这份报告最新的定稿版本：报告文件，以及 Word 和 PDF 正式版（文件属性里记有版本和校验码）。</p>
          ) : (
            <p>这份报告还没有定稿，报送包里是当前的草稿（只有报告文件）。要报送正式版，请先定稿。</p>
          )}
          <p className="muted">报送包是一个 .nianbao 文件，可以用 U 盘或内网发给县里。每个文件都记有校验码，封签把它们封在一起。</p>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" ref={first} onClick={onClose}>
          {done ? '关闭' : '取消'}
        </button>
        {!done && (
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {busy ? (signed ? '正在生成 Word 和 PDF…' : '正在封装…') : '导出报送包'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
