import { useRef } from 'react';
import type { VersionComparison, VersionSide } from '../../../core/api.js';
import type { ProseKey, ReportFormat } from '../../../core/report/model.js';
import type { TextSegment } from '../../../core/report/text-diff.js';
import { proseLabel } from '../../../core/rules/context.js';
import { Dialog } from '../../components/Dialog.js';
import { figureLabel } from '../prose/figures.js';
import { describeTime } from './labels.js';

/** How one side of a comparison is named: 「初稿（王敏，2025/1/10 16:00）」 or 「当前稿」. */
export function sideName(side: VersionSide): string {
  if (side.kind === 'current') return '当前稿';
  const v = side.version;
  return `${v.label}（${[v.author, describeTime(v.createdAt)].filter(Boolean).join('，')}）`;
}

/** Text with its figure tokens shown as 〔名称〕: a comparison is about words; changed figures are listed below. */
function Words({ text, format }: { text: string; format: ReportFormat }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{\{cell:([a-z0-9_.]+)\}\}/g)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(
      <span key={m.index} className="figure-chip">
        {figureLabel(format, m[1]!)}
      </span>,
    );
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function Segments({ segments, format }: { segments: TextSegment[]; format: ReportFormat }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'equal' ? (
          <Words key={i} text={s.text} format={format} />
        ) : (
          <mark key={i} className={s.kind === 'delete' ? 'diff-del' : 'diff-ins'}>
            <Words text={s.text} format={format} />
          </mark>
        ),
      )}
    </>
  );
}

function keyLabel(key: string): string {
  return ['intro', 's1', 's5', 's6', 'note_t2', 'note_t3', 'note_t4'].includes(key) ? proseLabel(key as ProseKey).replace(/[「」]/g, '') : key;
}

interface Props {
  comparison: VersionComparison;
  onClose(): void;
}

/** Two versions side by side: the text of each part that differs (changed characters marked), then the figures, notes and sign-off that differ. */
export function CompareView({ comparison: c, onClose }: Props) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const left = sideName(c.from);
  const right = sideName(c.to);
  const others = [...c.notes.map((n) => ({ ...n, group: '单元格说明' })), ...c.signoff.map((n) => ({ ...n, group: '签发信息' }))];

  return (
    <Dialog title="比较版本" className="compare" heading={false} onClose={onClose} initialFocus={closeRef}>
      <div className="compare-head">
        <h2>比较版本</h2>
        <button ref={closeRef} type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      <div className="compare-sides">
        <div>
          <span className="diff-del-swatch" /> 左：{left}
        </div>
        <div>
          <span className="diff-ins-swatch" /> 右：{right}
        </div>
      </div>
      <div className="compare-body">
        {c.same && <p className="compare-same">两边的内容完全相同。</p>}
        {!c.same && (
          <p className="compare-summary">
            {[
              c.sections.length ? `文字有改动：${c.sections.map((s) => keyLabel(s.key)).join('、')}` : '文字没有改动',
              c.cells.length ? `表格有 ${c.cells.length} 个数字不同` : '表格数字相同',
              c.notes.length ? `单元格说明有 ${c.notes.length} 处不同` : '',
              c.signoff.length ? '签发信息不同' : '',
            ]
              .filter(Boolean)
              .join('；')}
            。
          </p>
        )}
        {c.sections.map((s) => (
          <section key={s.key} className="compare-section" aria-label={`${keyLabel(s.key)}的改动`}>
            <h3>{keyLabel(s.key)}</h3>
            <table className="diff-table">
              <colgroup>
                <col className="diff-num" />
                <col />
                <col className="diff-num" />
                <col />
              </colgroup>
              <tbody>
                {s.rows.map((r, i) => (
                  <tr key={i} className={`diff-${r.kind}`}>
                    <td className="diff-num">{r.kind !== 'insert' ? r.leftLine : ''}</td>
                    <td className="diff-left">
                      {r.kind === 'change' ? <Segments segments={r.leftSegments} format={c.format} /> : r.kind !== 'insert' ? <Words text={r.left} format={c.format} /> : null}
                    </td>
                    <td className="diff-num">{r.kind !== 'delete' ? r.rightLine : ''}</td>
                    <td className="diff-right">
                      {r.kind === 'change' ? <Segments segments={r.rightSegments} format={c.format} /> : r.kind !== 'delete' ? <Words text={r.right} format={c.format} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        {c.cells.length > 0 && (
          <section className="compare-section" aria-label="数字的改动">
            <h3>表格数字</h3>
            <table className="list cell-diff">
              <thead>
                <tr>
                  <th>单元格</th>
                  <th>左</th>
                  <th>右</th>
                </tr>
              </thead>
              <tbody>
                {c.cells.map((cell) => (
                  <tr key={cell.cellId}>
                    <td>
                      {cell.name}
                      {cell.computed && <span className="muted">（自动合计）</span>}
                    </td>
                    <td className="diff-left-val">{cell.before}</td>
                    <td className="diff-right-val">{cell.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {others.length > 0 && (
          <section className="compare-section" aria-label="说明和签发信息的改动">
            <h3>单元格说明和签发信息</h3>
            <table className="list cell-diff">
              <tbody>
                {others.map((n) => (
                  <tr key={`${n.group}-${n.key}`}>
                    <td>
                      {n.group}：{n.name}
                    </td>
                    <td className="diff-left-val">{n.before}</td>
                    <td className="diff-right-val">{n.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </Dialog>
  );
}
