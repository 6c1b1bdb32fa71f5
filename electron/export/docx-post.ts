import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FONTS, LATIN_FONT } from '../../core/document/fonts.js';

/**
 * Finishing touches docx has no option for, applied to the packed file.
 *
 * Font table: fills word/fontTable.xml, which docx leaves empty, with the fonts the document names and what
 * to use instead where one is missing. Many offices have 仿宋 but not 仿宋_GB2312 (Windows 10 ships
 * only the former): with `w:altName` Word and WPS fall back to 仿宋 rather than to whatever their
 * own substitution picks (often 宋体, which makes a 公文 look wrong). `w:charset 86` is GB2312.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const attr = (v: string) => v.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

function fontEntries(): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const f of Object.values(FONTS)) {
    if (seen.has(f.word)) continue;
    seen.add(f.word);
    const family = f.generic === 'sans-serif' ? 'modern' : 'roman';
    entries.push(
      `<w:font w:name="${attr(f.word)}"><w:altName w:val="${attr(f.wordAlt)}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`,
    );
  }
  entries.push(
    `<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
      `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  );
  return entries.join('');
}

const FONT_TABLE = 'word/fontTable.xml';
const DOCUMENT = 'word/document.xml';

/**
 * Where a paragraph turns off the automatic space between CJK text and numbers (autoSpaceDN,
 * which Word reads), turn off the one between CJK and Latin text (autoSpaceDE) as well:
 * LibreOffice and WPS read that one. Used by the 落款, whose indents assume no extra space.
 */
function noAutoSpace(xml: string): string {
  return xml.replace(/<w:autoSpaceDN w:val="(?:false|0)"\/>/g, '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
}

export function postProcess(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const table = files[FONT_TABLE];
  const document = files[DOCUMENT];
  if (!table || !document) throw new Error('docx produced no fontTable.xml or document.xml');
  // docx writes an empty, self-closing <w:fonts …/>
  const fonts = strFromU8(table).replace(/<w:fonts([^>]*)\/>/, (_, attrs: string) => `<w:fonts${attrs}>${fontEntries()}</w:fonts>`);
  files[FONT_TABLE] = strToU8(fonts);
  files[DOCUMENT] = strToU8(noAutoSpace(strFromU8(document)));
  return zipSync(files, { level: 6 });
}
