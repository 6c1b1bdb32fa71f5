import { sectionHeading, SECTIONS, tableName, type SectionKey, type TableId } from '../format/index.js';
import { computesTotals, madeInApp, PROSE_KEYS, resolveTokens, shownCells, fenToWan, type ProseKey, type ReportData } from '../report/index.js';
import { formatIndex, type FormatIndex } from './format-index.js';
import { extractNumbers, type NumberMention } from './prose-numbers.js';

export interface CheckOptions {
  /** last year's report of the same agency: enables the cross-year rules (X-*) and L-5 */
  previous?: ReportData;
  /** whether last year's report was prepared in the app (X-1 is then an error, else a warning) */
  previousMadeInApp?: boolean;
  /**
   * The figures as a file from outside writes them, totals included: checked as they stand, so
   * that a 总计 that is not the sum of its parts is found (A-1, A-2, L-1…L-3), whoever made the file.
   */
  asWritten?: Readonly<Record<string, number>>;
  /**
   * The publication deadline in the year after the report year, as local rules set it (a setting:
   * townships and streets have only local deadlines; some places set earlier ones). Left out, the
   * statutory deadline of the agency's level applies (G-3).
   */
  deadline?: PublicationDeadline;
}

/** A deadline in the year after the report year. */
export interface PublicationDeadline {
  month: number;
  day: number;
}

/** 「01-20」 or 「1月20日」 → a deadline; null when it is not a date. */
export function parseDeadline(text: string): PublicationDeadline | null {
  const m = /^\s*(\d{1,2})\s*(?:-|\/|月)\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2001, month, 0)).getUTCDate()) return null;
  return { month, day };
}

/** One report's figures as the rules read them. */
export interface Figures {
  report: ReportData;
  /** null for a free-form (pre-2019) report: it has no standard tables */
  index: FormatIndex | null;
  /** as published for imported reports; with the computed totals for reports made in the app */
  cells: Readonly<Record<string, number>>;
}

export interface RuleContext extends Figures {
  /** true when the totals are computed by the app, so that they cannot disagree with their parts */
  computedTotals: boolean;
  /** the prose parts, figure tokens replaced by the figures they show */
  prose: Readonly<Partial<Record<ProseKey, string>>>;
  previous?: Figures & { madeInApp: boolean };
  /** the deadline set for this installation, if any (G-3) */
  deadline?: PublicationDeadline;
  /** the numbers in a prose part (read once, shared by the narrative rules) */
  numbers(key: ProseKey): readonly NumberMention[];
  /** 「表三「（七）总计」·自然人」 */
  name(cellId: string): string;
  /** the value as a clerk reads it: 「8」, 「1.7732万元」, 「（空）」 */
  show(cellId: string, cells?: Readonly<Record<string, number>>): string;
}

/** Where a prose part is shown: the 导语 under 一, the notes under their table. */
export const PROSE_SECTION: Readonly<Record<ProseKey, SectionKey>> = {
  intro: 's1',
  s1: 's1',
  s5: 's5',
  s6: 's6',
  note_t2: 's2',
  note_t3: 's3',
  note_t4: 's4',
};

const HEADINGS = new Map(SECTIONS.map((s) => [s.key, `「${sectionHeading(s)}」`]));

/** How a message names a prose part: 「一、总体情况」, 「导语」, 「表三下方的说明」. */
export function proseLabel(key: ProseKey): string {
  if (key === 'intro') return '导语';
  if (key.startsWith('note_')) return `${tableName(key.slice('note_'.length) as TableId)}下方的说明`;
  return HEADINGS.get(key as SectionKey)!;
}

export function sectionLabel(key: SectionKey): string {
  return HEADINGS.get(key)!;
}

function figuresOf(report: ReportData): Figures {
  if (report.format === 'free') return { report, index: null, cells: report.cells };
  const index = formatIndex(report.format);
  const cells = shownCells(report);
  return { report, index, cells };
}

function resolvedProse(report: ReportData, cells: Readonly<Record<string, number>>): Partial<Record<ProseKey, string>> {
  const out: Partial<Record<ProseKey, string>> = {};
  for (const key of PROSE_KEYS) {
    const text = report.sections[key];
    if (text === undefined) continue;
    out[key] = text.includes('{{') ? resolveTokens(text, report.format, cells) : text;
  }
  return out;
}

/*
 * The window checks the report again after every figure typed, with the same long texts and the
 * same last year's report each time: what is read from those alone is kept (pure, so the result
 * is the same as reading them again).
 */

/** Last year's figures, by its report object (unchanged while a report is open). */
const previousFigures = new WeakMap<ReportData, Figures>();

/** The numbers of the texts read lately, by text (a text with figures in it changes only when they do). */
const numbersByText = new Map<string, readonly NumberMention[]>();
const NUMBERS_KEPT = 32;

function numbersIn(text: string): readonly NumberMention[] {
  let found = numbersByText.get(text);
  if (!found) {
    found = extractNumbers(text);
    if (numbersByText.size >= NUMBERS_KEPT) numbersByText.delete(numbersByText.keys().next().value!);
    numbersByText.set(text, found);
  }
  return found;
}

export function buildContext(report: ReportData, options: CheckOptions = {}): RuleContext {
  const figures = options.asWritten ? { ...figuresOf(report), cells: options.asWritten } : figuresOf(report);
  const index = figures.index;
  const show = (id: string, cells: Readonly<Record<string, number>> = figures.cells): string => {
    const v = cells[id];
    if (v === undefined) return '（空）';
    return index?.byId.get(id)?.kind === 'money' ? `${fenToWan(v)}万元` : String(v);
  };
  const prose = resolvedProse(report, figures.cells);
  const numbers = new Map<ProseKey, readonly NumberMention[]>();
  const ctx: RuleContext = {
    ...figures,
    computedTotals: !options.asWritten && computesTotals(report),
    prose,
    numbers(key) {
      let found = numbers.get(key);
      if (!found) {
        found = numbersIn(prose[key] ?? '');
        numbers.set(key, found);
      }
      return found;
    },
    name: (id) => index?.names.get(id) ?? id,
    show,
    ...(options.deadline ? { deadline: options.deadline } : {}),
  };
  const prev = options.previous;
  if (prev && prev.year === report.year - 1) {
    let last = previousFigures.get(prev);
    if (!last) previousFigures.set(prev, (last = figuresOf(prev)));
    ctx.previous = { ...last, madeInApp: options.previousMadeInApp ?? madeInApp(prev) };
  }
  return ctx;
}
