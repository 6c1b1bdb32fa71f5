import { extractNumbers, normaliseDigits, type NumberMention } from './prose-numbers.js';

/**
 * Figures of 表三 quoted in the narrative (rule G-4): 「全年收到申请23件」 → t3.r1.total = 23.
 * Conservative on purpose: a number is read as a table figure only when the words right
 * before it, inside the same clause, name exactly one figure, and nothing compares it with
 * another year or another number.
 */

export interface QuotedFigure {
  cellId: string;
  mention: NumberMention;
}

/** Units applications are counted in. */
const APPLICATION_UNITS = new Set(['件', '宗', '条', '个']);

/** Comparisons and shares: the number is not the figure itself. */
const COMPARISON = /较|同比|环比|比上年|比去年|增加|减少|增长|下降|上升|占/;

/**
 * Each figure with the words that introduce it. Each pattern is tested on the clause up to the
 * number and must end right at the number, with no digit between the words and it.
 */
const FIGURES: readonly { cellId: string; re: RegExp; /** the sentence must be about applications */ aboutApplications?: true }[] = [
  { cellId: 't3.r2.total', re: /(?:上一?年度?|去年)[^\d]{0,4}结转[^\d]{0,10}$|结转上一?年度?[^\d]{0,10}$/ },
  {
    cellId: 't3.r4.total',
    re: /结转(?:至|到|入)?下一?年度?[^\d]{0,10}$|转入下一?年度?[^\d]{0,10}$|(?:下一?年度?|明年)继续办理[^\d]{0,4}$/,
  },
  { cellId: 't3.r3_1.total', re: /(?<![不分])予以公开[^\d]{0,10}$/ },
  // 办结、答复 are said of letters and petitions too: only in a sentence about applications
  { cellId: 't3.r3_7.total', re: /(?:办结|办理完毕|处理完毕|办理完成|完成办理|答复)[^\d]{0,12}$/, aboutApplications: true },
  {
    cellId: 't3.r1.total',
    re: /(?:收到|新收|受理|接收|接到)[^\d]{0,12}申请[^\d]{0,12}$|申请[^\d]{0,8}(?:收到|新收|受理|接收|接到)[^\d]{0,8}$/,
  },
];

/** Cheap first test: a clause without any of these words names none of the figures. */
const ANY_FIGURE_WORD = /结转|转入|予以公开|办结|办理|处理完毕|答复|申请/;

/** Characters that end a clause: a figure and the words naming it stay inside one clause. */
const CLAUSE_END = new Set('，,；;。！？!?：:、（）()\n');
/** Characters that end a sentence. */
const SENTENCE_END = new Set('。！？!?；;\n');

function backTo(text: string, at: number, stops: ReadonlySet<string>): number {
  let i = at - 1;
  while (i >= 0 && !stops.has(text[i]!)) i--;
  return i + 1;
}

function forwardTo(text: string, at: number, stops: ReadonlySet<string>): number {
  let i = at;
  while (i < text.length && !stops.has(text[i]!)) i++;
  return i;
}

const clauseStart = (text: string, at: number) => backTo(text, at, CLAUSE_END);
const clauseEnd = (text: string, at: number) => forwardTo(text, at, CLAUSE_END);

/** The sentence containing text[start, end). */
export function sentenceAround(text: string, start: number, end: number): string {
  return text.slice(backTo(text, start, SENTENCE_END), forwardTo(text, end, SENTENCE_END));
}

/** The clause around a mention, for messages. */
export function clauseOf(text: string, m: NumberMention): string {
  return text.slice(clauseStart(text, m.start), clauseEnd(text, m.unitEnd)).trim();
}

export function quotedFigures(source: string, mentions: readonly NumberMention[] = extractNumbers(source)): QuotedFigure[] {
  const text = normaliseDigits(source);
  const out: QuotedFigure[] = [];
  for (const m of mentions) {
    if (!APPLICATION_UNITS.has(m.unit) || m.approx || m.ordinal || !Number.isInteger(m.value)) continue;
    const start = clauseStart(text, m.start);
    const before = text.slice(start, m.start);
    if (!ANY_FIGURE_WORD.test(before)) continue;
    if (COMPARISON.test(before) || COMPARISON.test(text.slice(m.unitEnd, clauseEnd(text, m.unitEnd)))) continue;
    const matches = FIGURES.filter((f) => f.re.test(before) && (!f.aboutApplications || sentenceAround(text, m.start, m.unitEnd).includes('申请')));
    if (matches.length === 1) out.push({ cellId: matches[0]!.cellId, mention: m });
  }
  return out;
}

/** 「共686条，其中……166条……325条……其他……39条」 */
export interface Breakdown {
  total: NumberMention;
  parts: NumberMention[];
  /** a part is 「其他」/「其余」: the parts are meant to add up to the total */
  exhaustive: boolean;
  sum: number;
  /** the sentence, for messages */
  sentence: string;
}

/** Units that are not quantities that can be broken down. */
const NOT_COUNTS = new Set(['', '%', '年', '月', '日', '号', '个月', '个工作日', '工作日', '小时', '天', '周']);
/** 「其他方式」「其余」 name the rest — but not 「其他法律行政法规…」「其他处理」, which are 表三 labels. */
const REST = /其[他它余](?!法律|处理)|剩余/;

function depths(sentence: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const ch of sentence) {
    if (ch === '（' || ch === '(') depth++;
    out.push(depth);
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return out;
}

/**
 * Breakdowns introduced by 其中 whose parts do not fit their total: more than the total, or,
 * when a part is 「其他」, a different sum. A 其中 inside brackets breaks down the number
 * just before the bracket.
 */
export function breakdowns(source: string, mentions: readonly NumberMention[] = extractNumbers(source)): Breakdown[] {
  const text = normaliseDigits(source);
  const out: Breakdown[] = [];
  let next = 0;
  for (let hit = text.indexOf('其中'); hit >= 0; ) {
    const from = backTo(text, hit, SENTENCE_END);
    const to = forwardTo(text, hit, SENTENCE_END);
    const sentence = text.slice(from, to);
    while (next < mentions.length && mentions[next]!.start < from) next++;
    const inSentence: NumberMention[] = [];
    for (let i = next; i < mentions.length && mentions[i]!.start < to; i++) {
      const m = mentions[i]!;
      if (!m.ordinal && !NOT_COUNTS.has(m.unit)) inSentence.push(m);
    }
    const depth = depths(sentence);
    const depthAt = (offset: number) => depth[offset - from] ?? 0;
    for (let at = sentence.indexOf('其中'); at >= 0; at = sentence.indexOf('其中', at + 2)) {
      const pos = from + at;
      const d = depthAt(pos);
      const total = inSentence.filter((m) => m.start < pos && depthAt(m.start) <= d).at(-1);
      if (!total) continue;
      // the parts run to the next 其中 at this depth, or until the bracket closes
      let stop = to;
      for (let i = pos + 2; i < to; i++) {
        if (depthAt(i) < d || (depthAt(i) === d && text.startsWith('其中', i))) {
          stop = i;
          break;
        }
      }
      const parts = inSentence.filter((m) => {
        if (m.start <= pos || m.start >= stop || depthAt(m.start) !== d || m.unit !== total.unit) return false;
        const clause = text.slice(clauseStart(text, m.start), clauseEnd(text, m.unitEnd));
        return !COMPARISON.test(clause);
      });
      if (!parts.length) continue;
      const sum = parts.reduce((s, m) => s + m.value, 0);
      const exhaustive =
        parts.length >= 2 && parts.some((m) => REST.test(text.slice(clauseStart(text, m.start), m.start)));
      const exceeds = sum > total.value && !total.approx;
      const differs = exhaustive && sum !== total.value && !total.approx && !parts.some((p) => p.approx);
      if (exceeds || differs) out.push({ total, parts, exhaustive, sum, sentence: sentence.trim() });
    }
    hit = text.indexOf('其中', to);
  }
  return out;
}
