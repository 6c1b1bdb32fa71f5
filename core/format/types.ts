/**
 * The vocabulary in which the official formats are written down as data.
 * Everything that draws, checks, exports or imports a table reads these structures;
 * nothing else in the project spells out a label or a merge.
 */

export type FormatId = '2021' | '2019';
export type SectionKey = 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
export type TableId = 't2' | 't3' | 't4';

/** What a value cell holds. Decides parsing, validation and how it is printed. */
export type ValueKind =
  /** a count of documents, decisions, applications or cases: integer ≥ 0 */
  | 'count'
  /** the 2019 format's 本年增/减: an integer that may be negative */
  | 'delta'
  /** an amount of money entered and printed in 万元, stored as exact integer 分 */
  | 'money';

export interface SectionDef {
  key: SectionKey;
  /** 一 … 六 */
  numeral: string;
  /** the title exactly as the format prints it, without the numeral */
  title: string;
  /** prose sections are written by the clerk; table sections hold one of the three tables */
  kind: 'prose' | 'table';
  table?: TableId;
  /** a table section's name where room is tight (the figure picker's tabs): not printed */
  short?: string;
}

export interface CellDef {
  /** stable id of spec/report-json.md, e.g. `t3.r3_3_4.np` */
  id: string;
  table: TableId;
  /** row key inside the table, e.g. `r3_3_4`, `reg`, `rev` */
  row: string;
  /** column key inside the table, e.g. `np`, `made`, `upheld` */
  col: string;
  /** row labels from the outermost group to the row itself, as printed */
  rowPath: string[];
  /** column headers from the outermost to the innermost, as printed */
  colPath: string[];
  kind: ValueKind;
  /** the unit a clerk reads the value in */
  unit: string;
  /** present on computed cells: the value is the sum of these cells */
  sumOf?: string[];
}

/** Roles decide how a grid cell is drawn and whether it holds a value. */
export type GridRole = 'corner' | 'header' | 'block' | 'label' | 'value' | 'empty';

/**
 * One cell of the printed grid, HTML style: a cell spanning several rows or columns
 * appears once, and the positions it covers are left out of the following rows.
 */
export interface GridCell {
  role: GridRole;
  /** printed text (headers, labels, notes) */
  text?: string;
  /** the value cell's id, for role `value` */
  cell?: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableDef {
  id: TableId;
  section: SectionKey;
  /** number of grid columns */
  columns: number;
  /** relative column widths, used by the DOCX writer and the print view */
  widths: number[];
  /** number of leading grid rows that are headers (repeated when a table breaks across pages) */
  headerRows: number;
  rows: GridCell[][];
  /** value cells in reading order (row by row, left to right) */
  cells: CellDef[];
}

export interface FormatDef {
  id: FormatId;
  /** how a clerk names it */
  name: string;
  /** the notice that issued it */
  notice: string;
  /** first and last report year it applies to (null: still in force) */
  years: [number, number | null];
  sections: SectionDef[];
  tables: Record<TableId, TableDef>;
  /** every value cell of the three tables, in table order */
  cells: CellDef[];
}
