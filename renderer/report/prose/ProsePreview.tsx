import type { ReportFormat } from '../../../core/report/model.js';
import { headingOf, resolveTokens, TOKEN_RE } from '../../../core/report/prose.js';
import { figureLabel, figureValue } from './figures.js';
import { markerOf } from './numbering.js';

interface Props {
  text: string;
  format: ReportFormat;
  cells: Readonly<Record<string, number>>;
}

/** A line with its figures as chips showing their values. */
function Inline({ line, format, cells }: { line: string; format: ReportFormat; cells: Props['cells'] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of line.matchAll(TOKEN_RE)) {
    if (m.index > at) parts.push(line.slice(at, m.index));
    parts.push(
      <span key={m.index} className="figure-chip" title={`${figureLabel(format, m[1]!)}（随表格自动更新）`}>
        {figureValue(format, cells, m[1]!)}
      </span>,
    );
    at = m.index + m[0].length;
  }
  parts.push(line.slice(at));
  return <>{parts}</>;
}

/**
 * The text as it will print: headings by level in the 公文 typefaces, paragraphs indented two
 * characters, list items hanging. What is a heading is decided on the text with the figures in
 * it, as the export decides.
 */
export function ProsePreview({ text, format, cells }: Props) {
  const lines = text.split('\n').filter((l) => l.trim());
  return (
    <div className="prose-preview" aria-label="排版预览">
      {lines.length === 0 && <p className="muted">（还没有内容）</p>}
      {lines.map((raw, i) => {
        const line = raw.trim();
        const heading = headingOf(format === 'free' ? line : resolveTokens(line, format, cells));
        const marker = markerOf(line);
        const className = heading
          ? `pv-h${heading.level}`
          : marker?.kind === 'numbered' || marker?.kind === 'bulleted'
            ? 'pv-item'
            : 'pv-p';
        return (
          <p key={i} className={className}>
            <Inline line={line} format={format} cells={cells} />
          </p>
        );
      })}
    </div>
  );
}
