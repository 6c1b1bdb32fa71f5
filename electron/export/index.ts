export { renderDocx, gridWidths, TEXT_WIDTH } from './docx.js';
export {
  renderPdf,
  renderDocumentPdf,
  finishDocumentPdf,
  prewarmPdfRenderer,
  closePdfRenderer,
  findChromium,
  blockedRequests,
  PdfError,
  NO_BROWSER_MESSAGE,
  PDF_FONT_BASE_URL,
  PDF_ORIGIN,
  type PdfOptions,
} from './pdf.js';
export { writeFileAtomic, describeWriteError, ExportWriteError, type WriteFailure } from './write-file.js';
export { fontsDir, readFontAsset, type FontAsset } from './font-assets.js';
export { putPreview, getPreview, exportRoute, PREVIEW_CSP, PREVIEW_FONT_BASE_URL, type RouteAnswer } from './preview-pages.js';
export { readPdfInfo, withPdfInfo } from './pdf-info.js';
export { readDocxProperties } from './docx-properties.js';
export { APP_VERSION } from './version.js';
