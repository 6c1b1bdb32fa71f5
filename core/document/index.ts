export * from './model.js';
export { buildDocument, reportTitle, signature, shortFingerprint, DEFAULT_LINE_SPACING_PT } from './build.js';
export { defaultIntro } from './intro.js';
export { printedValue, docTable } from './tables.js';
export { approvalSheet, SIGNOFF_STEPS } from './approval.js';
export { chineseDate, textWidth, BLANK_DATE } from './text.js';
export { renderPrintHtml, type PrintHtmlOptions } from './html.js';
export { FONTS, LATIN_FONT, fontStack, type FontRole, type FontDef } from './fonts.js';
