import { cellDef, cellName, getFormat, sectionHeading, SECTIONS, type FormatId } from '../../core/format/index.js';
import { parseCellInput, fenToWan, type ReportData } from '../../core/report/index.js';
import type { Finding } from '../../core/rules/index.js';
import { OfficialTable } from '../report/OfficialTable.js';

/** What the clerk typed: the text of each edited cell, its error when it is not a figure, which cells were changed. */
export interface CellEdits {
  texts: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  changed: ReadonlySet<string>;
}

interface Props {
  report: ReportData;
  /** the report's format (a free-form report has no tables and is not shown here) */
  format: FormatId;
  uncertain: ReadonlySet<string>;
  /** uncertain cells not yet changed by the clerk */
  unchecked: number;
  findings: readonly Finding[];
  edits: CellEdits;
  onEdit: (edits: CellEdits, cells: Record<string, number>) => void;
  onFocusCell: (cellId: string | null) => void;
}

/**
 * The three tables in the official layout, every figure an input. Totals are inputs too: an
 * imported report keeps them as published, and the rules say where they do not add up.
 */
export function ReviewTables({ report, format: formatId, uncertain, unchecked, findings, edits, onEdit, onFocusCell }: Props) {
  const format = getFormat(formatId);
  const marks = new Map<string, 'error' | 'warning'>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    for (const id of f.cells) if (marks.get(id) !== 'error') marks.set(id, f.severity);
  }
  const shown = (id: string) => {
    const v = report.cells[id];
    if (v === undefined) return '';
    return cellDef(formatId, id)?.kind === 'money' ? fenToWan(v) : String(v);
  };
  const edit = (id: string, raw: string) => {
    const def = cellDef(formatId, id)!;
    const read = parseCellInput(raw, def.kind);
    const errors = { ...edits.errors };
    const cells = { ...report.cells };
    if (read.ok) {
      delete errors[id];
      if (read.value === null) delete cells[id];
      else cells[id] = read.value;
    } else {
      errors[id] = read.message;
    }
    onEdit({ texts: { ...edits.texts, [id]: raw }, errors, changed: new Set(edits.changed).add(id) }, cells);
  };
  const tidy = (id: string) => {
    if (edits.texts[id] === undefined || edits.errors[id]) return;
    const { [id]: _typed, ...texts } = edits.texts;
    onEdit({ ...edits, texts }, report.cells);
  };
  const classes = (id: string) =>
    [
      'value',
      uncertain.has(id) && !edits.changed.has(id) ? 'uncertain' : '',
      edits.changed.has(id) ? 'changed' : '',
      edits.errors[id] ? 'invalid' : '',
      marks.get(id) ? `mark-${marks.get(id)}` : '',
      report.cells[id] === undefined ? 'is-blank' : '',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <section className="import-tables" aria-label="统计表">
      <p className="legend import-legend">
        <span className="swatch swatch-uncertain" />
        没有把握读对，请对照右边的原文核对{unchecked ? `（${unchecked} 格）` : ''}
        <span className="swatch swatch-changed" />
        您改过的
        <span className="swatch swatch-error" />
        规则发现的问题
      </p>
      {Object.values(format.tables).map((table) => {
        const section = SECTIONS.find((s) => s.key === table.section)!;
        return (
          <div key={table.id} className="import-table">
            <h2>{sectionHeading(section)}</h2>
            <div className="table-scroll">
              <OfficialTable
                table={table}
                caption={sectionHeading(section)}
                valueProps={(id) => ({ className: classes(id) })}
                renderValue={(id) => {
                  const def = cellDef(formatId, id)!;
                  return (
                    <input
                      className="import-cell"
                      data-cell={id}
                      aria-label={cellName(def)}
                      title={edits.errors[id] ?? (uncertain.has(id) ? '没有把握读对，请核对' : undefined)}
                      aria-invalid={edits.errors[id] ? true : undefined}
                      inputMode="decimal"
                      value={edits.texts[id] ?? shown(id)}
                      onChange={(e) => edit(id, e.target.value)}
                      // once left, a figure shows as the report will (「２１８」 → 「218」)
                      onBlur={() => tidy(id)}
                      onFocus={(e) => {
                        e.target.select();
                        onFocusCell(id);
                      }}
                    />
                  );
                }}
              />
            </div>
          </div>
        );
      })}
    </section>
  );
}
