import { useEffect, useMemo, useRef } from 'react';
import type { ReportData } from '../../core/report/model.js';
import { sourceLineOf } from './review.js';

interface Props {
  /** the source as the importer normalised it (Simplified, no pinyin, table rows as 「a | b | c」) */
  text: string;
  report: ReportData;
  /** the cell being checked: its row is found and marked in the source */
  focusedCell: string | null;
}

/** The source text beside the tables, scrolled to the row of the cell being checked. */
export function SourcePane({ text, report, focusedCell }: Props) {
  const lines = useMemo(() => text.split('\n'), [text]);
  const at = report.format !== 'free' && focusedCell ? sourceLineOf(lines, report.format, focusedCell, report.publishedTitles) : null;
  const marked = useRef<HTMLDivElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'center' });
  }, [at]);
  return (
    <aside className="import-source-pane" aria-label="原文">
      <h2>
        原文<span className="muted">（已转为简体、去掉拼音注音；表格一行以「|」分格）</span>
      </h2>
      <div className="import-source" tabIndex={0}>
        {lines.map((line, i) => (
          <div key={i} ref={i === at ? marked : undefined} className={i === at ? 'source-line marked' : 'source-line'}>
            {line || '\u00a0'}
          </div>
        ))}
      </div>
    </aside>
  );
}
