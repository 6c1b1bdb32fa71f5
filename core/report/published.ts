import { cellDef, FORMATS, getFormat, cellName, type FormatId, type TableId } from '../format/index.js';
import { proseLabel } from '../rules/context.js';
import { fenToWan } from './money.js';
import { PROSE_KEYS, type ProseKey, type ReportData } from './model.js';
import { sideBySide, type TextSegment } from './text-diff.js';

/**
 * 「核对网上公布版」: the copy published on a website, read back by the importer, against the
 * signed version — every figure and every paragraph that is not the same. Published reports are
 * known to be edited after publication, retyped by a web editor, or to differ between platforms;
 * this is how a clerk (or the county) finds out where.
 *
 * The figures are compared with the signed figures themselves. The text is compared with the
 * signed version *as the importer reads it* (its print view read back), so that both sides are cut
 * into the same parts (导语, 一, 五, 六, the notes under the tables) and normalised alike; a line
 * broken differently or a space more is not a difference, a changed character is.
 */

export interface PublishedCellDiff {
  cellId: string;
  table: TableId;
  /** 「表三「一、本年新收政府信息公开申请数量」·自然人」 */
  name: string;
  signed: string;
  published: string;
}

/** One row of a prose part, signed text opposite published text. */
export type ParagraphRow =
  | { kind: 'equal'; text: string }
  | { kind: 'signed-only'; text: string }
  | { kind: 'published-only'; text: string }
  | { kind: 'changed'; signed: TextSegment[]; published: TextSegment[] };

export interface PublishedSectionDiff {
  key: ProseKey;
  /** 「一、总体情况」「导语」 */
  label: string;
  rows: ParagraphRow[];
}

export interface PublishedComparison {
  /** agency, year, format, sign-off date as published where they are not the signed ones */
  header: { field: string; signed: string; published: string }[];
  /** figures that differ, in the format's order */
  cells: PublishedCellDiff[];
  /** figures the importer could not read with confidence and that do not match: to be looked at, not proven different */
  uncertain: PublishedCellDiff[];
  /** prose parts with at least one paragraph that differs */
  sections: PublishedSectionDiff[];
  /** nothing differs (uncertain readings included) */
  same: boolean;
}

const BLANK = '（空）';
const NOT_READ = '（没有读到）';

function shown(format: FormatId, cellId: string, value: number | undefined, blank: string): string {
  if (value === undefined) return blank;
  return cellDef(format, cellId)?.kind === 'money' ? `${fenToWan(value)}万元` : String(value);
}

/**
 * A paragraph as compared: no whitespace at all, full-width letters, digits and punctuation as
 * their half-width forms (NFKC), so that the width a web editor chose is not a difference.
 */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => comparable(p) !== '');
}

/** The paragraphs of one prose part, aligned; undefined when the part is the same on both sides. */
export function compareParagraphs(signed: string | undefined, published: string | undefined): ParagraphRow[] | undefined {
  const a = paragraphs(signed);
  const b = paragraphs(published);
  if (comparable(a.join('')) === comparable(b.join(''))) return undefined;
  return sideBySide(a.join('\n'), b.join('\n'), (x, y) => comparable(x) === comparable(y)).map((row): ParagraphRow => {
    switch (row.kind) {
      case 'equal':
        return { kind: 'equal', text: row.left };
      case 'delete':
        return { kind: 'signed-only', text: row.left };
      case 'insert':
        return { kind: 'published-only', text: row.right };
      case 'change':
        return { kind: 'changed', signed: row.leftSegments, published: row.rightSegments };
    }
  });
}

export interface PublishedInputs {
  /** the signed version, figures with their totals */
  signed: ReportData;
  /** the signed version's print view read back by the importer: its text cut as the published one is */
  signedAsRead: ReportData;
  /** the published copy as the importer read it */
  published: ReportData;
  /** cells the importer read without confidence */
  uncertain: readonly string[];
}

export function comparePublished({ signed, signedAsRead, published, uncertain }: PublishedInputs): PublishedComparison {
  const header: PublishedComparison['header'] = [];
  if (comparable(published.agency.name) !== comparable(signed.agency.name)) {
    header.push({ field: '机关名称', signed: signed.agency.name, published: published.agency.name || NOT_READ });
  }
  if (published.year !== signed.year) header.push({ field: '报告年度', signed: String(signed.year), published: published.year ? String(published.year) : NOT_READ });
  if (published.format !== signed.format) {
    const name = (f: ReportData['format']) => (f === 'free' ? '自由格式（没有统计表）' : FORMATS[f].name);
    header.push({ field: '表格格式', signed: name(signed.format), published: name(published.format) });
  }
  const signedDate = signed.signoff?.date ?? '';
  const publishedDate = published.signoff?.date ?? '';
  if (publishedDate && signedDate && publishedDate !== signedDate) header.push({ field: '落款日期', signed: signedDate, published: publishedDate });

  const cells: PublishedCellDiff[] = [];
  const doubtful: PublishedCellDiff[] = [];
  // a published copy read without tables (free format) has its difference said in the header
  if (signed.format !== 'free' && published.format !== 'free') {
    const format = signed.format;
    const unsure = new Set(uncertain);
    for (const def of getFormat(format).cells) {
      const a = signed.cells[def.id];
      const b = published.cells[def.id];
      if (a === b) continue;
      const diff = { cellId: def.id, table: def.table, name: cellName(def), signed: shown(format, def.id, a, BLANK), published: shown(format, def.id, b, NOT_READ) };
      (unsure.has(def.id) ? doubtful : cells).push(diff);
    }
  }

  const sections: PublishedSectionDiff[] = [];
  for (const key of PROSE_KEYS) {
    const rows = compareParagraphs(signedAsRead.sections[key], published.sections[key]);
    if (rows) sections.push({ key, label: proseLabel(key).replace(/[「」]/g, ''), rows });
  }
  return { header, cells, uncertain: doubtful, sections, same: !header.length && !cells.length && !doubtful.length && !sections.length };
}
