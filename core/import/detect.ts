import type { FormatId } from '../format/index.js';
import type { AgencyLevel, Contact } from '../report/index.js';
import { formatSignatures } from './labels.js';
import type { Line } from './lines.js';
import { hasCjk, labelKey } from './normalize.js';

/**
 * What a report says about itself: its year (the year the figures cover, from the title, not
 * the publishing date), the agency and its level, the contact details, and which format its
 * tables follow.
 */

const YEAR = '((?:19|20)\\d{2})';

/**
 * A title line: a year and 「报告」/「年报」, about government information disclosure, short, no
 * sentence in it. 「…2020年度政府信息公开工作年度报告」, 「…政府信息公开工作2017年度报告」.
 */
const TITLE = new RegExp(`${YEAR}\\s*年度?.*?(报告|年报)`);

export function isTitleLine(text: string): boolean {
  return text.length <= 80 && !/[。；]/.test(text) && /信息公开|政务公开/.test(text) && TITLE.test(text);
}

/** 「本报告中所列数据的统计期限自2020年1月1日起」: the year the figures cover, as the text states it. */
const PERIOD = new RegExp(`统计(?:期限|时限|时间|区间|期间|周期)[^。\\n]{0,12}?${YEAR}\\s*年`);

export interface Found<T> {
  value: T;
  /** where it came from, in the clerk's words, for a warning when it was not the title */
  source: 'title' | 'period' | 'text' | 'published' | 'metadata' | 'wording';
}

/** The last words of an agency's name: 「…人民政府」「…街道办事处」「…局」 */
const AGENCY_END = /(政府|办事处|街道|乡|镇|局|委员会|委|办公室|办|院|中心|所|队|站|会)$/;

/** A place name that a longer agency name continues: 省, 市, 州, 盟, 县, 区, 旗, 自治区/州/县. */
const PLACE_END = /(省|市|州|盟|县|区|旗)$/;

export function findTitle(texts: readonly string[]): string | null {
  const i = texts.findIndex(isTitleLine);
  if (i < 0) return null;
  const title = texts[i]!;
  // a title too long for one line is printed as two, the agency's name above 「2023年…报告」 (the
  // app's own DOCX does this): the name line belongs to the title
  const above = texts[i - 1]?.trim() ?? '';
  if (/^(19|20)\d{2}\s*年/.test(title) && above.length >= 2 && above.length <= 40 && !/[。；，,:：|\d]/.test(above) && AGENCY_END.test(above)) {
    return above + title;
  }
  // a long name broken after its province, city or county: 「湖南省长沙市望城区」 over 「白沙洲街道办事处2023年…」
  if (above.length >= 2 && above.length <= 20 && !/[。；，,:：|\d]/.test(above) && PLACE_END.test(above) && !/^(19|20)\d{2}/.test(title)) {
    return above + title;
  }
  return title;
}

export function findYear(title: string | null, texts: readonly string[]): Found<number> | null {
  const fromTitle = title ? TITLE.exec(title) : null;
  if (fromTitle) return { value: Number(fromTitle[1]), source: 'title' };
  const all = texts.join('\n');
  const period = PERIOD.exec(all);
  if (period) return { value: Number(period[1]), source: 'period' };
  // the year the text speaks of most (「2021年，我镇…」); publishing dates are written 2022-01-24
  const counts = new Map<number, number>();
  for (const m of all.matchAll(new RegExp(`${YEAR}\\s*年(?!\\d)`, 'g'))) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (best) return { value: best[0], source: 'text' };
  const published = new RegExp(`(?:成文日期|发布时间|发布日期)[^\\d]{0,4}${YEAR}[-年./]`).exec(all);
  if (published) return { value: Number(published[1]) - 1, source: 'published' };
  return null;
}

/** The year of the 统计期限, when the text states one: G-2 wants it to agree with the title. */
export function periodYear(texts: readonly string[]): number | null {
  const m = PERIOD.exec(texts.join('\n'));
  return m ? Number(m[1]) : null;
}

const SEPARATORS = /[-—–_|｜·:：]/;

/** The agency from the title: the words before the year (or, in 「2021年XX镇…报告」, after it). */
function agencyFromTitle(title: string): string {
  const m = TITLE.exec(title)!;
  // 「龙山县人民政府-龙山县政府信息公开工作2017年度报告」: the site's name comes first, then a separator
  let name = title.slice(0, m.index).split(SEPARATORS).map((p) => p.trim()).filter(Boolean).at(-1) ?? '';
  if (!name) {
    name = title
      .slice(m.index)
      .replace(new RegExp(`^${YEAR}\\s*年度?`), '')
      .replace(/(政府|政务)?信息公开.*$/, '');
  }
  return name
    .replace(/^关于/, '')
    .replace(/(政府|政务)?信息公开(工作)?$/, '')
    .replace(/的$/, '')
    .trim();
}

const METADATA_KEYS = ['发布单位', '发布机构', '发文机关', '来源'];

/** The value next to a key in a page's metadata block: 「发布单位 | 清凉峰镇」 or 「来源：…」. */
function metadataValue(lines: readonly Line[], key: string): string {
  for (const line of lines) {
    const cells = line.cells;
    const k = cells.findIndex((c) => labelKey(c) === key);
    if (k >= 0 && cells[k + 1]) return cells[k + 1]!.trim();
    const m = new RegExp(`${key}[:：]\\s*([^\\s|，,。]{2,30})`).exec(cells.join(' '));
    if (m) return m[1]!;
  }
  return '';
}

/** 「成文日期 | 2022-01-24」: the date the page says the report was signed, ISO. */
export function metadataDate(lines: readonly Line[]): string | null {
  const m = /^((?:19|20)\d{2})[-年./](\d{1,2})[-月./](\d{1,2})/.exec(metadataValue(lines, '成文日期'));
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

/** The publishing body from a page's metadata block (「发布单位 | 清凉峰镇」, 「来源：…」). */
function agencyFromMetadata(lines: readonly Line[]): string {
  for (const key of METADATA_KEYS) {
    const value = metadataValue(lines, key);
    if (value) return value;
  }
  return '';
}

export function findAgency(title: string | null, lines: readonly Line[], text: string): Found<string> | null {
  let name = title ? agencyFromTitle(title) : '';
  let source: Found<string>['source'] = 'title';
  if (!name) {
    name = agencyFromMetadata(lines);
    source = 'metadata';
  }
  if (!name) return null;
  // 「湘潭县锦石乡」 is printed as 「湘潭县锦石乡人民政府」 in the text: use the full name. A town's
  // report is always its people's government's, so 乡/镇 get it even where the text is silent.
  if (/[乡镇]$/.test(name) || (/[县市区旗]$/.test(name) && text.includes(`${name}人民政府`))) name += '人民政府';
  else if (/街道$/.test(name) && text.includes(`${name}办事处`)) name += '办事处';
  return { value: name, source };
}

/** The level from the agency's name; failing that, from how the text refers to itself (我镇, 我局). */
export function findLevel(name: string, text: string): AgencyLevel | null {
  const bare = name.replace(/人民政府$|政府$/, '');
  if (/街道(办事处)?$/.test(name)) return 'street';
  if (/[乡镇]$/.test(bare) && bare !== name) return 'township';
  if (/[乡镇]$/.test(name)) return 'township';
  // a province's office or department, and a prefecture-level city's (「X省Y市」 with nothing below it, or
  // a 市人民政府办公厅, which counties do not have): not a county department
  if (/^.{0,10}(省|自治区)(人民政府)?([^市州盟县区旗]{0,12}(厅|局|委员会|委|办公室|办))?$/.test(name) && !/[市州盟县区旗]/.test(name.replace(/^.{0,10}?(省|自治区)/, ''))) return 'province';
  if (/(市|州|盟)人民政府办公厅$/.test(name) || /^.{1,10}(省|自治区).{1,8}?(市|州|盟)(人民政府|[^县区旗]{0,12}(局|委员会|委|办公室|办|中心))$/.test(name)) return 'city';
  if (/(局|委员会|委|办公室|办|中心|所|站|队|院|馆|厅|部|署|会)$/.test(name)) return 'department';
  if (/[县市区旗]$/.test(bare)) return 'county';
  const self = /我(乡|镇|街道|县|市|区|局|委|办)/.exec(text)?.[1];
  if (!self) return null;
  if (self === '乡' || self === '镇') return 'township';
  if (self === '街道') return 'street';
  if (self === '县' || self === '市' || self === '区') return 'county';
  return 'department';
}

/** Address, postcode, phone and e-mail as the 导语 or section 六 state them. */
export function findContact(text: string): Contact {
  const pick = (re: RegExp) => re.exec(text)?.[1]?.trim() ?? '';
  return {
    address: pick(/(?:通信|通讯|联系|办公)?地址[:：]\s*([^；;，,。）)\n]{2,60})/),
    postcode: pick(/(?:邮政编码|邮编)[:：]\s*(\d{6})/),
    phone: pick(/(?:联系|咨询|办公)?电话[:：]\s*([\d\-—－()（） ]{7,20}\d)/).replace(/[—－]/g, '-'),
    email: pick(/(?:电子邮箱|电子信箱|邮箱|E-?mail)[:：]\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i),
  };
}

/** Which format the tables follow, by the labels only one format prints; null when neither is found. */
export function tableFormat(lines: readonly Line[]): { format: FormatId | null; hits: Record<FormatId, number> } {
  const signatures = formatSignatures();
  const seen: Record<FormatId, Set<string>> = { '2021': new Set(), '2019': new Set() };
  // labels are Chinese: figures and empty cells cannot be one
  const cells = lines.flatMap((l) => l.cells).filter((c) => hasCjk(c));
  cells.forEach((cell, i) => {
    // labels broken over two cells (「本年新」「制作数量」) are tried joined too
    for (const text of [cell, cell + (cells[i + 1] ?? '')]) {
      const key = labelKey(text);
      for (const f of ['2021', '2019'] as const) if (signatures[f].has(key)) seen[f].add(key);
    }
  });
  const hits = { '2021': seen['2021'].size, '2019': seen['2019'].size };
  const format = hits['2021'] > hits['2019'] ? '2021' : hits['2019'] > hits['2021'] ? '2019' : null;
  return { format, hits };
}
