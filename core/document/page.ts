/**
 * The page of a 公文 (GB/T 9704-2012 §5.2, §7.1), as numbers both writers use: the DOCX in
 * twips, the print view in CSS. Kept here once so that the two outputs cannot drift apart.
 */

/** A4, portrait */
export const PAGE_MM = { width: 210, height: 297 } as const;

/** 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

export const TYPE_AREA_MM = PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right;

/** 三号: body text and headings */
export const BODY_PT = 16;
/** 二号: the title */
export const TITLE_PT = 22;
/** 四号: page numbers */
export const PAGE_NUMBER_PT = 14;
/** 四号: the notes under the tables */
export const NOTE_PT = 14;
/** the footer note of internal copies */
export const FOOTER_NOTE_PT = 9;

/** GB/T 9704 §5.2.2: 28 characters to a line, 22 lines to a page. */
export const CHARS_PER_LINE = 28;

const PT_PER_MM = 72 / 25.4;

/**
 * At 16 pt, 28 characters take 448 pt, but the type area is only 442.2 pt wide: without help a
 * line holds 27. Both writers therefore set body text 0.25 pt tighter (Word: character spacing
 * −5 twips; CSS: letter-spacing), the largest step in Word's unit (1/20 pt) that fits 28
 * characters with a little room to spare for rounding, and not 29.
 */
export const BODY_TRACKING_PT = (() => {
  const pitch = Math.floor(((TYPE_AREA_MM * PT_PER_MM) / CHARS_PER_LINE) * 20) / 20;
  return Math.round((pitch - BODY_PT) * 20) / 20;
})();

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
