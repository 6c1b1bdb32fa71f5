import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { IMPORT_LIMITS } from '../../core/import/bytes.js';
import type { ImportParsed } from '../../core/api.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { fileSource, pasteSource, type ImportSource } from './source.js';

interface Props {
  /** origin: how the clerk gave it (「粘贴的文字」 or the file's name), shown on the review screen */
  onParsed: (parsed: ImportParsed, origin: string) => void;
  /** whether the box holds pasted text (leaving then asks first) */
  onText?: (hasText: boolean) => void;
}

const ACCEPT = '.html,.htm,.xhtml,.docx,.pdf,.txt,.json,.nianbao,application/pdf,text/html,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Step 1: paste the report's text, or choose its file (web page, Word, text, report file). */
export function SourceStep({ onParsed, onText }: Props) {
  const [text, setText] = useState('');
  // the clipboard's HTML of the last paste, while the box still holds exactly what was pasted
  const html = useRef<{ text: string; html: string } | null>(null);
  const [busy, setBusy] = useState('');
  const [failure, setFailure] = useState('');
  const [dragging, setDragging] = useState(false);

  const parse = async (source: ImportSource, origin: string) => {
    setBusy(source.kind === 'file' ? `正在读取「${origin}」…` : '正在读取粘贴的内容…');
    setFailure('');
    try {
      onParsed(await call('import.parse', { source }), origin);
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy('');
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const plain = e.clipboardData.getData('text/plain');
    const rich = e.clipboardData.getData('text/html');
    if (plain.length > IMPORT_LIMITS.maxTextChars) {
      // too long to hold in the box or to send: the service says why from its length alone
      e.preventDefault();
      void parse(pasteSource(plain, null), '粘贴的文字');
      return;
    }
    // only a paste into an empty box is the whole report, so only then is its HTML kept
    html.current = !text.trim() && rich ? { text: plain, html: rich } : null;
  };

  const readPaste = () => {
    const kept = html.current && html.current.text === text ? html.current.html : null;
    void parse(pasteSource(text, kept), '粘贴的文字');
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await parse(await fileSource(file), file.name);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setBusy('');
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  };

  return (
    <main className="content">
      <section
        className={`card import-source-card${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="lead">
          把去年（或下级单位）已经公布的年度报告读进来，数字不用再逐个录入。读到的内容先给您核对，点「确认导入」后才保存。
        </p>

        <h2>方法一：粘贴报告全文</h2>
        <p className="muted">在网站上打开报告，按 Ctrl+A 全选、Ctrl+C 复制，再点下面的框按 Ctrl+V 粘贴。繁体字、夹带的拼音注音会自动处理。</p>
        <textarea
          autoFocus
          className="import-paste"
          aria-label="粘贴报告全文"
          placeholder="在这里粘贴报告全文（从标题开始，到落款日期为止）"
          value={text}
          onPaste={onPaste}
          onChange={(e) => {
            setText(e.target.value);
            onText?.(Boolean(e.target.value.trim()));
          }}
          disabled={!!busy}
        />
        <div className="actions import-paste-actions">
          <span className="muted">{text ? `${text.length.toLocaleString('zh-CN')} 个字` : ''}</span>
          <button className="primary" onClick={readPaste} disabled={!text.trim() || !!busy}>
            读取粘贴的内容
          </button>
        </div>

        <h2>方法二：选择文件</h2>
        <p className="muted">保存下来的网页（.html）、Word 文件（.docx）、PDF 文件（.pdf）、文字文件（.txt），或年报助手的报告文件（.nianbao.json）、报送包（.nianbao）。也可以把文件拖到这里。</p>
        <label className="import-file">
          <input
            type="file"
            accept={ACCEPT}
            aria-label="选择报告文件"
            disabled={!!busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // the same file chosen again (after fixing it) must be read again
              e.target.value = '';
              void readFile(file);
            }}
          />
          {/* the browser's own button speaks the system's language (English on some PCs): ours is Chinese */}
          <span className="import-file-button" aria-hidden="true">
            选择文件…
          </span>
        </label>

        {busy ? (
          <p className="import-busy" role="status">
            {busy}
          </p>
        ) : null}
        {failure ? (
          <div className="import-failure" role="alert">
            <strong>没有读取成功</strong>
            <p>{failure}</p>
          </div>
        ) : null}
      </section>
    </main>
  );
}
