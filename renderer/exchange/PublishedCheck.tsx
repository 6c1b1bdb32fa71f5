import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { PublishedCheck as Result, ReportDetail, SignedVersion } from '../../core/api.js';
import { getFormat, SECTIONS, sectionHeading } from '../../core/format/index.js';
import { fenToWan } from '../../core/report/money.js';
import type { ParagraphRow } from '../../core/report/published.js';
import type { TextSegment } from '../../core/report/text-diff.js';
import { call } from '../api/client.js';
import { fileSource, pasteSource, type ImportSource } from '../import/source.js';
import { OfficialTable } from '../report/OfficialTable.js';
import { errorMessage } from '../api/errors.js';
import { Dialog } from '../components/Dialog.js';
import { ValueDiffTable } from './ValueDiffTable.js';

interface Props {
  detail: ReportDetail;
  onClose(): void;
}

const ACCEPT = '.html,.htm,.pdf,.docx,.txt,text/html,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * 「核对网上公布版」: the clerk gives the copy on the website (saved page, PDF, Word, or the text
 * copied from the page) and sees every figure and paragraph that is not what was signed — the
 * tables in the official layout with the differing cells marked, the paragraphs side by side.
 */
export function PublishedCheck({ detail, onClose }: Props) {
  const [result, setResult] = useState<{ check: Result; origin: string } | null>(null);
  const [text, setText] = useState('');
  const html = useRef<{ text: string; html: string } | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const [dragging, setDragging] = useState(false);
  // what is compared with: the latest signed version; none yet, nothing to check against
  const [signed, setSigned] = useState<SignedVersion | null | undefined>(undefined);
  useEffect(() => {
    call('signoff.status', { reportId: detail.summary.id }).then(
      (s) => setSigned(s.signed ?? null),
      (err) => setError(errorMessage(err)),
    );
  }, [detail.summary.id]);

  const check = async (source: ImportSource, origin: string) => {
    setBusy(`正在读取「${origin}」并核对…`);
    setError('');
    try {
      setResult({ check: await call('published.compare', { reportId: detail.summary.id, source }), origin });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy('');
    }
  };
  const readFile = async (file: File | undefined) => {
    if (file) await check(await fileSource(file), file.name);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  };

  return (
    <Dialog title="核对网上公布版" className="compare published-check" heading={false} onClose={onClose}>
      <div className="compare-head">
        <h2>核对网上公布版</h2>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      {signed === null ? (
        <p className="compare-body">
          这份报告还没有定稿。网上公布的应是定稿版本：请先「定稿」，再来核对公布的版本。
        </p>
      ) : result ? (
        <PublishedResult check={result.check} origin={result.origin} onAgain={() => setResult(null)} />
      ) : (
        <div className="compare-body">
          {signed && (
            <p className="muted">
              与 {signed.label}（校验码 {signed.short}）核对{detail.summary.state !== 'signed' ? '；这份报告之后又在修改，核对的仍是这个定稿版本' : ''}。
            </p>
          )}
          <p>
            把网站上公布的这份报告交给年报助手：从网站保存下来的网页（.html）、PDF 或 Word 文件，或者在网页上全选复制的文字。
            年报助手会读出其中的数字和文字，与定稿版本逐格、逐段核对。
          </p>
          <div
            className={`published-drop${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label className="file-button">
              <input type="file" accept={ACCEPT} aria-label="选择公布的文件" onChange={(e) => void readFile(e.target.files?.[0])} disabled={Boolean(busy)} />
              选择文件…
            </label>
            <span className="muted">或把文件拖到这里</span>
          </div>
          <label className="published-paste">
            或粘贴网页上的文字：
            <textarea
              value={text}
              rows={8}
              onChange={(e) => setText(e.target.value)}
              onPaste={(e) => {
                const rich = e.clipboardData.getData('text/html');
                html.current = !text.trim() && rich ? { text: e.clipboardData.getData('text/plain'), html: rich } : null;
              }}
            />
          </label>
          <div className="actions">
            <button type="button" className="primary" disabled={!text.trim() || Boolean(busy)} onClick={() => void check(pasteSource(text, html.current?.text === text ? html.current.html : null), '粘贴的文字')}>
              核对粘贴的文字
            </button>
          </div>
        </div>
      )}
      {(busy || error) && (
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : 'status'}>
          {busy || error}
        </p>
      )}
    </Dialog>
  );
}

function Marked({ segments, kind }: { segments: TextSegment[]; kind: 'delete' | 'insert' }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'equal' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} className={kind === 'delete' ? 'diff-del' : 'diff-ins'}>
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}

/** Paragraphs that are the same on both sides are shown only next to a difference; the others are counted. */
function withContext(rows: ParagraphRow[]): (ParagraphRow | { kind: 'skipped'; count: number })[] {
  const near = (i: number) => rows.slice(Math.max(0, i - 1), i + 2).some((r) => r.kind !== 'equal');
  const out: (ParagraphRow | { kind: 'skipped'; count: number })[] = [];
  rows.forEach((r, i) => {
    if (r.kind !== 'equal' || near(i)) return void out.push(r);
    const last = out.at(-1);
    if (last?.kind === 'skipped') last.count++;
    else out.push({ kind: 'skipped', count: 1 });
  });
  return out;
}

function ParagraphRows({ rows }: { rows: ParagraphRow[] }) {
  return (
    <table className="diff-table">
      <tbody>
        {withContext(rows).map((r, i) =>
          r.kind === 'skipped' ? (
            <tr key={i} className="diff-skipped">
              <td colSpan={2} className="muted">
                …（{r.count} 段相同）
              </td>
            </tr>
          ) : (
          <tr key={i} className={`diff-${r.kind === 'changed' ? 'change' : r.kind === 'signed-only' ? 'delete' : r.kind === 'published-only' ? 'insert' : 'equal'}`}>
            <td className="diff-left">{r.kind === 'changed' ? <Marked segments={r.signed} kind="delete" /> : r.kind === 'published-only' ? null : r.text}</td>
            <td className="diff-right">{r.kind === 'changed' ? <Marked segments={r.published} kind="insert" /> : r.kind === 'signed-only' ? null : r.text}</td>
          </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function PublishedResult({ check, origin, onAgain }: { check: Result; origin: string; onAgain(): void }) {
  const c = check.comparison;
  const differing = new Map([...c.cells, ...c.uncertain].map((d) => [d.cellId, d]));
  const unsure = new Set(c.uncertain.map((d) => d.cellId));
  const format = check.format === 'free' ? null : getFormat(check.format);
  const tables = format ? Object.values(format.tables).filter((t) => t.cells.some((cell) => differing.has(cell.id))) : [];
  const money = (id: string) => format?.cells.find((x) => x.id === id)?.kind === 'money';
  const value = (id: string) => {
    const v = check.cells[id];
    return v === undefined ? '' : money(id) ? fenToWan(v) : String(v);
  };
  return (
    <div className="compare-body">
      <div className="compare-sides">
        <div>
          <span className="diff-del-swatch" /> 定稿：{check.signed.label}（校验码 {check.signed.short}）
        </div>
        <div>
          <span className="diff-ins-swatch" /> 公布的版本：{origin}
        </div>
      </div>
      {c.same ? (
        <p className="compare-same" role="status">
          完全一致：公布的版本每个数字、每段文字都与定稿相同。
        </p>
      ) : (
        <p className="compare-summary" role="status">
          公布的版本与定稿不一致：
          {[
            c.header.length ? c.header.map((h) => h.field).join('、') + '不同' : '',
            c.cells.length ? `${c.cells.length} 个数字不同` : '',
            c.uncertain.length ? `${c.uncertain.length} 个数字没有把握读对` : '',
            c.sections.length ? `文字有不同：${c.sections.map((s) => s.label).join('、')}` : '',
          ]
            .filter(Boolean)
            .join('；')}
          。
        </p>
      )}
      {c.header.length > 0 && (
        <ValueDiffTable label="报告信息的不同" rows={c.header.map((h) => ({ key: h.field, name: h.field, left: h.signed, right: h.published }))} />
      )}
      {tables.map((table) => {
        const section = SECTIONS.find((s) => s.key === table.section)!;
        return (
          <section key={table.id} className="compare-section" aria-label={`${sectionHeading(section)}的不同`}>
            <h3>{sectionHeading(section)}</h3>
            <div className="table-scroll">
              <OfficialTable
                table={table}
                caption={sectionHeading(section)}
                valueProps={(id) => (differing.has(id) ? { className: `value published-diff${unsure.has(id) ? ' unsure' : ''}` } : {})}
                renderValue={(id) => {
                  const d = differing.get(id);
                  if (!d) return value(id);
                  return (
                    <span className="published-cell" title={`${d.name}：定稿 ${d.signed}，公布 ${d.published}${unsure.has(id) ? '（没有把握读对，请对照原文）' : ''}`}>
                      <del>{d.signed}</del>
                      <ins>{d.published}</ins>
                    </span>
                  );
                }}
              />
            </div>
          </section>
        );
      })}
      {differing.size > 0 && (
        <section className="compare-section" aria-label="数字的不同">
          <h3>不同的数字</h3>
          <ValueDiffTable
            label="不同的数字"
            headers={['单元格', '定稿', '公布']}
            rows={[...differing.values()].map((d) => ({
              key: d.cellId,
              name: d.name,
              ...(unsure.has(d.cellId) ? { note: '（没有把握读对，请对照原文）' } : {}),
              left: d.signed,
              right: d.published,
            }))}
          />
        </section>
      )}
      {c.sections.map((s) => (
        <section key={s.key} className="compare-section" aria-label={`${s.label}的不同`}>
          <h3>{s.label}</h3>
          <ParagraphRows rows={s.rows} />
        </section>
      ))}
      {check.warnings.length > 0 && (
        <details className="published-notes">
          <summary>读取公布的版本时的提醒（{check.warnings.length} 条）</summary>
          <ul>
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="actions">
        <button type="button" onClick={onAgain}>
          核对另一个版本
        </button>
      </div>
    </div>
  );
}
