import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FONTS, LATIN_FONT } from '../../core/document/fonts.js';
import { elementsOf, parseXml, serializeXml, walk, type XmlElement } from './xml-tree.js';

/**
 * Finishing touches docx has no option for, applied to the packed file.
 *
 * - Font table: fills word/fontTable.xml, which docx leaves empty, with the fonts the document
 *   names and what to use instead where one is missing. Many offices have 仿宋 but not
 *   仿宋_GB2312 (Windows 10 ships only the former): with `w:altName` Word and WPS fall back to 仿宋
 *   rather than to whatever their own substitution picks (often 宋体, which makes a 公文 look
 *   wrong). `w:charset 86` is GB2312.
 * - Element order: docx writes some paragraph and run properties out of the order the Open XML
 *   schema prescribes (e.g. `autoSpaceDN` after `jc`); Word is lenient, validators and some
 *   readers are not. Properties are put back in schema order.
 * - Styles: docx adds Title, Heading 1–9, TOC and others to every file; the ones the document
 *   does not use are dropped, so that Word's style gallery shows no blue headings.
 * - docProps/app.xml, which docx leaves empty: the program and the agency.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (v: string) => v.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

function fontEntries(): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const f of Object.values(FONTS)) {
    if (seen.has(f.word)) continue;
    seen.add(f.word);
    const family = f.generic === 'sans-serif' ? 'modern' : 'roman';
    entries.push(
      `<w:font w:name="${esc(f.word)}"><w:altName w:val="${esc(f.wordAlt)}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`,
    );
  }
  entries.push(
    `<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
      `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  );
  return entries.join('');
}

/** ECMA-376 Part 1, CT_PPrBase followed by the rest of CT_PPr (§17.3.1.26). */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers',
  'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE',
  'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents',
  'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle',
  'rPr', 'sectPr', 'pPrChange',
];

/** ECMA-376 Part 1, EG_RPrBase (§17.3.2.28) and rPrChange. */
const RPR_ORDER = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss',
  'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs',
  'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout',
  'specVanish', 'oMath', 'ins', 'del', 'moveFrom', 'moveTo', 'rPrChange',
];

const ORDERS: Record<string, readonly string[]> = { 'w:pPr': PPR_ORDER, 'w:rPr': RPR_ORDER };

/** Children of pPr and rPr in schema order (stable: equal names keep their order). */
function schemaOrder(root: XmlElement): void {
  for (const { el } of walk(root)) {
    const order = ORDERS[el.name];
    if (!order) continue;
    const rank = (name: string) => {
      const i = order.indexOf(name.replace(/^w:/, ''));
      return i < 0 ? order.length : i;
    };
    el.children = elementsOf(el)
      .map((child, i) => ({ child, i }))
      .sort((a, b) => rank(a.child.name) - rank(b.child.name) || a.i - b.i)
      .map((x) => x.child);
  }
}

const attr = (el: XmlElement, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(el.attrs)?.[1];

/**
 * Drops the styles nothing refers to. Kept: the defaults (Normal, Table Normal, …), every style
 * named by w:pStyle / w:rStyle / w:tblStyle in the given parts, and what those are based on or linked to.
 */
function dropUnusedStyles(styles: XmlElement, parts: readonly string[]): void {
  const all = elementsOf(styles).filter((e) => e.name === 'w:style');
  const used = new Set<string>();
  for (const part of parts) for (const m of part.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g)) used.add(m[1]!);
  for (const s of all) if (attr(s, 'w:default') === '1' || attr(s, 'w:default') === 'true') used.add(attr(s, 'w:styleId') ?? '');
  // follow basedOn / link / next until nothing new is added
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of all) {
      if (!used.has(attr(s, 'w:styleId') ?? '')) continue;
      for (const ref of elementsOf(s).filter((e) => ['w:basedOn', 'w:link', 'w:next'].includes(e.name))) {
        const id = attr(ref, 'w:val');
        if (id && !used.has(id)) {
          used.add(id);
          grew = true;
        }
      }
    }
  }
  styles.children = styles.children.filter((c) => typeof c === 'string' || c.name !== 'w:style' || used.has(attr(c, 'w:styleId') ?? ''));
}

/**
 * Where a paragraph turns off the automatic space between CJK text and numbers (autoSpaceDN,
 * which Word reads), turn off the one between CJK and Latin text (autoSpaceDE) as well:
 * LibreOffice and WPS read that one. Used by the 落款, whose indents assume no extra space.
 */
function noAutoSpace(xml: string): string {
  return xml.replace(/<w:autoSpaceDN w:val="(?:false|0)"\/>/g, '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
}

export interface PackageInfo {
  /** the program that wrote the file, 「年报助手 0.1.0」 */
  application: string;
  /** the agency */
  company: string;
}

function appXml(info: PackageInfo): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${esc(info.application)}</Application><DocSecurity>0</DocSecurity>` +
    `<Company>${esc(info.company)}</Company></Properties>`
  );
}

const FONT_TABLE = 'word/fontTable.xml';
const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const APP = 'docProps/app.xml';

/** The XML parts whose paragraphs and runs the document writes: body, headers, footers, notes, styles. */
const isContentPart = (name: string) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|styles|numbering)\.xml$/.test(name);

export function postProcess(docx: Uint8Array, info: PackageInfo): Uint8Array {
  const files = unzipSync(docx);
  const table = files[FONT_TABLE];
  if (!table || !files[DOCUMENT] || !files[STYLES]) throw new Error('docx produced no fontTable.xml, document.xml or styles.xml');
  // docx writes an empty, self-closing <w:fonts …/>
  const fonts = strFromU8(table).replace(/<w:fonts([^>]*)\/>/, (_, attrs: string) => `<w:fonts${attrs}>${fontEntries()}</w:fonts>`);
  files[FONT_TABLE] = strToU8(fonts);

  const parts = Object.keys(files).filter(isContentPart);
  const texts = new Map(parts.map((name) => [name, strFromU8(files[name]!)]));
  texts.set(DOCUMENT, noAutoSpace(texts.get(DOCUMENT)!));
  for (const [name, xml] of texts) {
    const { prolog, root } = parseXml(xml);
    if (name === STYLES) dropUnusedStyles(root, [...texts].filter(([n]) => n !== STYLES).map(([, x]) => x));
    schemaOrder(root);
    files[name] = strToU8(serializeXml(prolog, root));
  }
  files[APP] = strToU8(appXml(info));
  return zipSync(files, { level: 6 });
}
