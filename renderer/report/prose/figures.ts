import { cellName, getFormat, type CellDef, type FormatId, type TableId } from '../../../core/format/index.js';
import { headingOf, tokenValue } from '../../../core/report/prose.js';

/**
 * The figures a text can quote, named from the format's own labels (core/format), shortened to
 * what a clerk reads in a sentence: the row without its numbering and without the bracketed
 * remark, the column unless it is 总计, e.g. 「本年新收政府信息公开申请数量」, 「予以公开·自然人」,
 * 「行政复议·总计」, 「规章·本年制发件数」.
 */

export interface Figure {
  id: string;
  table: TableId;
  label: string;
}

/** Figures a narrative quotes most, offered first (only those the report's format has). */
const COMMON_IDS = [
  't3.r1.total',
  't3.r2.total',
  't3.r3_1.total',
  't3.r3_2.total',
  't3.r3_7.total',
  't3.r4.total',
  't4.rev.total',
  't4.lit_direct.total',
  't4.lit_after.total',
  't2.reg.made',
  't2.norm.made',
  't2.norm.valid',
  't2.norm.new_made',
  't2.norm.new_published',
  't2.lic.decisions',
  't2.pun.decisions',
  't2.coer.decisions',
  't2.fee.amount',
];

/** 「（二）部分公开（区分处理的，…）」 → 「部分公开」; 「本年收费金额（单位：万元）」 → 「本年收费金额」. */
function bare(label: string): string {
  const unnumbered = headingOf(label)?.text || label;
  return unnumbered.replace(/[（(][^（）()]*[）)]$/, '').trim();
}

function labelOf(def: CellDef): string {
  if (def.table === 't4') return def.colPath.join('·');
  const col = def.colPath.at(-1) ?? '';
  if (def.table === 't2') return `${def.rowPath.at(-1)}·${bare(col)}`;
  // 表三: the row; 「总计」 alone would be ambiguous, so the group it totals comes first
  const rows = def.rowPath.map(bare);
  const row = rows.at(-1) === '总计' && rows.length > 1 ? `${rows.at(-2)}总计` : rows.at(-1)!;
  return def.col === 'total' ? row : `${row}·${col}`;
}

interface FigureIndex {
  all: Figure[];
  byId: Map<string, Figure>;
  byLabel: Map<string, string>;
  common: Figure[];
}

const indexes = new Map<FormatId, FigureIndex>();

function indexOf(format: FormatId): FigureIndex {
  let index = indexes.get(format);
  if (index) return index;
  const all: Figure[] = [];
  const seen = new Set<string>();
  for (const def of getFormat(format).cells) {
    let label = labelOf(def);
    // a short name two cells share falls back to the full name (none do today; kept safe)
    if (seen.has(label)) label = cellName(def);
    seen.add(label);
    all.push({ id: def.id, table: def.table, label });
  }
  const byId = new Map(all.map((f) => [f.id, f]));
  const common = COMMON_IDS.map((id) => byId.get(id)).filter((f): f is Figure => Boolean(f));
  index = { all, byId, byLabel: new Map(all.map((f) => [f.label, f.id])), common };
  indexes.set(format, index);
  return index;
}

export function allFigures(format: FormatId): readonly Figure[] {
  return indexOf(format).all;
}

export function commonFigures(format: FormatId): readonly Figure[] {
  return indexOf(format).common;
}

/** How a token names its cell; an id the format does not have is shown as it is. */
export function figureLabel(format: FormatId | 'free', id: string): string {
  return format === 'free' ? id : (indexOf(format).byId.get(id)?.label ?? id);
}

/** The cell a label names (or a bare cell id), for reading tokens back from the editor's text. */
export function figureIdOf(format: FormatId | 'free', label: string): string | undefined {
  if (/^t[234]\.[a-z0-9_]+\.[a-z_]+$/.test(label)) return label;
  return format === 'free' ? undefined : indexOf(format).byLabel.get(label);
}

/** The value a token shows now: the figure, 「（未填）」, or 「（无此数字）」 for a cell the format lacks. */
export function figureValue(format: FormatId | 'free', cells: Readonly<Record<string, number>>, id: string): string {
  if (format === 'free' || !indexOf(format).byId.has(id)) return '（无此数字）';
  return tokenValue(format, cells, id);
}
