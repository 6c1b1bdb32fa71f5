import { useRef, useState } from 'react';
import type { ReportDetail, XlsxTables } from '../../core/api.js';
import { cellDef, cellName } from '../../core/format/index.js';
import { fenToWan } from '../../core/report/money.js';
import { call } from '../api/client.js';
import { fileSource } from '../import/source.js';
import { errorMessage } from '../api/errors.js';
import { Dialog } from '../components/Dialog.js';
import type { ReportSession } from '../report/state/ReportSession.js';
import { ValueDiffTable } from './ValueDiffTable.js';

interface Props {
  detail: ReportDetail;
  session: ReportSession;
  onClose(): void;
}

/**
 * 「从 Excel 填入表格」: a workbook's three tables (the app's own 「导出 Excel」 filled in by
 * colleagues, or the county's form) read and shown — which figures would change — then filled in
 * as one step that 撤销 takes back. The totals stay the app's.
 */
export function ExcelFillDialog({ detail, session, onClose }: Props) {
  const [read, setRead] = useState<{ tables: XlsxTables; name: string } | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const first = useRef<HTMLInputElement>(null);

  const format = detail.data.format === 'free' ? null : detail.data.format;
  const shown = (id: string, v: number | undefined) => (v === undefined ? '（空）' : format && cellDef(format, id)?.kind === 'money' ? `${fenToWan(v)}万元` : String(v));
  const current = session.getState().report.cells;
  const changes = read ? Object.entries(read.tables.cells).filter(([id, v]) => current[id] !== v && session.isEditable(id)) : [];

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(`正在读取「${file.name}」…`);
    setError('');
    try {
      const source = await fileSource(file);
      if (source.kind !== 'file') return;
      setRead({ tables: await call('xlsx.read', { reportId: detail.summary.id, source }), name: file.name });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy('');
    }
  };

  const fill = () => {
    const edit = session.apply(
      changes.map(([cellId, value]) => ({ cellId, value })),
      `从 Excel 填入 ${changes.length} 格`,
    );
    setDone(edit ? `已填入 ${edit.after.length} 格。需要的话，按 Ctrl+Z 可以撤销。` : '没有需要改变的数字。');
  };

  return (
    <Dialog title="从 Excel 填入表格" className="exchange-dialog" onClose={onClose} initialFocus={first}>
      {!read && (
        <div className="dialog-body">
          <p>选择一个 Excel 文件（.xlsx）：年报助手「导出 Excel」的表格（可以在 Excel 或 WPS 里填好），或县里发的每张表一个工作表的表格。</p>
          <label className="file-button">
            <input ref={first} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="选择 Excel 文件" onChange={(e) => void choose(e.target.files?.[0])} />
            选择 Excel 文件…
          </label>
        </div>
      )}
      {read && !done && (
        <div className="dialog-body">
          <p>
            「{read.name}」里读到 {Object.keys(read.tables.cells).length} 格，其中 <strong>{changes.length}</strong> 格与现在的不同：
          </p>
          {changes.length > 0 && (
            <div className="excel-changes">
              <ValueDiffTable
                label="将要填入的数字"
                headers={['单元格', '现在', 'Excel 中']}
                rows={changes.map(([id, v]) => ({
                  key: id,
                  name: format ? cellName(cellDef(format, id)!) : id,
                  ...(read.tables.uncertain.includes(id) ? { note: '（没有把握读对）' } : {}),
                  left: shown(id, current[id]),
                  right: shown(id, v),
                }))}
              />
            </div>
          )}
          {read.tables.warnings.map((w) => (
            <p key={w} className="muted">
              {w}
            </p>
          ))}
        </div>
      )}
      {done && (
        <p className="exchange-done" role="status">
          {done}
        </p>
      )}
      {(busy || error) && (
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : 'status'}>
          {busy || error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {done ? '关闭' : '取消'}
        </button>
        {read && !done && (
          <button type="button" className="primary" disabled={!changes.length} onClick={fill}>
            填入 {changes.length} 格
          </button>
        )}
      </div>
    </Dialog>
  );
}
