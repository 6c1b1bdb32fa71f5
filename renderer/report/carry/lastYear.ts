import { cellDef, cellName, formatIdForYear, T3_COLUMNS, type CellDef } from '../../../core/format/index.js';
import { parseCellInput } from '../../../core/report/index.js';

/**
 * Last year's figures typed in by hand, when the store has no report for last year (issue 6):
 * 表三「四、结转下年度继续办理」 (six columns, the total computed) and, in the 2021 format, 表二's
 * 现行有效件数 — what the carry into this year needs, no more.
 */

export interface LastYearField {
  cellId: string;
  /** the column or row the field stands for: 「自然人」, 「规章」 */
  label: string;
  /** the official name: 「表三「四、结转下年度继续办理」·自然人」 */
  name: string;
  def: CellDef;
}

export interface LastYearForm {
  /** the 四、结转下年度继续办理 row, the total left out (it is computed) */
  row: LastYearField[];
  total: LastYearField;
  /** 表二 现行有效件数 (规章, 行政规范性文件); empty when last year used the 2019 format, which has none */
  valid: LastYearField[];
}

/** The fields of the form for the year before `year`, or null when that year has no tables. */
export function lastYearForm(year: number): LastYearForm | null {
  const format = formatIdForYear(year - 1);
  if (format === 'free') return null;
  const field = (cellId: string, label: (d: CellDef) => string): LastYearField | undefined => {
    const def = cellDef(format, cellId);
    return def && { cellId, label: label(def), name: cellName(def), def };
  };
  const row = T3_COLUMNS.filter((c) => c.key !== 'total').map((c) => field(`t3.r4.${c.key}`, (d) => d.colPath.at(-1)!)!);
  const total = field('t3.r4.total', (d) => d.colPath.at(-1)!)!;
  const valid = ['t2.reg.valid', 't2.norm.valid']
    .map((id) => field(id, (d) => d.rowPath.at(-1)!))
    .filter((f): f is LastYearField => Boolean(f));
  return { row, total, valid };
}

export interface LastYearFigures {
  /** what `report.create` takes as lastYearFigures; the row's total when any of the row is filled */
  figures: Record<string, number>;
  /** per field, what is wrong with what was typed */
  problems: Record<string, string>;
  /** the row's computed total (blank columns count as nothing) */
  total: number | undefined;
}

/** Reads the typed figures: blank stays blank (not known), 0 is 0. */
export function readLastYearFigures(form: LastYearForm, typed: Readonly<Record<string, string>>): LastYearFigures {
  const figures: Record<string, number> = {};
  const problems: Record<string, string> = {};
  for (const f of [...form.row, ...form.valid]) {
    const parsed = parseCellInput(typed[f.cellId] ?? '', f.def.kind);
    if (!parsed.ok) problems[f.cellId] = parsed.message;
    else if (parsed.value !== null) figures[f.cellId] = parsed.value;
  }
  const filled = form.row.filter((f) => figures[f.cellId] !== undefined);
  const total = filled.length ? filled.reduce((s, f) => s + figures[f.cellId]!, 0) : undefined;
  if (total !== undefined) figures[form.total.cellId] = total;
  return { figures, problems, total };
}
