import { beforeAll, describe, expect, it } from 'vitest';
import { convertMillimetersToTwip } from 'docx';
import { SECTIONS, sectionHeading } from '../../../core/format/index.js';
import { buildDocument, type DocTable } from '../../../core/document/index.js';
import { gridWidths, renderDocx, TEXT_WIDTH } from '../../../electron/export/docx.js';
import { readDocxProperties } from '../../../electron/export/docx-properties.js';
import { APP_VERSION } from '../../../electron/export/version.js';
import { sampleReport } from '../../fixtures/export/sample-report.js';
import { docxPart, docxParts, fullReport, tablesOf, xmlParagraphs, xmlTables, type XmlCell } from './helpers.js';

const report = fullReport();
const draftDoc = buildDocument(report, { draft: true, approvalSheet: true });
const signedDoc = buildDocument(report, { draft: false, fingerprint: 'sha256:c0ffee0123456789abcdef', versionLabel: '第3版', footerFingerprint: true });
const websiteDoc = buildDocument(report, { draft: false, fingerprint: 'sha256:c0ffee0123456789abcdef', versionLabel: '第3版' });
let draft: Uint8Array;
let signed: Uint8Array;
let website: Uint8Array;

beforeAll(async () => {
  draft = await renderDocx(draftDoc);
  signed = await renderDocx(signedDoc);
  website = await renderDocx(websiteDoc);
});

/** The rPr of every run whose text contains `text` (is `text`, with `exact`). */
const runProps = (xml: string, text: string, exact = false) =>
  [...xml.matchAll(/<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)]
    .filter((m) => (exact ? m[2] === text : m[2]!.includes(text)))
    .map((m) => m[1] ?? '');

/** The XML cells that are real cells (vertical-merge continuations left out). */
const ownCells = (row: XmlCell[]) => row.filter((c) => c.vMerge !== 'continue');

describe('renderDocx', () => {
  it('is a DOCX whose paragraphs carry the title, the headings and the prose in order', () => {
    expect(draft[0]).toBe(0x50); // PK: a zip file
    const paragraphs = xmlParagraphs(docxPart(signed, 'word/document.xml'));
    const expected = [...signedDoc.titleLines, ...SECTIONS.map(sectionHeading), '某某县清河镇人民政府', '2025年1月20日'];
    let at = -1;
    for (const text of expected) {
      const next = paragraphs.indexOf(text, at + 1);
      expect(next, text).toBeGreaterThan(at);
      at = next;
    }
    expect(paragraphs).toContain('修订完善主动公开目录，明确各办所公开职责。');
  });

  it('puts every table cell in its place, with the official merges', () => {
    const tables = xmlTables(docxPart(draft, 'word/document.xml'));
    const docTables: DocTable[] = [...tablesOf(draftDoc), draftDoc.approval!.table];
    expect(tables).toHaveLength(docTables.length);
    docTables.forEach((doc, t) => {
      const xml = tables[t]!;
      expect(xml.rows).toHaveLength(doc.rows.length);
      doc.rows.forEach((row, r) => {
        const cells = ownCells(xml.rows[r]!);
        expect(cells.map((c) => c.text), `${doc.id} row ${r}`).toEqual(row.map((c) => c.text));
        expect(cells.map((c) => c.gridSpan)).toEqual(row.map((c) => c.colSpan));
        expect(cells.map((c) => (c.vMerge === 'restart' ? 'restart' : null))).toEqual(row.map((c) => (c.rowSpan > 1 ? 'restart' : null)));
        // every row covers the whole grid, continuations included
        expect(xml.rows[r]!.reduce((n, c) => n + c.gridSpan, 0)).toBe(doc.widths.length);
      });
      // continuation cells: one per covered row of every row span
      const continuations = xml.rows.flat().filter((c) => c.vMerge === 'continue').length;
      expect(continuations).toBe(doc.rows.flat().reduce((n, c) => n + c.rowSpan - 1, 0));
    });
  });

  it('gives every table a grid that fills the 156 mm type area, and cell widths that match it', () => {
    expect(TEXT_WIDTH).toBe(11906 - convertMillimetersToTwip(28) - convertMillimetersToTwip(26));
    expect(Math.abs(TEXT_WIDTH - convertMillimetersToTwip(156))).toBeLessThanOrEqual(2);
    for (const table of xmlTables(docxPart(draft, 'word/document.xml'))) {
      expect(table.gridCols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      for (const row of table.rows) expect(row.reduce((n, c) => n + c.width, 0)).toBe(TEXT_WIDTH);
    }
    expect(docxPart(draft, 'word/document.xml')).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
    expect(gridWidths([1, 1, 1], 100)).toEqual([34, 33, 33]);
  });

  it('repeats the header rows of 表三 and 表四 on each page and never splits a row', () => {
    const xml = docxPart(draft, 'word/document.xml');
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    // 表三 and 表四 have three header rows each; 表二 has none
    expect(rows.filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(6);
  });

  it('names the 公文 fonts for East Asian text, with Times New Roman for Latin and fallbacks in the font table', () => {
    const xml = docxPart(draft, 'word/document.xml');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/w:ascii="Times New Roman"[^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toContain('<w:lang w:eastAsia="zh-CN"/>');
    // 三号 body, 二号 title, the three tables in 小五
    for (const size of [32, 44, 18]) expect(xml).toContain(`<w:sz w:val="${size}"/>`);
    expect(xml).not.toContain('<w:sz w:val="21"/>');
    expect(xml).toContain('w:line="560" w:lineRule="exact"');
    expect(xml).toContain('w:firstLineChars="200"');
    // Latin words (web addresses, e-mail) may break inside a justified CJK line
    expect(xml).toContain('<w:wordWrap w:val="0"/>');
    // the 落款 has no automatic CJK/number spacing, which its indents do not allow for
    expect(xml.match(/<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/g)).toHaveLength(2);
    const styles = docxPart(draft, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"/);
    const fonts = docxPart(draft, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });

  it('sets A4 and the GB/T 9704 margins in every section', () => {
    const xml = docxPart(draft, 'word/document.xml');
    const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(margins).toHaveLength(2); // the report and the 审批单
    const mm = convertMillimetersToTwip;
    for (const m of margins) {
      expect(m).toContain(`w:top="${mm(37)}"`);
      expect(m).toContain(`w:bottom="${mm(35)}"`);
      expect(m).toContain(`w:left="${mm(28)}"`);
      expect(m).toContain(`w:right="${mm(26)}"`);
    }
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });

  it('numbers pages 「— N —」, odd pages right and even pages left, with odd/even footers switched on', () => {
    expect(docxPart(draft, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const document = docxPart(draft, 'word/document.xml');
    const rels = docxPart(draft, 'word/_rels/document.xml.rels');
    const footerFile = (type: 'default' | 'even') => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(document)![1];
      return `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]}`;
    };
    const odd = docxPart(draft, footerFile('default'));
    const even = docxPart(draft, footerFile('even'));
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toContain('>— </w:t>');
      expect(footer).toContain('> —</w:t>');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toMatch(/<w:ind w:left="280"\/>/);
  });

  it('draws the 「草稿」 watermark on drafts only', () => {
    const headers = (docx: Uint8Array) => Object.values(docxParts(docx, 'word/header')).join('');
    expect(headers(draft)).toContain('string="草稿"');
    expect(headers(draft)).toContain('PowerPlusWaterMarkObject');
    expect(headers(signed)).not.toContain('草稿');
  });

  it('prints version and short fingerprint in the footers of an internal copy only; the website copy has the page number alone', () => {
    const footers = Object.values(docxParts(signed, 'word/footer')).join('');
    expect(footers).toContain('第3版　校验码 C0FF-EE01-2345');
    expect(Object.values(docxParts(website, 'word/footer')).join('')).not.toContain('校验码');
    expect(Object.values(docxParts(draft, 'word/footer')).join('')).not.toContain('校验码');
  });

  it('makes Word take “ ” ‘ ’ — … from the Chinese font: w:hint="eastAsia" on every run', async () => {
    const sample = await renderDocx(buildDocument(sampleReport(), { draft: false }));
    for (const part of [docxPart(sample, 'word/document.xml'), docxPart(sample, 'word/styles.xml'), ...Object.values(docxParts(signed, 'word/footer'))]) {
      const fonts = [...part.matchAll(/<w:rFonts [^>]*\/>/g)].map((m) => m[0]);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f).toContain('w:hint="eastAsia"');
    }
    // the runs with quotation marks, dashes and ellipses among them
    for (const mark of ['“', '‘', '——', '……']) expect(runProps(docxPart(sample, 'word/document.xml'), mark).length, mark).toBeGreaterThan(0);
  });

  it('sets the title’s digits in the title face and the page number in 宋体, not in Times New Roman', () => {
    const xml = docxPart(draft, 'word/document.xml');
    const title = runProps(xml, '2024年政府信息公开工作年度报告', true);
    expect(title).toHaveLength(1);
    for (const props of title) {
      expect(props).toContain('w:ascii="方正小标宋简体"');
      expect(props).toContain('w:hAnsi="方正小标宋简体"');
    }
    const footer = Object.values(docxParts(draft, 'word/footer')).join('');
    expect(footer).toMatch(/<w:rFonts w:ascii="宋体"[^>]*w:eastAsia="宋体"/);
  });

  it('fits 28 characters to a line: body runs 0.25 pt tight (w:spacing -5), tables and title not', () => {
    const xml = docxPart(draft, 'word/document.xml');
    const body = runProps(xml, '修订完善主动公开目录');
    expect(body).toHaveLength(1);
    expect(body[0]).toContain('<w:spacing w:val="-5"/>');
    for (const heading of ['一、总体情况', '（一）主动公开', '1.制度建设']) expect(runProps(xml, heading)[0], heading).toContain('<w:spacing w:val="-5"/>');
    for (const other of ['规章', '某某县清河镇人民政府2024年']) for (const p of runProps(xml, other)) expect(p, other).not.toContain('w:spacing');
  });

  it('lets Latin text break inside a word in every body paragraph (Word and WPS: 允许西文在单词中间换行)', () => {
    const xml = docxPart(draft, 'word/document.xml');
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const withEmail = paragraphs.filter((p) => p.includes('qhz@example.gov.cn'));
    expect(withEmail.length).toBeGreaterThan(0);
    for (const p of withEmail) expect(p).toContain('<w:wordWrap w:val="0"/>');
  });

  it('keeps 表二 and 表四 whole and 表三’s header and first three rows with the heading (keepNext)', () => {
    const tables = [...docxPart(draft, 'word/document.xml').matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    const kept = (t: string) => [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => /<w:keepNext\/>/.test(r[1]!));
    const [t2, t3, t4] = tables.map(kept);
    expect(t2!.slice(0, -1).every(Boolean)).toBe(true);
    expect(t4!.slice(0, -1).every(Boolean)).toBe(true);
    expect(t3!.slice(0, 6)).toEqual([true, true, true, true, true, false]);
  });

  it('names the report, the agency and the program in the file’s properties, with the fingerprint of a signed copy', () => {
    const props = readDocxProperties(website);
    expect(props).toMatchObject({
      title: '某某县清河镇人民政府2024年政府信息公开工作年度报告',
      creator: '某某县清河镇人民政府',
      lastModifiedBy: '某某县清河镇人民政府',
      application: `年报助手 ${APP_VERSION}`,
      company: '某某县清河镇人民政府',
      NianbaoFingerprint: 'sha256:c0ffee0123456789abcdef',
      NianbaoVersion: '第3版',
    });
    expect(JSON.stringify(props)).not.toContain('Un-named');
    expect(readDocxProperties(draft).NianbaoFingerprint).toBeUndefined();
  });

  it('carries no styles it does not use (no blue Heading 1–6)', () => {
    const styles = docxPart(draft, 'word/styles.xml');
    const ids = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('Normal');
    for (const unused of ['Heading1', 'Heading6', 'Title', 'TOC1', 'Hyperlink']) expect(ids).not.toContain(unused);
    expect(styles).not.toMatch(/2E74B5|<w:color w:val="[0-9A-F]{6}"/i);
  });

  it('leaves the 审批单 without a page number', () => {
    const document = docxPart(draft, 'word/document.xml');
    const sections = [...document.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1]!);
    expect(sections).toHaveLength(2);
    const rels = docxPart(draft, 'word/_rels/document.xml.rels');
    const id = /<w:footerReference w:type="default" r:id="(\w+)"\/>/.exec(sections[1]!)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
    expect(docxPart(draft, `word/${target[1] ?? target[2]}`)).not.toContain('PAGE');
  });
});
