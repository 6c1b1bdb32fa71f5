import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../core/document/index.js';
import { renderDocx } from '../../../electron/export/docx.js';
import { elementsOf, parseXml, walk } from '../../../electron/export/xml-tree.js';
import { sampleReport } from '../../fixtures/export/sample-report.js';
import { fullReport } from './helpers.js';

/**
 * Every element the DOCX writer emits, checked against the order the Open XML schema prescribes
 * for its children (ECMA-376 Part 1, transitional; the xsd:sequence of each complex type). Word
 * reads most misordered files anyway; validators, WPS in places and other readers do not.
 *
 * Each entry lists a parent's children in schema order. Names in one inner array are a choice
 * (same position). '*' stands for content that may come there (paragraph or run content), and
 * means unknown children are allowed at that place; a parent without '*' allows only the listed ones.
 */
const SEQUENCES: Record<string, (string | string[])[]> = {
  // CT_Document, CT_Body (block content, then the last sectPr)
  document: ['background', 'body'],
  body: ['*', 'sectPr'],
  // CT_P, CT_R: properties first
  p: ['pPr', '*'],
  r: ['rPr', '*'],
  // CT_PPrBase + CT_PPr (§17.3.1.26)
  pPr: [
    'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr',
    'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN',
    'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc',
    'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
  ],
  // EG_RPrBase (§17.3.2.28)
  rPr: [
    'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint',
    'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u',
    'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange',
  ],
  tabs: ['tab'],
  // CT_SectPr (§17.6.17)
  sectPr: [
    ['headerReference', 'footerReference'], 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType',
    'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid',
    'printerSettings', 'sectPrChange',
  ],
  // CT_Tbl, CT_TblPr (§17.4.60), CT_TblGrid, CT_Row, CT_Tc, CT_TcPr (§17.4.70)
  tbl: ['tblPr', 'tblGrid', '*'],
  tblPr: [
    'tblStyle', 'tblpPr', 'tblOverlap', 'bidiVisual', 'tblStyleRowBandSize', 'tblStyleColBandSize', 'tblW', 'jc', 'tblCellSpacing',
    'tblInd', 'tblBorders', 'shd', 'tblLayout', 'tblCellMar', 'tblLook', 'tblCaption', 'tblDescription', 'tblPrChange',
  ],
  tblGrid: ['gridCol', 'tblGridChange'],
  tr: ['tblPrEx', 'trPr', '*'],
  tc: ['tcPr', '*'],
  tcPr: [
    'cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign',
    'hideMark', 'headers', 'cellIns', 'cellDel', 'cellMerge', 'tcPrChange',
  ],
  tblBorders: ['top', ['start', 'left'], 'bottom', ['end', 'right'], 'insideH', 'insideV'],
  tcBorders: ['top', ['start', 'left'], 'bottom', ['end', 'right'], 'insideH', 'insideV', 'tl2br', 'tr2bl'],
  tblCellMar: ['top', ['start', 'left'], 'bottom', ['end', 'right']],
  tcMar: ['top', ['start', 'left'], 'bottom', ['end', 'right']],
  // CT_Styles, CT_DocDefaults, CT_Style (§17.7.4.17)
  styles: ['docDefaults', 'latentStyles', 'style'],
  docDefaults: ['rPrDefault', 'pPrDefault'],
  rPrDefault: ['rPr'],
  pPrDefault: ['pPr'],
  style: [
    'name', 'aliases', 'basedOn', 'next', 'link', 'autoRedefine', 'hidden', 'uiPriority', 'semiHidden', 'unhideWhenUsed', 'qFormat',
    'locked', 'personal', 'personalCompose', 'personalReply', 'rsid', 'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'tblStylePr',
  ],
  // CT_FontsList, CT_Font (§17.8.3.10)
  fonts: ['font'],
  font: ['altName', 'panose1', 'charset', 'family', 'notTrueType', 'pitch', 'sig', 'embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic'],
  // CT_Settings (§17.15.1.78), as far as a generated file uses it
  settings: [
    'writeProtection', 'view', 'zoom', 'removePersonalInformation', 'removeDateAndTime', 'doNotDisplayPageBoundaries',
    'displayBackgroundShape', 'printPostScriptOverText', 'printFractionalCharacterWidth', 'printFormsData', 'embedTrueTypeFonts',
    'embedSystemFonts', 'saveSubsetFonts', 'saveFormsData', 'mirrorMargins', 'alignBordersAndEdges', 'bordersDoNotSurroundHeader',
    'bordersDoNotSurroundFooter', 'gutterAtTop', 'hideSpellingErrors', 'hideGrammaticalErrors', 'activeWritingStyle', 'proofState',
    'formsDesign', 'attachedTemplate', 'linkStyles', 'stylePaneFormatFilter', 'stylePaneSortMethod', 'documentType', 'mailMerge',
    'revisionView', 'trackRevisions', 'doNotTrackMoves', 'doNotTrackFormatting', 'documentProtection', 'autoFormatOverride',
    'styleLockTheme', 'styleLockQFSet', 'defaultTabStop', 'autoHyphenation', 'consecutiveHyphenLimit', 'hyphenationZone',
    'doNotHyphenateCaps', 'showEnvelope', 'summaryLength', 'clickAndTypeStyle', 'defaultTableStyle', 'evenAndOddHeaders',
    'bookFoldRevPrinting', 'bookFoldPrinting', 'bookFoldPrintingSheets', 'drawingGridHorizontalSpacing', 'drawingGridVerticalSpacing',
    'displayHorizontalDrawingGridEvery', 'displayVerticalDrawingGridEvery', 'doNotUseMarginsForDrawingGridOrigin',
    'drawingGridHorizontalOrigin', 'drawingGridVerticalOrigin', 'doNotShadeFormData', 'noPunctuationKerning',
    'characterSpacingControl', 'printTwoOnOne', 'strictFirstAndLastChars', 'noLineBreaksAfter', 'noLineBreaksBefore',
    'savePreviewPicture', 'doNotValidateAgainstSchema', 'saveInvalidXml', 'ignoreMixedContent', 'alwaysShowPlaceholderText',
    'doNotDemarcateInvalidXml', 'saveXmlDataOnly', 'useXSLTWhenSaving', 'saveThroughXslt', 'showXMLTags', 'alwaysMergeEmptyNamespace',
    'updateFields', 'hdrShapeDefaults', 'footnotePr', 'endnotePr', 'compat', 'docVars', 'rsids', 'mathPr', 'attachedSchema',
    'themeFontLang', 'clrSchemeMapping', 'doNotIncludeSubdocsInStats', 'doNotAutoCompressPictures', 'forceUpgrade', 'captions',
    'readModeInkLockDown', 'smartTagType', 'schemaLibrary', 'shapeDefaults', 'doNotEmbedSmartTags', 'decimalSymbol', 'listSeparator',
  ],
  compat: ['*', 'compatSetting'],
  // CT_Numbering, CT_AbstractNum, CT_Lvl, CT_Num
  numbering: ['numPicBullet', 'abstractNum', 'num', 'numIdMacAtCleanup'],
  abstractNum: ['nsid', 'multiLevelType', 'tmpl', 'name', 'styleLink', 'numStyleLink', 'lvl'],
  lvl: ['start', 'numFmt', 'lvlRestart', 'pStyle', 'isLgl', 'suff', 'lvlText', 'lvlPicBulletId', 'legacy', 'lvlJc', 'pPr', 'rPr'],
  num: ['abstractNumId', 'lvlOverride'],
  lvlOverride: ['startOverride', 'lvl'],
};

/** Where each child may stand in its parent; null when the parent's sequence does not allow it. */
function rank(sequence: (string | string[])[], child: string): number | null {
  const i = sequence.findIndex((s) => (Array.isArray(s) ? s.includes(child) : s === child));
  if (i >= 0) return i;
  const wildcard = sequence.indexOf('*');
  return wildcard >= 0 ? wildcard : null;
}

/** Every place in a part where children break their parent's schema order, as readable lines. */
function orderErrors(xml: string): string[] {
  const errors: string[] = [];
  for (const { el } of walk(parseXml(xml).root)) {
    const [prefix, local] = el.name.includes(':') ? el.name.split(':') : ['', el.name];
    const sequence = prefix === 'w' ? SEQUENCES[local!] : undefined;
    if (!sequence) continue;
    let last = -1;
    let lastName = '';
    for (const child of elementsOf(el)) {
      // extensions of later Office versions (w14:, w15:, mc:) are ignorable by design
      if (!child.name.startsWith('w:')) continue;
      const name = child.name.slice(2);
      const at = rank(sequence, name);
      if (at === null) errors.push(`<w:${local}> may not contain <w:${name}>`);
      else if (at < last) errors.push(`<w:${local}>: <w:${name}> comes after <w:${lastName}>, the schema puts it before`);
      else {
        last = at;
        lastName = name;
      }
    }
  }
  return [...new Set(errors)];
}

const parts = (docx: Uint8Array) =>
  Object.entries(unzipSync(docx))
    .filter(([name]) => /^word\/[^/]+\.xml$/.test(name) && !name.includes('theme'))
    .map(([name, data]) => [name, strFromU8(data)] as const);

describe('the DOCX follows the Open XML schema’s element order', () => {
  const files: { name: string; docx: Uint8Array }[] = [];
  beforeAll(async () => {
    const signed = { fingerprint: 'sha256:c0ffee', versionLabel: '第1版' };
    files.push({ name: 'draft with 审批单', docx: await renderDocx(buildDocument(fullReport(), { draft: true, approvalSheet: true })) });
    files.push({ name: 'internal copy', docx: await renderDocx(buildDocument(sampleReport(), { draft: false, footerFingerprint: true, boldHeadings: true, ...signed })) });
    files.push({ name: '2019', docx: await renderDocx(buildDocument(sampleReport('2019'), { draft: false, approvalSheet: true, ...signed })) });
  });

  it('in every part it writes: document, headers, footers, styles, settings, font table, numbering', () => {
    for (const { name, docx } of files) {
      const checked = parts(docx);
      expect(checked.map(([part]) => part)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'word/fontTable.xml']));
      for (const [part, xml] of checked) expect(orderErrors(xml), `${name}: ${part}`).toEqual([]);
    }
  });

  it('the check itself catches a misplaced property', () => {
    // the 落款 once had autoSpaceDE/autoSpaceDN after jc
    const bad = '<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:jc w:val="right"/><w:autoSpaceDN w:val="0"/></w:pPr></w:p></w:body></w:document>';
    expect(orderErrors(bad)).toEqual(['<w:pPr>: <w:autoSpaceDN> comes after <w:jc>, the schema puts it before']);
    expect(orderErrors('<w:font xmlns:w="w"><w:pitch/><w:family/></w:font>')).toHaveLength(1);
    expect(orderErrors('<w:tcPr xmlns:w="w"><w:tcW/><w:bogus/></w:tcPr>')).toEqual(['<w:tcPr> may not contain <w:bogus>']);
  });
});
