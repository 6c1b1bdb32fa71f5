import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { FONTS, latinFont, type FontRole } from '../../core/document/fonts.js';
import { isLeadIn, type DocBlock, type DocCell, type DocTable, type ReportDocument } from '../../core/document/model.js';
import {
  BODY_PT,
  BODY_TRACKING_PT,
  FOOTER_NOTE_PT,
  MARGIN_MM,
  NOTE_PT,
  PAGE_NUMBER_PT,
  TITLE_PT,
} from '../../core/document/page.js';
import { documentProperties, FINGERPRINT_PROPERTY, VERSION_PROPERTY } from '../../core/document/properties.js';
import { CELL_PADDING_MM } from '../../core/document/tables.js';
import { postProcess } from './docx-post.js';
import { APP_VERSION } from './version.js';

/**
 * The DOCX writer: the report document laid out as a 公文 (GB/T 9704-2012) for Word and WPS.
 *
 * - A4; margins top 37, bottom 35, left 28, right 26 mm: a 156 mm type area.
 * - Body 三号仿宋_GB2312, 28 characters to a line, fixed line spacing (28 pt by default), first
 *   line indented two characters.
 * - Every run says `w:hint="eastAsia"`: Word then takes “ ” ‘ ’ — … from the Chinese font, full
 *   width, and not from Times New Roman.
 * - Tables with an explicit grid (w:gridCol) and cell widths that add up to the type area, since
 *   WPS lays tables out from the grid and ignores autofit; spans as in the official layout.
 * - 「— N —」 in 4号宋体, odd pages right and even pages left, both 空一字.
 */

const mm = convertMillimetersToTwip;
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: mm(MARGIN_MM.top), bottom: mm(MARGIN_MM.bottom), left: mm(MARGIN_MM.left), right: mm(MARGIN_MM.right) };
/** the type area's width in twips: what is left of the page between the margins (≈156 mm) */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** twips per point */
const TW = 20;

function font(role: FontRole, sizePt: number, extra: IRunOptions = {}): IRunOptions {
  const eastAsia = FONTS[role].word;
  // Word draws CJK with w:eastAsia; Latin letters and digits with w:ascii (Times New Roman, or the
  // role's own face for the title and the page number); and, with the hint, the punctuation the
  // two share — quotation marks, dashes, ellipsis — with w:eastAsia, full width
  const latin = latinFont(role);
  return {
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' },
    size: sizePt * 2,
    language: { eastAsia: 'zh-CN' },
    ...extra,
  };
}

/** Body text: 三号, 0.25 pt tighter so that 28 characters fill the 156 mm line (page.ts). */
const bodyFont = (role: FontRole, extra: IRunOptions = {}): IRunOptions =>
  font(role, BODY_PT, { characterSpacing: Math.round(BODY_TRACKING_PT * TW), ...extra });

const exactLine = (pt: number) => ({ line: Math.round(pt * TW), lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** Splits relative widths into twips that add up to exactly `total` (largest remainder). */
export function gridWidths(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  const raw = relative.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((w, i) => ({ i, frac: w - Math.floor(w) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (rest <= 0) break;
    out[i]! += 1;
    rest -= 1;
  }
  return out;
}

function tableCell(cell: DocCell, width: number, sizePt: number, keepNext: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: mm(CELL_PADDING_MM), right: mm(CELL_PADDING_MM) },
    children: [
      new Paragraph({
        alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        // single spacing: table text must not take the body's fixed 28 pt lines
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        keepNext,
        children: cell.text ? [new TextRun({ text: cell.text, ...font('fang', sizePt) })] : [],
      }),
    ],
  });
}

/**
 * A table with its grid. Cells are placed HTML style: a spanning cell appears once, and the
 * grid positions it covers are left out of the rows below; docx inserts the vMerge continuations.
 */
function table(t: DocTable): Table {
  const columns = gridWidths(t.widths, TEXT_WIDTH);
  // which grid columns are covered by row spans from rows above
  const covered: number[] = Array(columns.length).fill(0);
  const rows = t.rows.map((cells, r) => {
    let col = 0;
    // lead-in rows stay with the row below; so do the rows kept on the heading's page
    const keepNext = isLeadIn(cells) || r < Math.min(t.keepRows, t.rows.length) - 1;
    const children = cells.map((cell) => {
      while (covered[col]! > 0) col++;
      const width = columns.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
      if (cell.rowSpan > 1) for (let c = col; c < col + cell.colSpan; c++) covered[c] = cell.rowSpan;
      col += cell.colSpan;
      return tableCell(cell, width, t.fontSizePt, keepNext);
    });
    for (let c = 0; c < covered.length; c++) if (covered[c]! > 0) covered[c]! -= 1;
    const height = t.rowHeightsMm?.[r];
    return new TableRow({
      children,
      cantSplit: true,
      ...(r < t.headerRows ? { tableHeader: true } : {}),
      ...(height ? { height: { value: mm(height), rule: HeightRule.ATLEAST } } : {}),
    });
  });
  return new Table({
    rows,
    columnWidths: columns,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

function bodyParagraph(text: string, note: boolean, lineSpacingPt: number, keepNext: boolean): Paragraph {
  const sizePt = note ? NOTE_PT : BODY_PT;
  return new Paragraph({
    keepNext,
    // 允许西文在单词中间换行: a web address or e-mail in a justified CJK line must not leave a
    // line of letter-spaced characters behind it (the print view: textPieces)
    wordWrap: true, // docx writes <w:wordWrap w:val="0"/>
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine(lineSpacingPt),
    indent: { firstLine: 2 * sizePt * TW, firstLineChars: 200 },
    children: [new TextRun({ text, ...(note ? font('fang', sizePt) : bodyFont('fang')) })],
  });
}

const HEADING_FONT: Record<1 | 2 | 3 | 4, FontRole> = { 1: 'hei', 2: 'kai', 3: 'fang', 4: 'fang' };

/**
 * `beforeSignature`: the block right before the 落款 keeps with it, so that a page never holds
 * the 落款 alone (GB/T 9704 §7.3.5.4).
 */
function blockChildren(block: DocBlock, doc: ReportDocument, beforeSignature: boolean): (Paragraph | Table)[] {
  const line = doc.layout.lineSpacingPt;
  switch (block.kind) {
    case 'heading':
      return [new Paragraph(headingProps(block.text, block.level, line, doc.layout.boldHeadings && block.level > 1))];
    case 'paragraph':
      return [bodyParagraph(block.text, false, line, beforeSignature)];
    case 'note':
      return [bodyParagraph(block.text, true, line, beforeSignature)];
    case 'table':
      // a thin line after the table keeps the next block from sticking to its bottom border
      return [table(block.table), new Paragraph({ spacing: exactLine(line / 2), children: [] })];
    case 'signature': {
      const s = block.signature;
      const sign = (text: string, rightChars: number, first: boolean) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { ...exactLine(line), before: first ? Math.round(line * TW) : 0 },
          indent: { right: rightChars * BODY_PT * TW },
          // the indents assume no extra space between digits and CJK (Word adds it by default)
          autoSpaceEastAsianText: false,
          keepLines: true,
          keepNext: first,
          children: [new TextRun({ text, ...bodyFont('fang') })],
        });
      return [sign(s.agency, s.agencyRightChars, true), sign(s.date, s.dateRightChars, false)];
    }
  }
}

/** Headings keep with the next paragraph so a heading never ends a page. */
function headingProps(text: string, level: 1 | 2 | 3 | 4, line: number, bold: boolean) {
  return {
    // Word's and WPS's navigation pane lists the headings
    outlineLevel: level - 1,
    keepNext: true,
    keepLines: true,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine(line),
    indent: { firstLine: 2 * BODY_PT * TW, firstLineChars: 200 },
    children: [new TextRun({ text, ...bodyFont(HEADING_FONT[level], bold ? { bold: true } : {}) })],
  };
}

function titleParagraphs(lines: string[]): Paragraph[] {
  const titleLine = Math.round(TITLE_PT * 1.6);
  return lines.map(
    (text, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        // one empty body line between the title and the 导语 (GB/T 9704 §7.3.1)
        spacing: { ...exactLine(titleLine), ...(i === lines.length - 1 ? { after: Math.round(28 * TW) } : {}) },
        children: [new TextRun({ text, ...font('title', TITLE_PT) })],
      }),
  );
}

/**
 * Footer line: page number on the outer side, 空一字 from the edge; on internal copies the
 * version and fingerprint at the inner side, in small type.
 */
function footer(side: 'odd' | 'even', note: string | undefined): Footer {
  const indent = PAGE_NUMBER_PT * TW; // 空一字
  const number = new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...font('song', PAGE_NUMBER_PT) });
  const noteRun = note ? new TextRun({ text: note, ...font('fang', FOOTER_NOTE_PT) }) : undefined;
  const tab = new TextRun({ children: [new Tab()], ...font('fang', FOOTER_NOTE_PT) });
  const children =
    side === 'odd'
      ? [...(noteRun ? [noteRun, tab] : []), number]
      : [number, ...(noteRun ? [tab, noteRun] : [])];
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' && !noteRun ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 0, after: 0 },
        ...(side === 'odd' ? (noteRun ? {} : { indent: { right: indent } }) : { indent: { left: indent } }),
        tabStops: [{ type: TabStopType.RIGHT, position: side === 'odd' ? TEXT_WIDTH - indent : TEXT_WIDTH }],
        children,
      }),
    ],
  });
}

/** The 「草稿」 watermark: Word's own kind (VML text path in the header), which LibreOffice and WPS also draw. */
function draftHeader(draft: boolean): Header {
  const children = draft
    ? [
        new TextWatermark({
          text: '草稿',
          font: FONTS.hei.word,
          color: 'C0C0C0',
          opacity: 0.5,
          layout: 'diagonal',
          width: 400,
          height: 200,
        }),
      ]
    : [];
  return new Header({ children: [new Paragraph({ children })] });
}

function pageProperties() {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      // page number 7 mm below the type area: its 14 pt line ends about 23 mm above the page edge
      margin: { ...MARGIN, header: mm(15), footer: mm(23), gutter: 0 },
    },
  };
}

/** Renders the report document as a .docx file. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [...titleParagraphs(doc.titleLines)];
  doc.blocks.forEach((block, i) => body.push(...blockChildren(block, doc, doc.blocks[i + 1]?.kind === 'signature')));

  const header = draftHeader(doc.draft);
  const sections: ISectionOptions[] = [
    {
      properties: pageProperties(),
      headers: { default: header, even: draftHeader(doc.draft) },
      footers: { default: footer('odd', doc.footerNote), even: footer('even', doc.footerNote) },
      children: body,
    },
  ];
  if (doc.approval) {
    // its own section: no page number on the 审批单
    const empty = () => new Footer({ children: [new Paragraph({ children: [] })] });
    sections.push({
      properties: pageProperties(),
      headers: { default: draftHeader(doc.draft), even: draftHeader(doc.draft) },
      footers: { default: empty(), even: empty() },
      children: [...titleParagraphs([doc.approval.title]), table(doc.approval.table)],
    });
  }

  const props = documentProperties(doc, APP_VERSION);
  const custom = [
    ...(props.fingerprint ? [{ name: FINGERPRINT_PROPERTY, value: props.fingerprint }] : []),
    ...(props.version ? [{ name: VERSION_PROPERTY, value: props.version }] : []),
  ];
  const document = new Document({
    // core properties: the agency is the author; the program is named in app.xml (docx-post.ts)
    title: props.title,
    subject: props.subject,
    keywords: props.keywords,
    creator: props.author,
    lastModifiedBy: props.author,
    ...(custom.length ? { customProperties: custom } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: font('fang', BODY_PT),
          paragraph: { spacing: exactLine(doc.layout.lineSpacingPt) },
        },
      },
    },
    sections,
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return postProcess(bytes, { application: props.creator, company: props.author });
}
