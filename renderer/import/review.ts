import { agencySchema, type AgencyRecord, type Args } from '../../core/api.js';
import { cellDef, getFormat, sectionHeading, SECTIONS, type CellDef, type FormatId, type SectionKey } from '../../core/format/index.js';
import { emptyAgency, type Agency, type AgencyLevel, type ProseKey, type ReportData } from '../../core/report/model.js';

/**
 * The review screen's decisions that need no DOM: whose report the import becomes, the new
 * agency made from what the report says, a change of format, and where a row sits in the source.
 */

export type Target = { kind: 'current' } | { kind: 'existing'; id: number } | { kind: 'new' };

/**
 * A label reduced to what identifies it: no spaces, punctuation or a trailing note in brackets.
 * The source text is already normalised by the importer (Simplified, half-width), so this is
 * enough to find a label in it (the importer's own normaliser is not loaded in the window).
 */
function labelKey(text: string): string {
  return text
    .replace(/[（(][^（()）]{6,}[)）]\s*$/, '')
    .replace(/[\s|｜:：、.．,，。;；（）()“”"'‘’「」《》\-—]/g, '');
}

/** 「云溪市人民政府」 and 「云溪市」 name the same body; so do 「清河镇」 and 「某某县清河镇人民政府」. */
function core(name: string): string {
  return labelKey(name).replace(/(人民政府|政府|街道办事处|办事处)$/, '');
}

export function sameBody(a: string, b: string): boolean {
  const x = core(a);
  const y = core(b);
  return !!x && !!y && (x.includes(y) || y.includes(x));
}

/**
 * Where the import goes by default: the current agency when the report names it (or names no
 * one); an existing agency of the same name; else a new agency, since a report that names another
 * body is that body's (a county office taking in its townships' reports).
 */
export function defaultTarget(detectedName: string, current: AgencyRecord, agencies: readonly AgencyRecord[]): Target {
  if (!detectedName || sameBody(detectedName, current.name)) return { kind: 'current' };
  const match = agencies.find((a) => a.id !== current.id && sameBody(detectedName, a.name));
  return match ? { kind: 'existing', id: match.id } : { kind: 'new' };
}

/** A new agency from the report: its name and level, and the contact details that pass the form's own checks. */
export function agencyFromReport(report: ReportData, name: string, level: AgencyLevel): Agency {
  const contact = agencySchema.shape.contact.shape;
  const keep = (field: keyof typeof contact, value: string) => (contact[field].safeParse(value).success ? value.trim() : '');
  const c = report.agency.contact;
  return {
    ...emptyAgency(name.trim()),
    level,
    contact: { address: keep('address', c.address), postcode: keep('postcode', c.postcode), phone: keep('phone', c.phone), email: keep('email', c.email) },
  };
}

export function confirmTarget(target: Target, current: AgencyRecord, newAgency: Agency): Args<'import.confirm'>['target'] {
  if (target.kind === 'current') return { agencyId: current.id };
  if (target.kind === 'existing') return { agencyId: target.id };
  return { newAgency };
}

/** Another format: the cells that format also has keep their figures, the rest are dropped. */
export function withFormat(report: ReportData, format: ReportData['format']): { report: ReportData; dropped: number } {
  if (format === report.format) return { report, dropped: 0 };
  const cells: Record<string, number> = {};
  if (format !== 'free') for (const [id, v] of Object.entries(report.cells)) if (cellDef(format, id)) cells[id] = v;
  return { report: { ...report, format, cells }, dropped: Object.keys(report.cells).length - Object.keys(cells).length };
}

/** The prose parts of a report in reading order, with the names the clerk knows them by. */
export function proseParts(report: ReportData): { key: string; label: string; text: string }[] {
  const out: { key: string; label: string; text: string }[] = [];
  const add = (key: string, label: string) => {
    const text = report.sections[key as ProseKey];
    if (text?.trim()) out.push({ key, label, text });
  };
  add('intro', '导语');
  for (const s of SECTIONS) {
    add(s.key, sectionHeading(s));
    if (s.table) add(`note_${s.table}`, `${sectionHeading(s)}（表格下方的文字）`);
  }
  return out;
}

/**
 * The line of the source where a cell's row is printed: after the table's section heading, after
 * the row's group label, the first line holding the row's label. Best effort (the source may word
 * a label differently): a row whose own label is missing from the source (lost in copying) gives
 * the line of its group; null when not even the table's first label is found.
 */
export function sourceLineOf(lines: readonly string[], format: FormatId, cellId: string, titles?: ReportData['publishedTitles']): number | null {
  const def: CellDef | undefined = cellDef(format, cellId);
  if (!def) return null;
  const section = getFormat(format).tables[def.table].section;
  const heading = titles?.[section as SectionKey] ?? SECTIONS.find((s) => s.key === section)!.title;
  const keys = lines.map(labelKey);
  const find = (label: string, from: number) => {
    const key = labelKey(label);
    if (!key) return from;
    const at = keys.findIndex((k, i) => i >= from && k.includes(key));
    return at;
  };
  const start = Math.max(0, find(heading, 0));
  // 表四 has no row labels: its groups are its outer column headers
  const path = def.rowPath.length ? def.rowPath : def.colPath.slice(0, -1);
  let at: number | null = null;
  for (const label of path) {
    const next = find(label, at ?? start);
    if (next < 0) break;
    at = next;
  }
  return at;
}
