import { getFormat, sectionHeading, SECTIONS, type FormatId, type TableId } from '../format/index.js';
import type { ProseKey, ReportData } from '../report/model.js';
import { parseProse, resolveTokens } from '../report/prose.js';
import { approvalSheet } from './approval.js';
import { defaultIntro } from './intro.js';
import type { DocBlock, DocSignature, DocumentOptions, ReportDocument } from './model.js';
import { docTable } from './tables.js';
import { BLANK_DATE, chineseDate, textWidth } from './text.js';

export const DEFAULT_LINE_SPACING_PT = 28;

/** Characters of 二号 that fit across the 156 mm type area (22 pt ≈ 7.76 mm). */
const TITLE_CHARS_PER_LINE = 20;

/** 「〔机关全称〕〔年份〕年政府信息公开工作年度报告」 */
export function reportTitle(report: ReportData): string {
  return `${report.agency.name.trim()}${report.year}年政府信息公开工作年度报告`;
}

/** A title too long for one line breaks after the agency name, as printed titles do. */
function titleLines(report: ReportData): string[] {
  const title = reportTitle(report);
  const name = report.agency.name.trim();
  if (!name || textWidth(title) <= TITLE_CHARS_PER_LINE) return [title];
  return [name, title.slice(name.length)];
}

function proseBlocks(text: string | undefined, format: FormatId | 'free', cells: Readonly<Record<string, number>>): DocBlock[] {
  if (!text?.trim()) return [];
  return parseProse(resolveTokens(text, format, cells)).map((b): DocBlock =>
    b.kind === 'heading' ? { kind: 'heading', level: b.level, text: `${b.number}${b.text}` } : { kind: 'paragraph', text: b.text },
  );
}

function noteBlocks(text: string | undefined, format: FormatId, cells: Readonly<Record<string, number>>): DocBlock[] {
  if (!text?.trim()) return [];
  // a note is read as it is written: numbered lines are not headings here
  return parseProse(resolveTokens(text, format, cells)).map((b): DocBlock => ({
    kind: 'note',
    text: b.kind === 'heading' ? `${b.number}${b.text}` : b.text,
  }));
}

/**
 * 落款 without a seal, GB/T 9704 §7.3.5.2: the agency name 右空二字; the date on the next line
 * starts two characters to the right of the name; when the date is the longer of the two, the
 * date keeps 右空二字 and the name moves left instead.
 */
export function signature(agency: string, date: string): DocSignature {
  const nameWidth = textWidth(agency);
  const dateWidth = textWidth(date);
  const dateRightChars = Math.max(2, nameWidth - dateWidth);
  return { agency, date, dateRightChars, agencyRightChars: dateRightChars + dateWidth + 2 - nameWidth };
}

const NOTE_KEYS: Record<TableId, ProseKey> = { t2: 'note_t2', t3: 'note_t3', t4: 'note_t4' };

/**
 * The printed report: title, 导语, the six sections with the format's exact headings, the three
 * tables with the report's figures, the notes under the tables, the 落款 and, on request, the
 * 审批单. Figure tokens in the prose are replaced by the figures.
 */
export function buildDocument(report: ReportData, options: DocumentOptions): ReportDocument {
  const { format, cells } = report;
  const feeDecimals = options.feeDecimals ?? null;
  const intro = report.sections.intro?.trim() ? report.sections.intro : defaultIntro(report);
  const blocks: DocBlock[] = [...proseBlocks(intro, format, cells)];

  if (format === 'free') {
    // before 2019 there was no national layout: the report is its own prose, headings included
    for (const section of SECTIONS) blocks.push(...proseBlocks(report.sections[section.key], format, cells));
  } else {
    const def = getFormat(format);
    for (const section of def.sections) {
      blocks.push({ kind: 'heading', level: 1, text: sectionHeading(section) });
      blocks.push(...proseBlocks(report.sections[section.key], format, cells));
      if (section.table) {
        blocks.push({ kind: 'table', table: docTable(def.tables[section.table], format, cells, feeDecimals) });
        blocks.push(...noteBlocks(report.sections[NOTE_KEYS[section.table]], format, cells));
      }
    }
  }

  const agency = report.agency.name.trim();
  blocks.push({ kind: 'signature', signature: signature(agency, chineseDate(report.signoff?.date) ?? BLANK_DATE) });

  const title = reportTitle(report);
  const fingerprint = options.fingerprint?.trim();
  const versionLabel = options.versionLabel?.trim();
  const doc: ReportDocument = {
    titleLines: titleLines(report),
    title,
    year: report.year,
    agency,
    draft: options.draft,
    layout: {
      lineSpacingPt: options.lineSpacingPt ?? DEFAULT_LINE_SPACING_PT,
      boldHeadings: options.boldHeadings ?? false,
    },
    blocks,
  };
  if (fingerprint) doc.fingerprint = fingerprint;
  if (versionLabel) doc.versionLabel = versionLabel;
  // the copy for the website carries only the page number (GB/T 9704 §7.5); internal copies may add the code
  const footer = options.footerFingerprint
    ? [versionLabel, fingerprint && `校验码 ${shortFingerprint(fingerprint)}`].filter(Boolean).join('　')
    : '';
  if (footer) doc.footerNote = footer;
  if (options.approvalSheet) {
    doc.approval = approvalSheet(report, title, fingerprint ? { fingerprint, ...(versionLabel ? { versionLabel } : {}) } : undefined);
  }
  return doc;
}

/** The first 12 hex digits, upper case, in groups of four: enough to tell versions apart on paper. */
export function shortFingerprint(fingerprint: string): string {
  const value = fingerprint.replace(/^[a-z0-9-]+:/i, ''); // 「sha256:…」
  const hex = value.replace(/[^0-9a-f]/gi, '').slice(0, 12).toUpperCase() || value.trim().slice(0, 12);
  return hex.replace(/(.{4})(?=.)/g, '$1-');
}
