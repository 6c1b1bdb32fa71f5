import { SECTIONS, SECTION_TITLE_ALIASES, type SectionKey } from '../format/index.js';
import { headingNumber, type ProseKey, type ReportData, type Signoff } from '../report/index.js';
import type { Line } from './lines.js';
import { labelKey } from './normalize.js';

/**
 * Splits a report's lines into the 导语 and its sections. A 2019/2021 report is cut at the six
 * section headings (their titles, the variants seen in the wild, or a heading whose numeral and
 * key words fit); a free-form report (before 2019) at its own numbered parts, which are then
 * mapped onto the six sections. Page furniture (share buttons, 「扫一扫」, file names, the
 * publishing line) is dropped; the 落款 date at the end becomes the sign-off date.
 */

export interface Span {
  /** the section this part is read into */
  key: SectionKey;
  /** the heading as printed, without its numeral */
  title: string;
  /** line index of the heading; the content is start + 1 … end − 1 */
  start: number;
  end: number;
}

const NUMERALS = '一二三四五六七八九十';
const HEADING = new RegExp(`^([${NUMERALS}]{1,3})\\s*[、.．]\\s*(.+)$`);

function numeralValue(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + NUMERALS.indexOf(text[1]!) + 1;
  if (text.length === 2 && text[1] === '十') return (NUMERALS.indexOf(text[0]!) + 1) * 10;
  if (text.length === 3) return (NUMERALS.indexOf(text[0]!) + 1) * 10 + NUMERALS.indexOf(text[2]!) + 1;
  return NUMERALS.indexOf(text) + 1;
}

/** Import heuristics (not printed labels): words that identify a section heading. */
export const SECTION_WORDS: Readonly<Record<SectionKey, RegExp>> = {
  s1: /总体情况|概述|基本情况|总体/,
  s2: /主动公开/,
  s3: /依申请|收到和处理|申请情况/,
  s4: /复议|诉讼/,
  s5: /问题|改进/,
  s6: /其他需要报告|其他事项|收费|减免|其他/,
};

const TITLE_KEYS = new Map<string, SectionKey>([
  ...SECTIONS.map((s) => [labelKey(s.title), s.key] as const),
  ...Object.entries(SECTION_TITLE_ALIASES).map(([title, key]) => [labelKey(title), key] as const),
]);

const MAX_TITLE = 40;

/** 「（一）总体情况」: the sub-heading numbering, used for the six parts by some offices */
const PAREN_HEADING = new RegExp(`^[（(]([${NUMERALS}]{1,3})[）)]\\s*(.+)$`);

function headingParts(line: Line, paren = false): { numeral: number | null; rest: string } | null {
  if (line.row) return null;
  const text = line.cells[0]!.trim();
  const m = (paren ? PAREN_HEADING : HEADING).exec(text);
  const rest = (m ? m[2]! : text).replace(/[：:。]$/, '');
  if (rest.length > MAX_TITLE || /[。；;，,]/.test(rest)) return null;
  return { numeral: m ? numeralValue(m[1]!) : null, rest };
}

/**
 * The six sections of a 2019/2021 report, in order. Where the report numbers none of them 一、…
 * and yet prints at least three as （一）…（六） with their number in place, those are its
 * sections (a report whose parts are numbered like sub-headings); elsewhere （一） is a sub-heading.
 */
export function findSections(lines: readonly Line[]): Span[] {
  const spans = sectionsNumbered(lines, false);
  if (spans.length >= 3) return spans;
  const paren = sectionsNumbered(lines, true).filter((s) => s.numbered);
  return paren.length >= 3 && paren.length > spans.length ? paren : spans;
}

function sectionsNumbered(lines: readonly Line[], paren: boolean): (Span & { numbered?: boolean })[] {
  const spans: (Span & { numbered?: boolean })[] = [];
  let last = -1;
  lines.forEach((line, i) => {
    const h = headingParts(line, paren);
    if (!h) return;
    if (paren && h.numeral === null) return;
    const exact = TITLE_KEYS.get(labelKey(h.rest));
    let index = exact ? SECTIONS.findIndex((s) => s.key === exact) : -1;
    if (index < 0 && h.numeral !== null && h.numeral <= SECTIONS.length) {
      const candidate = SECTIONS[h.numeral - 1]!;
      if (SECTION_WORDS[candidate.key].test(h.rest)) index = h.numeral - 1;
    }
    if (index <= last) return;
    last = index;
    spans.push({ key: SECTIONS[index]!.key, title: h.rest, start: i, end: lines.length, numbered: h.numeral === index + 1 });
  });
  spans.forEach((s, k) => (s.end = spans[k + 1]?.start ?? lines.length));
  return spans;
}

export interface FreePart {
  numeral: number;
  title: string;
  start: number;
  end: number;
}

/** The numbered parts of a free-form report: 一、 二、 三、 … in sequence. */
export function findFreeParts(lines: readonly Line[]): FreePart[] {
  const parts: FreePart[] = [];
  lines.forEach((line, i) => {
    const h = headingParts(line);
    if (!h || h.numeral !== parts.length + 1 || h.rest.length > 30) return;
    parts.push({ numeral: h.numeral, title: h.rest, start: i, end: lines.length });
  });
  parts.forEach((p, k) => (p.end = parts[k + 1]?.start ?? lines.length));
  return parts;
}

/** Where each free-form part goes: the section its title names, else 一、总体情况 (general work). */
export function freeSectionOf(title: string): SectionKey {
  for (const key of ['s5', 's4', 's3', 's2', 's1', 's6'] as const) {
    if (SECTION_WORDS[key].test(title)) return key;
  }
  return 's1';
}

// ---------------------------------------------------------------------------------------------

const CHROME: readonly RegExp[] = [
  /^分享(到)?[:：]?/,
  /扫一扫/,
  /^相关(文档|链接|附件|阅读)[:：]?$/,
  /^(【?(关闭|打印|打印本页|关闭窗口|返回顶部|上一篇|下一篇|收藏)】?\s*)+$/,
  /^[-·•]?\s*(全部留言|评论|有用\(\d*\)|\/)$/,
  /^[\s\S]{1,80}\.(docx?|pdf|wps|xlsx?|et|ofd|zip|rar)$/i,
  /^《[^》]+》(政策)?解读$/,
  /(发布时间|发布日期|来源|浏览次数|访问量|字体大小|字号)[:：]/,
  /^【?字体[:：]?\s*[大中小\s]+】?$/,
];

export function isChrome(text: string): boolean {
  return text.length <= 120 && !/。/.test(text) && CHROME.some((re) => re.test(text));
}

function lineText(line: Line): string {
  return line.row ? line.cells.filter(Boolean).join(' | ') : line.cells[0]!;
}

/** The text of lines, without page furniture; rows (a table inside prose) as cells with 「 | 」. */
export function proseText(lines: readonly Line[]): string[] {
  return lines.map(lineText).filter((t) => t && !isChrome(t));
}

const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const SIGNER_LINE = /^[^\s，。、；：,.;:]{2,30}(政府|局|办公室|办|委员会|委|处|中心|街道办事处|办事处|乡|镇|街道|所|站|院|会)$/;

/** The 落款 at the end of the text: the agency line and the date under it. Removes them from `text`. */
export function takeSignoff(text: string[]): Signoff | undefined {
  const m = DATE_LINE.exec(text.at(-1) ?? '');
  if (!m) return undefined;
  text.pop();
  if (SIGNER_LINE.test(text.at(-1) ?? '')) text.pop();
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return { preparer: '', reviewer: '', approver: '', date };
}

/**
 * The 导语: the text between the title and the first section, without the page's own lines.
 * What stands above the title (menus, 「当前位置」) is the site's, not the report's.
 */
export function introText(lines: readonly Line[], isTitle: (text: string) => boolean): string[] {
  let start = 0;
  lines.forEach((l, i) => {
    if (!l.row && isTitle(l.cells[0]!)) start = i + 1;
  });
  return proseText(lines.slice(start).filter((l) => !l.row)).filter((t) => !isTitle(t));
}

/** A web page's footer line: from here on the text is the site's (copyright, ICP number, menus). */
const FOOTER = /^(版权所有|主办单位|承办单位|技术支持|联系我们|网站地图|关于我们|设为首页|加入收藏|无障碍)|ICP备|公网安备|网站标识码/;

/** Where the page's footer starts, looking from `from` (the last heading) on; lines.length when there is none. */
export function footerStart(lines: readonly Line[], from: number): number {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const text = lineText(lines[i]!);
    if (text.length <= 160 && !text.includes('。') && FOOTER.test(text)) return i;
  }
  return lines.length;
}

type Sections = ReportData['sections'];

const LEVEL2 = new RegExp(`^[（(][${NUMERALS}]{1,3}[）)]`);

/** Free-form parts → sections: each to the section its title names; the rest into 一 as sub-headings. */
export function freeSections(lines: readonly Line[], parts: readonly FreePart[]): { sections: Sections; merged: string[] } {
  const sections: Sections = {};
  const merged: string[] = [];
  const append = (key: SectionKey | ProseKey, text: string[]) => {
    if (!text.length) return;
    const prev = sections[key];
    sections[key] = prev ? `${prev}\n${text.join('\n')}` : text.join('\n');
  };
  const extra: FreePart[] = [];
  const used = new Set<SectionKey>();
  for (const part of parts) {
    const key = freeSectionOf(part.title);
    const text = proseText(lines.slice(part.start + 1, part.end));
    if (key === 's1' && used.has('s1')) {
      extra.push(part);
      continue;
    }
    used.add(key);
    append(key, text);
  }
  // parts without a section of their own continue 一's sub-headings: （八）回应解读情况 …
  // counted by numbering alone: published sub-headings often run on into their paragraph
  let level2 = (sections.s1 ?? '').split('\n').filter((l) => LEVEL2.test(l)).length;
  for (const part of extra) {
    level2 += 1;
    merged.push(part.title);
    append('s1', [`${headingNumber(2, level2)}${part.title}`, ...proseText(lines.slice(part.start + 1, part.end))]);
  }
  return { sections, merged };
}
