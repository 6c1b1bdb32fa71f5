import { formatIdForYear, SECTIONS, sectionHeading, type FormatId, type SectionKey } from '../format/index.js';
import { emptyAgency, parseReportFile, type AgencyLevel, type ReportData } from '../report/index.js';
import { classifyText, countTags, IMPORT_LIMITS, sniffBytes, type Damage } from './bytes.js';
import { findAgency, findContact, findLevel, findTitle, findYear, isTitleLine, metadataDate, periodYear, tableFormat } from './detect.js';
import { linesFromDocx } from './docx.js';
import { linesFromHtml } from './html.js';
import { tableLabels } from './labels.js';
import { breakRunTogether, linesFromText, linesToText, type Line } from './lines.js';
import { linesFromPositioned, type PositionedPage } from './positioned.js';
import { documentNormaliser, proseOf } from './normalize.js';
import { findFreeParts, findSections, footerStart, freeSections, introText, proseText, takeSignoff, type Span } from './sections.js';
import { isFragmentOf, readTable2, readTable3, readTable4, type TableRead } from './tables.js';

/**
 * Importing a published report (spec §7): pasted text, a saved web page, a .docx, a .txt or the
 * app's own .nianbao.json → a ReportData with origin 'imported'. Figures are kept as published,
 * totals included, so the rules can show where the published report does not add up.
 *
 * Pure functions: no file access (the caller reads the bytes), no DOM, no Node.
 */

export type ImportFormat = FormatId | 'free';

export interface ImportDetected {
  format: ImportFormat;
  /** the year the figures cover (from the title, not the publishing date); null when not found */
  year: number | null;
  agencyName: string;
  level: AgencyLevel | null;
}

export type ImportOutcome =
  | {
      ok: true;
      report: ReportData;
      /** things the clerk should know or check, in Chinese */
      warnings: string[];
      /** cell ids that could not be read with confidence (left blank or placed by position) */
      uncertain: string[];
      detected: ImportDetected;
      /** the source after normalisation (Simplified, no pinyin, rows as 「a | b | c」) */
      normalizedText: string;
    }
  | { ok: false; message: string };

export { IMPORT_LIMITS, isPdf, refuseUnread } from './bytes.js';
export type { PositionedPage, TextPiece } from './positioned.js';
export { ZIP_LIMITS } from './zip.js';

/** A file's bytes, with its name when known (the extension helps, the content decides). */
export function importBytes(bytes: Uint8Array, fileName?: string): ImportOutcome {
  const sniffed = sniffBytes(bytes, fileName);
  switch (sniffed.kind) {
    case 'refused':
      return { ok: false, message: sniffed.message };
    case 'docx': {
      const lines = linesFromDocx(bytes);
      return lines.ok ? importLines(lines.value, { source: 'Word 文件' }) : { ok: false, message: lines.message };
    }
    case 'pdf':
      // a PDF's text is read by the host (pdf.js is asynchronous and not pure): see importPdfText
      return { ok: false, message: '这是 PDF 文件，请通过软件的「导入已公布的报告」或命令行 nianbao import 读取' };
    case 'json':
      return importReportFile(sniffed.text);
    case 'html':
      return withDamage(importHtml(sniffed.text), sniffed.damage);
    case 'text':
      return withDamage(importLines(linesFromText(sniffed.text), { source: '文字' }), sniffed.damage);
  }
}

/** Says where the bytes that could not be read were, first among the warnings. */
function withDamage(outcome: ImportOutcome, damage: Damage | undefined): ImportOutcome {
  if (!damage || !outcome.ok) return outcome;
  const where = `第 ${damage.lines.join('、')} 行${damage.count > damage.lines.length ? '等处' : ''}`;
  outcome.warnings.unshift(`文件里有 ${damage.count} 个字节不是有效的文字（${where}，可能是复制或下载时损坏），已用「�」代替，其余内容照常读取。请对照原文核对这几处`);
  return outcome;
}

/**
 * A PDF's text layer, as the host read it (pieces of text with their positions on the page):
 * rows and cells are rebuilt from the positions. A PDF without text is a scan.
 */
export function importPdfText(pages: readonly PositionedPage[]): ImportOutcome {
  const characters = pages.reduce((n, p) => n + p.pieces.reduce((m, piece) => m + piece.text.trim().length, 0), 0);
  if (characters < 20 * Math.max(1, Math.min(pages.length, 3))) {
    return {
      ok: false,
      message: `这是扫描件，没有可读的文字（${pages.length} 页里${characters ? `只有 ${characters} 个字` : '一个字也没有'}），表格和文字都是图片，无法读取。请找报告的网页、Word 文件或带文字的 PDF；也可以新建报告后对照原文手工填写`,
    };
  }
  return importLines(linesFromPositioned(pages), { source: 'PDF 文件' });
}

/** Pasted text. HTML source or a report file pasted as text is recognised as such. */
export function importText(text: string): ImportOutcome {
  const tooLong = refuseLongText(text.length);
  if (tooLong) return { ok: false, message: tooLong };
  const sniffed = classifyText(text);
  if (sniffed.kind === 'json') return importReportFile(text);
  if (sniffed.kind === 'html') return importHtml(text);
  return importLines(linesFromText(text), { source: '文字' });
}

/** Pasted text refused by its length alone (a host can refuse a huge paste without sending it). */
export function refuseLongText(length: number): string | null {
  if (length <= IMPORT_LIMITS.maxTextChars) return null;
  return `粘贴的内容太长（${length.toLocaleString('en-US')} 个字符），一份年度报告通常只有几万字。请只复制报告正文`;
}

/** HTML: a saved page, or the HTML flavour of the clipboard (keeps the tables' cells apart). */
export function importHtml(html: string): ImportOutcome {
  if (html.length > IMPORT_LIMITS.maxTextChars * 2) {
    return { ok: false, message: '网页内容太大，不像一份年度报告。请确认选对了文件，或只复制报告正文粘贴导入' };
  }
  const tags = countTags(html);
  if (tags > IMPORT_LIMITS.maxTags) {
    return {
      ok: false,
      message: `网页的标签太多（${tags.toLocaleString('en-US')} 个），不像一份年度报告（通常只有几千个）。请确认选对了文件，或在浏览器里只复制报告正文粘贴导入`,
    };
  }
  const { lines, images } = linesFromHtml(html);
  return importLines(lines, { source: '网页', images });
}

function importReportFile(text: string): ImportOutcome {
  const read = parseReportFile(text);
  if (!read.ok) return read;
  const r = read.report;
  return {
    ok: true,
    report: r,
    warnings: read.warnings,
    uncertain: [],
    detected: { format: r.format, year: r.year, agencyName: r.agency.name, level: r.agency.level },
    normalizedText: text,
  };
}

// ---------------------------------------------------------------------------------------------

interface Context {
  /** how the clerk calls the source: 文字, 网页, Word 文件 */
  source: string;
  images?: number;
}

const EMPTY = '没有读到任何文字。请确认文件里有报告正文（如果是扫描件或图片，需要先转成文字）';

function importLines(raw: readonly Line[], ctx: Context): ImportOutcome {
  if (!raw.some((l) => l.cells.some((c) => c.trim()))) return { ok: false, message: EMPTY };
  const cellCount = raw.reduce((n, l) => n + l.cells.length, 0);
  if (cellCount > IMPORT_LIMITS.maxCells) {
    return {
      ok: false,
      message: `${ctx.source}的内容太多（${cellCount.toLocaleString('en-US')} 行或格），不像一份年度报告（通常只有几百行）。请确认选对了文件，或只复制报告正文粘贴导入`,
    };
  }
  const warnings: string[] = [];

  // decisions about the whole page, on a sample large enough to be sure and small enough to be quick
  const sample = linesToText(raw.slice(0, 2000)).slice(0, 200_000);
  const norm = documentNormaliser(sample);
  if (norm.pinyin) warnings.push(`原文在汉字后夹带了拼音注音（如「乡(xiāng)」，约 ${norm.pinyin} 处以上），已全部去除`);
  if (norm.traditional) warnings.push('原文是繁体字，已转换为简体字；人名、地名等请核对');

  const light: Line[] = breakRunTogether(raw.map((l) => ({ row: l.row, cells: l.cells.map((c) => norm.light(c)) })));
  const prose: Line[] = light.map((l) => ({ row: l.row, cells: l.cells.map(proseOf) }));
  const normalizedText = linesToText(prose);
  const texts = prose.filter((l) => !l.row).map((l) => l.cells[0]!);

  // what the report says about itself
  const title = findTitle(texts.slice(0, 40));
  const year = findYear(title, texts);
  const agency = findAgency(title, prose, normalizedText);
  const level = findLevel(agency?.value ?? '', normalizedText);
  if (!year) warnings.push('没有找到报告年度（标题里通常写着「XXXX年政府信息公开工作年度报告」），请在核对时填写');
  else if (year.source !== 'title') {
    const how = { period: '「统计期限」', text: '正文中最常提到的年份', published: '发布日期的上一年', metadata: '', wording: '', title: '' }[year.source];
    warnings.push(`没有找到带年份的报告标题，报告年度按${how}定为 ${year.value} 年，请核对`);
  }
  const period = periodYear(texts);
  if (year && period && period !== year.value) {
    warnings.push(`标题写的是 ${year.value} 年，但「统计期限」写的是 ${period} 年，两者不一致（已按标题取 ${year.value} 年），请核对原文`);
  }
  if (!agency) warnings.push('没有找到发布机关的名称，请在核对时填写');
  else if (agency.source !== 'title') warnings.push(`机关名称「${agency.value}」取自网页的发布信息，请核对是否为全称`);

  // which format: the tables' own labels decide; the year only when there are no tables
  const byTables = tableFormat(light);
  const byYear = year ? formatIdForYear(year.value) : null;
  let format: ImportFormat;
  if (byTables.format) {
    format = byTables.format;
    if (byYear && byYear !== format) {
      warnings.push(
        byYear === 'free'
          ? `报告年度 ${year!.value} 年早于 2019 年，但表格用的是 ${format} 年版格式，已按表格实际格式读取，请核对年度`
          : `报告年度 ${year!.value} 年应使用 ${byYear} 年版格式，但原文表格用的是 ${format} 年版格式（规则 F-1），已按原文实际格式读取`,
      );
    }
  } else format = byYear === 'free' || !byYear ? 'free' : byYear;

  const cells: Record<string, number> = {};
  const uncertain: string[] = [];
  let sections: ReportData['sections'];
  let signoffSource: string[] = [];
  let publishedTitles: ReportData['publishedTitles'];

  if (format === 'free') {
    const parts = findFreeParts(prose);
    if (parts.length) parts.at(-1)!.end = footerStart(prose, parts.at(-1)!.start);
    if (parts.length >= 2) {
      const free = freeSections(prose, parts);
      sections = free.sections;
      const intro = introText(prose.slice(0, parts[0]!.start), isTitleLine);
      if (intro.length) sections.intro = intro.join('\n');
      const when = year && year.value <= 2018 ? ` ${year.value} 年的报告（2019 年以前没有统一格式，是自由格式）` : '没有统计表的自由格式报告';
      warnings.push(
        `这是${when}，没有统计表，只导入了文字：原文共 ${parts.length} 个部分，已按标题归入六个部分` +
          (free.merged.length ? `；「${free.merged.join('」「')}」没有对应的部分，并入了「一、总体情况」` : '') +
          '。表格数字需要另行填写',
      );
    } else {
      sections = { s1: proseText(prose).join('\n') };
      warnings.push('没有找到统计表，也没有找到编号的各部分标题，全文已放入「一、总体情况」，请手工分段');
    }
    signoffSource = lastSection(sections);
  } else {
    const spans = findSections(prose);
    if (spans.length) spans.at(-1)!.end = footerStart(prose, spans.at(-1)!.start);
    const regions = tableRegions(spans, light);
    const reads: TableRead[] = [
      readTable2(format, regions.t2),
      readTable3(format, regions.t3),
      readTable4(format, regions.t4),
    ];
    for (const r of reads) {
      Object.assign(cells, r.cells);
      uncertain.push(...r.uncertain);
      warnings.push(...r.warnings);
    }
    // Headings but no figures: the tables were published as pictures. The import still succeeds,
    // because the prose is worth keeping and the clerk can type the figures in; every cell is
    // blank and listed as uncertain, and the warning says so first.
    if (reads.every((r) => r.figures === 0)) {
      const pictures = ctx.images ? `${ctx.source}里有 ${ctx.images} 张图片，` : '';
      warnings.unshift(`【请注意】有表格的标题，但没有读到统计表里的任何数字，${pictures}表格很可能是以图片形式发布的。三张表已全部留空，请对照原文逐格填写`);
    }
    sections = standardSections(prose, spans, format, warnings);
    signoffSource = lastSection(sections);
    publishedTitles = Object.fromEntries(spans.map((s) => [s.key, s.title]));
  }

  const report: ReportData = {
    format,
    year: year?.value ?? 0,
    agency: { ...emptyAgency(agency?.value ?? ''), level: level ?? 'other', contact: findContact(normalizedText) },
    cells,
    sections,
    notes: {},
    origin: 'imported',
  };
  if (publishedTitles) report.publishedTitles = publishedTitles;
  // the 落款 date under the text; else the 成文日期 of the page's metadata block
  const signoff = takeSignoffFrom(report, signoffSource);
  const written = metadataDate(prose);
  if (signoff) report.signoff = signoff;
  else if (written) report.signoff = { preparer: '', reviewer: '', approver: '', date: written };
  if (!level) warnings.push('无法从名称判断机关层级（乡镇、街道、县级政府或部门），请在核对时选择');

  return {
    ok: true,
    report,
    warnings,
    uncertain: [...new Set(uncertain)],
    detected: { format, year: year?.value ?? null, agencyName: agency?.value ?? '', level },
    normalizedText,
  };
}

/** The lines of each table's section; the whole text where the section heading was not found. */
function tableRegions(spans: readonly Span[], lines: readonly Line[]): Record<'t2' | 't3' | 't4', Line[]> {
  const region = (key: SectionKey) => {
    const span = spans.find((s) => s.key === key);
    return span ? lines.slice(span.start + 1, span.end) : [...lines];
  };
  return { t2: region('s2'), t3: region('s3'), t4: region('s4') };
}

const TEXT_KEYS = { s1: 's1', s2: 'note_t2', s3: 'note_t3', s4: 'note_t4', s5: 's5', s6: 's6' } as const;

/** Sections of a 2019/2021 report: prose as is; in the table sections, the text around the table as its note. */
function standardSections(lines: readonly Line[], spans: readonly Span[], format: FormatId, warnings: string[]): ReportData['sections'] {
  const sections: ReportData['sections'] = {};
  const first = spans[0]?.start ?? lines.length;
  const intro = introText(lines.slice(0, first), isTitleLine);
  if (intro.length) sections.intro = intro.join('\n');
  const tables = (['t2', 't3', 't4'] as const).map((t) => tableLabels(format, t));
  const tableish = (text: string) =>
    /^[-+]?\d+(\.\d+)?$/.test(text) || /^[（(]?单位[:：]/.test(text) || tables.some((t) => text.length <= 40 && isFragmentOf(t, text));
  for (const span of spans) {
    const content = lines.slice(span.start + 1, span.end);
    const def = SECTIONS.find((s) => s.key === span.key)!;
    const text = def.kind === 'table' ? proseText(content.filter((l) => !l.row)).filter((t) => !tableish(t)) : proseText(content);
    if (text.length) sections[TEXT_KEYS[span.key]] = text.join('\n');
  }
  const missing = SECTIONS.filter((s) => !spans.some((sp) => sp.key === s.key)).map((s) => `「${sectionHeading(s)}」`);
  if (missing.length === SECTIONS.length) {
    warnings.push('没有找到六个部分的标题，文字没有分段导入，请在核对时检查');
  } else if (missing.length) {
    warnings.push(`原文没有找到${missing.join('')}，请核对原文是否缺少这部分（规则 G-1）`);
  }
  return sections;
}

function lastSection(sections: ReportData['sections']): string[] {
  const key = (['s6', 's5', 's4', 's3', 's2', 's1'] as const).find((k) => sections[k]) ?? null;
  return key ? [key] : [];
}

/** The 落款 (agency and date) at the end of the last section becomes the sign-off date. */
function takeSignoffFrom(report: ReportData, keys: string[]) {
  const key = keys[0] as keyof ReportData['sections'] | undefined;
  if (!key) return undefined;
  const text = (report.sections[key] ?? '').split('\n');
  const signoff = takeSignoff(text);
  if (signoff) report.sections[key] = text.join('\n');
  return signoff;
}
