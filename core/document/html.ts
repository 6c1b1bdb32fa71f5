import { isLeadIn, type DocBlock, type DocCell, type DocTable, type ReportDocument } from './model.js';
import { fontStack, type FontRole } from './fonts.js';
import { BODY_PT, BODY_TRACKING_PT, FOOTER_NOTE_PT, MARGIN_MM, NOTE_PT, PAGE_NUMBER_PT, TITLE_PT, TYPE_AREA_MM } from './page.js';
import { CELL_PADDING_MM } from './tables.js';
import { textPieces } from './text.js';

/**
 * The print view: one standalone HTML document that Chromium prints to PDF (Electron's
 * printToPDF, or playwright-core in browser mode) and that the window shows as the print
 * preview. Same blocks, same tables cell for cell, same spans as the DOCX.
 *
 * Page set-up is CSS: @page gives A4 and the GB/T 9704 margins, and @page margin boxes print
 * 「— N —」 on the right of odd pages and the left of even pages (Chromium 131+). No script runs.
 */

export interface PrintHtmlOptions {
  /** where fonts.css and the woff2 files of assets/fonts are served, e.g. `app://fonts/` */
  fontBaseUrl: string;
}

const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Running text: long addresses and numbers in a span that may break anywhere (text.ts textPieces). */
const prose = (text: string): string =>
  textPieces(text)
    .map((p) => (p.breakAnywhere ? `<span class="any">${esc(p.text)}</span>` : esc(p.text)))
    .join('');

const M = MARGIN_MM;

/** A CSS string literal: margin-box content comes from the footer note, which we do not trust blindly. */
const cssString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;

const GENERIC = new Set(['serif', 'sans-serif']);
const family = (role: FontRole): string => fontStack(role).map((f) => (GENERIC.has(f) ? f : `'${f}'`)).join(', ');

function pageCss(doc: ReportDocument): string {
  const number = `"— " counter(page) " —"`;
  const note = doc.footerNote ? cssString(doc.footerNote) : 'none';
  // 4号宋体 page number, its top 7 mm below the type area; 空一字 from the outer edge
  const numberBox = `content: ${number}; font-family: ${family('song')}; font-size: ${PAGE_NUMBER_PT}pt; vertical-align: top; padding-top: 5mm;`;
  const noteBox = `content: ${note}; font-family: ${family('song')}; font-size: ${FOOTER_NOTE_PT}pt; vertical-align: top; padding-top: 7mm;`;
  return `
@page { size: A4; margin: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; }
@page :right {
  @bottom-right { ${numberBox} text-align: right; padding-right: ${PAGE_NUMBER_PT}pt; }
  @bottom-left { ${noteBox} text-align: left; }
}
@page :left {
  @bottom-left { ${numberBox} text-align: left; padding-left: ${PAGE_NUMBER_PT}pt; }
  @bottom-right { ${noteBox} text-align: right; }
}
@page approval:right { @bottom-right { content: none; } @bottom-left { content: none; } }
@page approval:left { @bottom-right { content: none; } @bottom-left { content: none; } }`;
}

function baseCss(doc: ReportDocument): string {
  const line = `${doc.layout.lineSpacingPt}pt`;
  const bold = doc.layout.boldHeadings ? 'bold' : 'normal';
  return `
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: ${family('fang')}; font-size: ${BODY_PT}pt; line-height: ${line}; }
@media screen {
  html { background: #e6e6e6; }
  body { width: ${TYPE_AREA_MM}mm; min-height: 225mm; margin: 6mm auto; padding: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; background: #fff; box-shadow: 0 0 3mm rgba(0,0,0,.25); }
  /* on screen the white sheet would cover it: draw it over the text, it is translucent */
  body > .watermark { z-index: 1; }
}
/* 28 characters to a line (page.ts BODY_TRACKING_PT), as the DOCX sets them */
p, h2, h3, h4, h5 { letter-spacing: ${BODY_TRACKING_PT}pt; }
p { margin: 0; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
.any { word-break: break-all; }
h1 { margin: 0 0 ${line}; font-family: ${family('title')}; font-size: ${TITLE_PT}pt; line-height: 1.6; font-weight: normal; text-align: center; }
h2, h3, h4, h5 { margin: 0; font-size: ${BODY_PT}pt; font-weight: normal; text-indent: 2em; text-align: justify; break-after: avoid; }
h2 { font-family: ${family('hei')}; }
h3 { font-family: ${family('kai')}; font-weight: ${bold}; }
h4 { font-weight: ${bold}; }
p.note { font-size: ${NOTE_PT}pt; letter-spacing: normal; }
p.sign { text-indent: 0; text-align: right; text-autospace: no-autospace; break-inside: avoid; break-before: avoid; }
p.sign.first { margin-top: ${line}; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0; font-family: ${family('fang')}; }
td, th { border: 0.75pt solid #000; padding: 1.2mm ${CELL_PADDING_MM}mm; line-height: 1.3; font-weight: normal; vertical-align: middle; text-align: center; overflow-wrap: anywhere; }
td.left { text-align: left; }
/* a row never splits across pages, but a tall merged label (三、本年度办理结果 spans 22 rows) may */
td:not([rowspan]), th:not([rowspan]) { break-inside: avoid; }
/* lead-in rows, and the first rows of a long table, stay with the row below (model.ts keepRows) */
tr.lead { break-after: avoid; }
thead { display: table-header-group; }
table.keep { break-inside: avoid; }
.watermark { position: fixed; left: 0; right: 0; top: 80mm; text-align: center; font-family: ${family('hei')}; font-size: 110pt; line-height: 1; letter-spacing: 0.3em; color: rgba(0, 0, 0, 0.13); transform: rotate(-35deg); pointer-events: none; z-index: -1; }
.preload { position: absolute; visibility: hidden; height: 0; overflow: hidden; font-family: ${family('song')}; }
section.approval { page: approval; break-before: page; }
section.approval h1 { margin-bottom: 10mm; }
section.approval td { font-size: 14pt; }`;
}

function cellHtml(cell: DocCell, header: boolean): string {
  const attrs = [
    cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '',
    cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '',
    cell.align === 'left' ? ' class="left"' : '',
    cell.cellId ? ` data-cell="${esc(cell.cellId)}"` : '',
  ].join('');
  const tag = header ? 'th' : 'td';
  return `<${tag}${attrs}>${esc(cell.text)}</${tag}>`;
}

function tableHtml(table: DocTable): string {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const cols = table.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(3)}%">`).join('');
  // the whole table kept together, or its first rows kept with the heading (model.ts keepRows);
  // not by a tbody of their own: a row span (三、本年度办理结果) cannot cross from one to the next
  const whole = table.keepRows >= table.rows.length;
  const row = (cells: DocCell[], i: number, header: boolean) => {
    const height = table.rowHeightsMm?.[i];
    const keep = isLeadIn(cells) || (!whole && i < table.keepRows - 1);
    const attrs = `${keep ? ' class="lead"' : ''}${height ? ` style="height:${height}mm"` : ''}`;
    return `<tr${attrs}>${cells.map((c) => cellHtml(c, header)).join('')}</tr>`;
  };
  const head = table.rows.slice(0, table.headerRows).map((r, i) => row(r, i, true)).join('');
  const body = table.rows.slice(table.headerRows).map((r, i) => row(r, i + table.headerRows, false)).join('');
  return (
    `<table data-table="${table.id}"${whole ? ' class="keep"' : ''} style="font-size:${table.fontSizePt}pt"><colgroup>${cols}</colgroup>` +
    `${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`
  );
}

function blockHtml(block: DocBlock): string {
  switch (block.kind) {
    case 'heading':
      // h1 is the report title; 公文 levels 一、（一）1.（1） are h2–h5
      return `<h${block.level + 1}>${esc(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${prose(block.text)}</p>`;
    case 'note':
      return `<p class="note">${prose(block.text)}</p>`;
    case 'table':
      return tableHtml(block.table);
    case 'signature': {
      const s = block.signature;
      return (
        `<p class="sign first" style="padding-right:${s.agencyRightChars}em">${esc(s.agency)}</p>` +
        `<p class="sign" style="padding-right:${s.dateRightChars}em">${esc(s.date)}</p>`
      );
    }
  }
}

/**
 * The page-margin boxes are laid out only when printing, too late to fetch a font slice: this
 * invisible line makes the page load, beforehand, the glyphs the footer will need.
 */
function preload(doc: ReportDocument): string {
  return `<div class="preload" aria-hidden="true">— 0123456789 —${esc(doc.footerNote ?? '')}</div>\n`;
}

/** The whole print view as one HTML document. */
export function renderPrintHtml(doc: ReportDocument, options: PrintHtmlOptions): string {
  const base = options.fontBaseUrl.endsWith('/') ? options.fontBaseUrl : `${options.fontBaseUrl}/`;
  const approval = doc.approval
    ? `<section class="approval"><h1>${esc(doc.approval.title)}</h1>${tableHtml(doc.approval.table)}</section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; connect-src 'none'; object-src 'none'; frame-src 'none'; img-src data:">
<title>${esc(doc.title)}</title>
<link rel="stylesheet" href="${esc(base)}fonts.css">
<style>${pageCss(doc)}${baseCss(doc)}
</style>
</head>
<body>
${preload(doc)}${doc.draft ? '<div class="watermark" aria-hidden="true">草稿</div>\n' : ''}<h1>${doc.titleLines.map(esc).join('<br>')}</h1>
${doc.blocks.map(blockHtml).join('\n')}
${approval}
</body>
</html>
`;
}
