import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportPreview, SignoffStatus } from '../../../core/api.js';
import type { Finding } from '../../../core/rules/index.js';
import { call } from '../../api/client.js';
import { errorMessage } from '../../api/errors.js';
import { Dialog } from '../../components/Dialog.js';
import { deliveryText, downloadFile, printInWindow } from './download.js';
import { GateList } from './GateList.js';
import { PreviewPages } from './PreviewPages.js';

interface Props {
  reportId: number;
  status: SignoffStatus;
  onGo(finding: Finding): void;
  onSign(): void;
  onClose(): void;
}

/** Fixed line spacings the 公文 guides name (spec §6): 28 pt by default. */
const LINE_SPACINGS = [28, 28.8, 29, 30];

/**
 * The print preview: the pages as they will print — the PDF of these options, page by page at
 * A4 with page numbers and page breaks — with the choices that change it (草稿 or 正式版, 审批单,
 * the fingerprint in the footer of an internal copy, line spacing) and 打印 / 导出 Word / 导出 PDF
 * for exactly what is shown.
 */
export function PrintPreview({ reportId, status, onGo, onSign, onClose }: Props) {
  const signed = status.state === 'signed' ? status.signed : undefined;
  const [draft, setDraft] = useState(!signed);
  const [approvalSheet, setApprovalSheet] = useState(false);
  const [footerFingerprint, setFooterFingerprint] = useState(false);
  const [lineSpacingPt, setLineSpacingPt] = useState(28);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [pages, setPages] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [notice, setNotice] = useState('');
  const closeButton = useRef<HTMLButtonElement>(null);

  // what stands in the way of a final copy, known before asking the back end
  const blocking = draft ? [] : status.gate.blocking;
  const needsSigning = !draft && !blocking.length && !signed;
  const options = { reportId, draft, approvalSheet, lineSpacingPt, ...(footerFingerprint && !draft ? { footerFingerprint: true } : {}) };
  const optionsKey = JSON.stringify(options);

  useEffect(() => {
    // the first PDF is faster when the PDF renderer is already running
    void call('export.prewarm', {}).catch(() => undefined);
  }, []);

  useEffect(() => {
    setPreview(null);
    setPages(null);
    setError('');
    if (blocking.length || needsSigning) return;
    let current = true;
    const args = JSON.parse(optionsKey) as typeof options;
    call('export.preview', args).then(
      (p) => current && setPreview(p),
      (err) => current && setError(errorMessage(err)),
    );
    // the pages take a moment longer: the PDF itself is made
    call('export.pages', args).then(
      (p) => current && setPages(p.base64),
      (err) => current && setError(errorMessage(err)),
    );
    return () => {
      current = false;
    };
  }, [optionsKey, blocking.length, needsSigning]);

  const pagesFailed = useCallback((message: string) => setError(message), []);

  const run = async (label: string, job: () => Promise<string>) => {
    setBusy(label);
    setNotice('');
    setError('');
    try {
      setNotice(await job());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy('');
    }
  };

  const exportAs = (format: 'docx' | 'pdf' | 'xlsx') =>
    run(format === 'pdf' ? '正在生成 PDF…' : format === 'xlsx' ? '正在生成 Excel 表格…' : '正在生成 Word 文档…', async () => {
      const delivery = await call('export.file', { ...options, format });
      if (delivery.kind === 'download') downloadFile(delivery);
      return deliveryText(delivery);
    });

  const print = () =>
    run('正在准备打印…', async () => {
      const outcome = await call('export.print', options);
      if (outcome.kind === 'in-window') await printInWindow(outcome.url);
      return outcome.kind === 'printed' ? '已送到打印机。' : '';
    });

  const ready = Boolean(preview) && !busy;
  return (
    <Dialog title="打印预览" kind="preview" heading={false} onClose={onClose} initialFocus={closeButton}>
      <div className="preview-toolbar">
        <h2>打印预览</h2>
        <fieldset className="preview-mode">
          <legend className="visually-hidden">稿件</legend>
          <label>
            <input type="radio" name="preview-mode" checked={draft} onChange={() => setDraft(true)} />
            草稿（带水印）
          </label>
          <label>
            <input type="radio" name="preview-mode" checked={!draft} onChange={() => setDraft(false)} />
            正式版{signed ? `（${signed.label}）` : '（须先定稿）'}
          </label>
        </fieldset>
        <label className="preview-option">
          <input type="checkbox" checked={approvalSheet} onChange={(e) => setApprovalSheet(e.target.checked)} />
          附审批单
        </label>
        {!draft && (
          <label className="preview-option" title="上网公开的版本页脚只印页码；单位内部留存的版本可以在页码旁加印版本号和校验码">
            <input type="checkbox" checked={footerFingerprint} onChange={(e) => setFooterFingerprint(e.target.checked)} />
            页脚印校验码（内部留存）
          </label>
        )}
        <label className="preview-option">
          行距
          <select value={lineSpacingPt} onChange={(e) => setLineSpacingPt(Number(e.target.value))}>
            {LINE_SPACINGS.map((pt) => (
              <option key={pt} value={pt}>
                固定 {pt} 磅{pt === 28 ? '（默认）' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="preview-spacer" />
        <button type="button" disabled={!ready} onClick={() => void print()}>
          打印…
        </button>
        <button type="button" disabled={!ready} onClick={() => void exportAs('docx')}>
          导出 Word
        </button>
        <button type="button" disabled={!ready} onClick={() => void exportAs('pdf')}>
          导出 PDF
        </button>
        <button type="button" disabled={!ready} onClick={() => void exportAs('xlsx')} title="三张统计表，按官方格式">
          导出 Excel
        </button>
        <button type="button" ref={closeButton} onClick={onClose}>
          关闭
        </button>
      </div>
      {(busy || notice || error) && (
        <div className={`preview-status${error ? ' failed' : ''}`} role={error ? 'alert' : 'status'}>
          {busy || error || notice}
        </div>
      )}
      <div className="preview-body">
        {blocking.length > 0 && (
          <section className="preview-refusal" aria-label="不能打印或导出正式版">
            <p className="form-error" role="alert">
              还有 {blocking.length} 个必须改正的问题，不能打印或导出正式版。请点问题转到相关位置改正，改正后再定稿：
            </p>
            <GateList findings={blocking} label="必须改正的问题" onGo={onGo} />
            <p className="muted">草稿随时可以打印和导出，会带「草稿」水印。</p>
          </section>
        )}
        {needsSigning && (
          <section className="preview-refusal" aria-label="不能打印或导出正式版">
            <p className="form-error" role="alert">
              {status.state === 'signed' || !status.signed
                ? '这份报告还没有定稿。正式版只能从定稿版本打印或导出。'
                : '这份报告正在修改，已不是定稿状态。请重新定稿后再打印或导出正式版。'}
            </p>
            <button type="button" className="primary" onClick={onSign}>
              定稿…
            </button>
          </section>
        )}
        {preview && (
          <p className="preview-note">
            {preview.footerNote ? `页脚：${preview.footerNote}` : draft ? '草稿：每页带「草稿」水印' : '页脚只印页码；校验码在审批单和文件属性中'}
          </p>
        )}
        {pages && <PreviewPages base64={pages} onError={pagesFailed} />}
        {!pages && !error && !blocking.length && !needsSigning && <p className="muted preview-wait">正在排版…</p>}
      </div>
    </Dialog>
  );
}
