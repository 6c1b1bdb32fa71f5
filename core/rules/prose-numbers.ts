/**
 * Numbers in Chinese prose, with what follows them: 「收到申请23件」, 「二十三件」, 「２３件」,
 * 「2023年」, 「97.73%」. The narrative rules (G-2, G-4, G-5) read figures and years through this.
 *
 * Offsets always refer to the text as given: full-width digits are mapped one character to one.
 */

export interface NumberMention {
  value: number;
  /** offset of the number's first character */
  start: number;
  /** offset just after the number (before 余/多 and the unit) */
  end: number;
  /** the number as written */
  text: string;
  /** the measure word or unit right after it (after 余/多): 件, 条, 个, %, 年, 万元 …; '' when none */
  unit: string;
  /** offset just after the unit */
  unitEnd: number;
  /** 约/近/逾 before it, 余/多/左右 after it: not an exact figure */
  approx: boolean;
  /** 第N: an ordinal, not a quantity */
  ordinal: boolean;
  script: 'arabic' | 'chinese';
}

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19\uFF0E]/g;

/** Full-width digits and point to ASCII, one character for one, so offsets are kept. */
export function normaliseDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/**
 * 「二十三」→ 23, 「一百零五」→ 105, 「十二」→ 12, 「两」→ 2, 「一万二千」→ 12000,
 * 「二〇二三」→ 2023 (digits read one by one when there is no 十/百/千/万). null if it is not a numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  const chars = [...text];
  if (chars.every((ch) => ch in CN_DIGITS)) {
    return chars.length === 1 ? CN_DIGITS[chars[0]!]! : Number(chars.map((ch) => CN_DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of chars) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_SMALL_UNITS) {
      // 「十二」: a 十 with no digit before it means 一十
      section += (digit ?? (ch === '十' ? 1 : 0)) * CN_SMALL_UNITS[ch]!;
      if (digit === null && ch !== '十') return null;
      digit = null;
    } else if (ch in CN_BIG_UNITS) {
      const unit = CN_BIG_UNITS[ch]!;
      if (section === 0 && digit === null) return null;
      total += (section + (digit ?? 0)) * unit;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Units and measure words recognised after a number, longest first so that 「个工作日」 is a
 * span of time and not 「个」, and 「万元」 is money and not 「万」.
 */
const UNITS = [
  '个工作日', '个月', '个小时', '人次', '万元', '工作日', '小时', '年度',
  '件', '条', '个', '次', '项', '人', '期', '场', '家', '起', '份', '篇', '批', '宗', '户', '名', '类',
  '部', '本', '套', '台', '处', '所', '座', '张', '页', '元', '%', '％', '年', '月', '日', '号', '天', '周',
];
// sticky: matched in place at an offset, without slicing the text
const UNIT_RE = new RegExp(`(余|多)?(${UNITS.map((u) => u.replace('%', '\\%')).join('|')})(左右)?`, 'y');
const APPROX_CHAR_BEFORE = new Set(['约', '近', '逾']);
const APPROX_WORDS_BEFORE = ['超过', '大约', '将近'];

const ARABIC_RE = /\d+(?:\.\d+)?/g;
const CHINESE_RE = /[零〇一二两三四五六七八九十百千万亿]+/g;
const HAS_CN_DIGIT = /[一二两三四五六七八九十]/;
const CN_YEAR = /^[零〇一二三四五六七八九]{4}$/;

function mention(text: string, start: number, end: number, value: number, script: NumberMention['script']): NumberMention {
  UNIT_RE.lastIndex = end;
  const u = UNIT_RE.exec(text);
  // 「2023年度」 is a year like 「2023年」
  const unit = !u ? '' : u[2] === '年度' ? '年' : u[2] === '％' ? '%' : u[2]!;
  const before = text[start - 1];
  return {
    value,
    start,
    end,
    text: text.slice(start, end),
    unit,
    unitEnd: u ? end + u[0].length : end,
    approx:
      Boolean(u && (u[1] || u[3])) ||
      (before !== undefined && APPROX_CHAR_BEFORE.has(before)) ||
      APPROX_WORDS_BEFORE.some((w) => text.startsWith(w, start - w.length)),
    ordinal: before === '第',
    script,
  };
}

/** Every number in the text, in order of appearance. */
export function extractNumbers(source: string): NumberMention[] {
  const text = normaliseDigits(source);
  const out: NumberMention[] = [];
  for (const m of text.matchAll(ARABIC_RE)) {
    const start = m.index;
    let end = start + m[0].length;
    let value = Number(m[0]);
    // 「1.2万件」: 万/亿 multiply, but 「万元」 is a unit
    const next = text[end];
    if ((next === '万' && text[end + 1] !== '元') || next === '亿') {
      value = Math.round(value * (next === '万' ? 10_000 : 100_000_000));
      end += 1;
    }
    const found = mention(text, start, end, value, 'arabic');
    found.text = source.slice(start, end);
    out.push(found);
  }
  for (const m of text.matchAll(CHINESE_RE)) {
    const run = m[0];
    const isCnYear = run.length === 4 && CN_YEAR.test(run);
    if (!isCnYear && !HAS_CN_DIGIT.test(run)) continue;
    const start = m.index;
    const end = start + run.length;
    // a Chinese numeral is a number only before a measure word: 「一是」「统一」「进一步」 are words
    UNIT_RE.lastIndex = end;
    const unit = UNIT_RE.exec(text)?.[2];
    if (!unit) continue;
    // 「二〇二三年」 is a year; 「三年」「一月」 are spans or words, not figures we read
    if ((unit === '年' || unit === '年度' || unit === '月' || unit === '日') && !isCnYear) continue;
    const value = parseChineseNumeral(run);
    if (value === null) continue;
    out.push(mention(text, start, end, value, 'chinese'));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A calendar year: 「2023年」「2023年度」「二〇二三年」. */
export function isYear(m: NumberMention): boolean {
  return m.unit === '年' && Number.isInteger(m.value) && m.value >= 1900 && m.value <= 2100 && m.end - m.start === 4;
}
