import { ConverterFactory, Converter, Locale } from 'opencc-js/t2cn';
import { LABEL_ALIASES } from '../format/index.js';

/**
 * Text normalisation for published reports (spec §7): pinyin inserted by re-posting sites is
 * stripped first, then Traditional characters become Simplified, then punctuation and spaces
 * are brought to the form a Simplified report is written in.
 */

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_RE = new RegExp(`[${CJK}]`);

/** Spec §7, verbatim: ASCII parentheses with up to 8 pinyin letters right after a CJK character. */
const PINYIN_RE = /(?<=[\u3400-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g;
/**
 * A handful of insertions marks a page that a re-posting site annotated. Below this the text is
 * left alone, so that an ordinary 「政务APP(app)」-like aside in a clean report survives.
 */
const PINYIN_MIN_HITS = 3;

export function countPinyin(text: string): number {
  return text.match(PINYIN_RE)?.length ?? 0;
}

export function stripPinyin(text: string): string {
  return text.replace(PINYIN_RE, '');
}

/**
 * Characters that occur in nearly every Traditional report and never in a Simplified one.
 * Converting only when they are present keeps a Simplified text byte-for-byte as it was
 * (OpenCC would otherwise touch a few characters that are valid in both scripts).
 */
const TRADITIONAL_MARKERS = new Set(
  '這個們會說時國報開關與為資處請機構門縣鄉區號數據總計結過復議訴訟監權務應條並從經發後審網頁傳達實現點體級環辦裡將對當導彈廣營衛術變讓識隊'.split(''),
);
const TRADITIONAL_MIN_HITS = 3;

export function looksTraditional(text: string): boolean {
  let hits = 0;
  for (const ch of text) {
    if (TRADITIONAL_MARKERS.has(ch) && ++hits >= TRADITIONAL_MIN_HITS) return true;
  }
  return false;
}

let converter: ((text: string) => string) | undefined;

/**
 * Traditional → Simplified with OpenCC's own dictionaries: first the Taiwan variant forms are
 * folded to OpenCC's standard forms, then the Hong Kong conversion (its variant table plus the
 * shared Traditional → Simplified phrases and characters). Built on first use (~35 ms).
 */
export function toSimplified(text: string): string {
  if (!converter) {
    const twVariants = ConverterFactory(...Locale.from.tw!);
    const hk2s = Converter({ from: 'hk', to: 'cn' });
    converter = (t) => hk2s(twVariants(t));
  }
  return converter(text);
}

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/**
 * Radical code points that PDF fonts map common characters to (「⼈⺠政府」 for 人民政府): the Kangxi
 * radicals fold by NFKC; the simplified forms of the supplement block are listed.
 */
const RADICALS = /[\u2e80-\u2fdf]/g;
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺠': '民', '⻓': '长', '⻔': '门', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻩': '黄', '⻢': '马',
  '⻛': '风', '⻜': '飞', '⻥': '鱼', '⻦': '鸟', '⻚': '页', '⻘': '青', '⻬': '齐', '⻰': '龙', '⻄': '西', '⺟': '母',
  '⺁': '厂', '⺇': '几', '⺌': '小', '⺓': '幺', '⺕': '彐', '⻌': '辶', '⻏': '阝', '⻖': '阝', '⺮': '竹', '⻨': '麦',
};

/** Full-width digits and letters to ASCII, odd spaces to a plain space, CR/LF to LF, radicals to characters. */
export function foldWidth(text: string): string {
  return text
    .replace(RADICALS, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'))
    .replace(/\r\n?/g, '\n')
    .replace(FULLWIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]/g, (ch) => (ch === '\u200b' || ch === '\ufeff' ? '' : ' '));
}

/** CJK characters and the Chinese punctuation that sits between them. */
const WIDE = `${CJK}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u2018-\\u201d\\u2026\\u2014`;

const PAREN_PAIR = /\(([^()\n]*)\)/g;
const WIDE_RE = new RegExp(`[${WIDE}]`);
/** a comma, semicolon, ? or ! with a Chinese character on either side; compiled once */
const MARKS = (
  [
    [',', '，'],
    [';', '；'],
    ['?', '？'],
    ['!', '！'],
  ] as const
).map(([ascii, full]) => ({
  before: new RegExp(`(?<=[${WIDE}])\\s*\\${ascii}`, 'g'),
  after: new RegExp(`\\${ascii}\\s*(?=[${WIDE}])`, 'g'),
  full,
}));
/** a colon after a CJK word: 「联系电话:0731」; not 「11:50」 nor 「http:」 */
const COLON = new RegExp(`(?<=[${WIDE}])\\s*:`, 'g');
const ASCII_MARK = /[(),;?!:]/;

/**
 * Punctuation of a Chinese sentence to full width where a converter or a web page made it ASCII:
 * 「(以下简称《条例》),特向社会公布」 → 「（以下简称《条例》），特向社会公布」. Digits keep their
 * ASCII neighbours (「11:50」, 「1,234」), web addresses keep theirs.
 */
export function widenPunctuation(text: string): string {
  if (!ASCII_MARK.test(text)) return text;
  let out = text.replace(PAREN_PAIR, (whole, inner: string, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    if (CJK_RE.test(inner) || (inner.trim() !== '' && WIDE_RE.test(before) && !/^\s*https?:/.test(inner))) {
      return `（${inner}）`;
    }
    return whole;
  });
  for (const m of MARKS) out = out.replace(m.before, m.full).replace(m.after, m.full);
  return out.replace(COLON, '：');
}

const SPACE_BETWEEN = new RegExp(`(?<=[${WIDE}])[ \\t]+(?=[${WIDE}\\d])|(?<=[${WIDE}\\d])[ \\t]+(?=[${WIDE}])`, 'g');

/** Spaces a web page left inside words: 「商业 企业」 → 「商业企业」, 「浏阳市人民政府 2023年」 → joined. */
export function closeSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(SPACE_BETWEEN, '').trim();
}

export interface DocumentNormaliser {
  /** pinyin, script and character width: what the table reader needs (spaces are kept, they separate figures) */
  light(text: string): string;
  /** `light` plus punctuation and spaces of a Chinese sentence: what prose and the review screen get */
  prose(text: string): string;
  /** pinyin insertions found (0 when the page had none worth stripping) */
  pinyin: number;
  traditional: boolean;
}

/**
 * Decides once per document whether pinyin is stripped and Traditional converted (properties
 * of the page, not of a line) and returns the per-line normalisers.
 */
export function documentNormaliser(sample: string): DocumentNormaliser {
  const hits = countPinyin(sample);
  const pinyin = hits >= PINYIN_MIN_HITS;
  const traditional = looksTraditional(pinyin ? stripPinyin(sample) : sample);
  const light = (text: string) => {
    let t = pinyin ? stripPinyin(text) : text;
    if (traditional) t = toSimplified(t);
    return foldWidth(t);
  };
  return {
    light,
    prose: (text) => closeSpaces(widenPunctuation(light(text))),
    pinyin: pinyin ? hits : 0,
    traditional,
  };
}

/** Prose normalisation of text that is already `light`. */
export function proseOf(light: string): string {
  return closeSpaces(widenPunctuation(light));
}

// ---------------------------------------------------------------------------------------------
// Label keys: how a printed label is compared with the format's label

const KEY_DROP = new RegExp(`[^${CJK}0-9a-zA-Z]`, 'g');

/** 「（三） 不予 公开」 and 「(三)不予公开」 → 「三不予公开」: only letters, digits and CJK remain. */
export function rawKey(text: string): string {
  return foldWidth(text).replace(KEY_DROP, '');
}

/** Aliases of core/format as keys, longest first, applied inside a key (「（七）合计」 → 「七总计」). */
const ALIAS_KEYS = Object.entries(LABEL_ALIASES)
  .map(([alias, official]) => [rawKey(alias), rawKey(official)] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** The comparison key of a label, with the aliases of core/format applied. */
export function labelKey(text: string): string {
  let key = rawKey(text);
  for (const [alias, official] of ALIAS_KEYS) if (key.includes(alias)) key = key.split(alias).join(official);
  return key;
}

/** A label without its trailing parenthetical note: 「（二）部分公开（区分处理的…）」 → 「（二）部分公开」. */
export function withoutNote(text: string): string {
  return text.replace(/[（(][^（()）]*[)）]\s*$/, '');
}

/** A key without its leading numbering: 「1属于国家秘密」 → 「属于国家秘密」, 「三不予公开」 → 「不予公开」. */
export function withoutNumbering(key: string): string {
  return key.replace(/^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?=[\u3400-\u9fff])/, '');
}

export function hasCjk(text: string): boolean {
  return CJK_RE.test(text);
}
