import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, BODY_PT, MARGIN_MM, type ReportDocument } from '../../../core/document/index.js';
import { charEm, NO_END, NO_START } from '../../../core/document/wrap.js';
import { sectionHeading, SECTIONS } from '../../../core/format/index.js';
import type { ReportData } from '../../../core/report/index.js';
import { renderDocx } from '../../../electron/export/docx.js';
import { closePdfRenderer, findChromium, renderDocumentPdf } from '../../../electron/export/pdf.js';
import { readPdfInfo } from '../../../electron/export/pdf-info.js';
import { APP_VERSION } from '../../../electron/export/version.js';
import { sampleReport } from '../../fixtures/export/sample-report.js';
import { HAS_POPPLER, HAS_SOFFICE, sofficeToPdf, tempFolder } from './helpers.js';
import { isWide, pdfGlyphs, pdfLines, PT_PER_MM, type PdfGlyph, type PdfLine } from './pdf-read.js';

/**
 * The printed page as a reviewer looks at it, read back from the PDF: glyph widths, characters
 * to a line, how lines are filled, how table labels wrap, where tables break, what the footer
 * and the file's properties say. Both routes: the PDF the app prints (print view → Chromium)
 * and the DOCX as a word processor lays it out (LibreOffice).
 */

const FINGERPRINT = 'sha256:c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789';
const HEADING = (n: number) => sectionHeading(SECTIONS[n]!);

interface Case {
  name: string;
  doc: ReportDocument;
  pdf: string;
}

/** The website copy of a signed report: page numbers only in the footer. */
function websiteCopy(report: ReportData): ReportDocument {
  return buildDocument(report, { draft: false, fingerprint: FINGERPRINT, versionLabel: '第1版', approvalSheet: true });
}

/** The sample report with `lines` more lines of prose in 一、 so that the tables fall elsewhere on their pages. */
function shifted(lines: number): ReportData {
  const report = sampleReport();
  const filler = Array.from({ length: lines }, (_, i) => `第${i + 1}项补充说明：本镇持续做好政务公开日常工作。`);
  report.sections.s1 = `${report.sections.s1}\n${filler.join('\n')}`;
  return report;
}

const LEFT = MARGIN_MM.left * PT_PER_MM;
const RIGHT = (210 - MARGIN_MM.right) * PT_PER_MM;
const FOOT = (297 - MARGIN_MM.bottom) * PT_PER_MM;
const squash = (s: string) => s.replace(/\s+/g, '');

/** Whether a line is in the footer, below the type area. */
const inFooter = (l: PdfLine) => l.yMin > FOOT;

/**
 * Lines of body text: they start at the left edge of the type area, or two characters in (first
 * lines, headings). Table cells start inside their borders; footers are below the type area.
 */
function bodyLines(lines: PdfLine[]): PdfLine[] {
  const indent = 2 * BODY_PT;
  return lines.filter((l) => !inFooter(l) && (Math.abs(l.xMin - LEFT) < 1.5 || Math.abs(l.xMin - LEFT - indent) < 2));
}

/** Whether a line reaches the right edge of the type area (a full line, not a paragraph's last). */
const full = (l: PdfLine) => RIGHT - l.xMax < 2.5;

/** Lines between the line that starts with `from` and the next one that starts with `to`. */
function between(lines: PdfLine[], from: string, to: string): PdfLine[] {
  const start = lines.findIndex((l) => squash(l.text).startsWith(from));
  const end = lines.findIndex((l, i) => i > start && squash(l.text).startsWith(to));
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return lines.slice(start + 1, end);
}

/** The page of the first line that contains `text`, after the line that starts with `after`. */
const pageOf = (lines: PdfLine[], text: string, after?: string): number => {
  const from = after ? lines.findIndex((l) => squash(l.text).startsWith(after)) : 0;
  const line = lines.slice(from).find((l) => squash(l.text).includes(text));
  expect(line, text).toBeDefined();
  return line!.page;
};

/** The checks both routes must pass. `get` returns the cases once beforeAll has made them. */
function itPrintsAGongwen(route: 'pdf' | 'libreoffice', get: () => { main: Case[]; shifted: Case[] }): void {
  it('sets “ ” ‘ ’ — … full width, from the Chinese face', async () => {
    for (const c of get().main) {
      const glyphs = await pdfGlyphs(c.pdf);
      const marks = glyphs.filter((g) => '“”‘’—…'.includes(g.unicode));
      expect(marks.length, c.name).toBeGreaterThanOrEqual(20);
      const narrow = marks.filter((g) => g.width < 850 || /Tinos|Times|Liberation/i.test(g.font));
      expect(narrow.map((g: PdfGlyph) => `${g.unicode} ${g.width} ${g.font}`), c.name).toEqual([]);
    }
  });

  it('sets 28 characters to a line of body text', () => {
    for (const c of get().main) {
      const lines = bodyLines(pdfLines(c.pdf));
      let checked = 0;
      lines.forEach((l, i) => {
        const chars = [...squash(l.text)];
        // full lines of Chinese text only (figures and Latin letters have widths of their own)
        if (!full(l) || !chars.every(isWide)) return;
        const indented = l.xMin - LEFT > BODY_PT;
        // 28 to a line, 26 after the two-character indent; one fewer where 禁则 moved a character
        // down: the next line would have started with 、。， (its first or second character is one),
        // or this one would have ended with （“ (the next starts with one)
        const next = [...squash(lines[i + 1]?.text ?? '')];
        const kinsoku = NO_START.has(next[0] ?? '') || NO_START.has(next[1] ?? '') || NO_END.has(next[0] ?? '');
        // LibreOffice ignores Word's 「允许西文在单词中间换行」: before a long address it still
        // spreads the line (the PDF is checked for that below; Word and WPS honour it)
        if (route === 'libreoffice' && /^（?[A-Za-z0-9@._:/-]{12}/.test(next.join(''))) return;
        const expected = indented ? 26 : 28;
        expect([expected, ...(kinsoku ? [expected - 1] : [])], `${c.name} p.${l.page}: ${l.text}`).toContain(chars.length);
        checked++;
      });
      expect(checked, c.name).toBeGreaterThanOrEqual(15);
    }
  });

  it('leaves no single character on a line of a 表三 label', () => {
    for (const c of get().main) {
      const table = between(pdfLines(c.pdf), HEADING(2), HEADING(3)).filter((l) => !inFooter(l));
      const lone = table.flatMap((l) => l.words).filter((w) => [...w.text].length === 1 && isWide(w.text));
      expect(lone.map((w) => w.text), c.name).toEqual([]);
    }
  });

  it('keeps each table with its heading and first rows, wherever it falls', () => {
    const pages = new Set<string>();
    for (const c of get().shifted) {
      const lines = pdfLines(c.pdf);
      // 表二 and 表四 are never split; 表三 keeps its header and first rows with the heading
      const t2 = pageOf(lines, HEADING(1));
      expect([pageOf(lines, '第二十条第（一）项'), pageOf(lines, '行政事业性收费')], `${c.name} 表二`).toEqual([t2, t2]);
      const t3 = pageOf(lines, HEADING(2));
      expect([pageOf(lines, '申请人情况'), pageOf(lines, '（一）予以公开')], `${c.name} 表三`).toEqual([t3, t3]);
      const t4 = pageOf(lines, HEADING(3));
      expect([pageOf(lines, '行政复议', HEADING(3)), pageOf(lines, '总计', HEADING(3))], `${c.name} 表四`).toEqual([t4, t4]);
      pages.add(`${t2}/${t3}`);
    }
    // the variants really put the tables in different places
    expect(pages.size).toBeGreaterThanOrEqual(2);
  });

  it('prints only 「— N —」 in the footer of the website copy', () => {
    const c = get().main[0]!;
    const footer = pdfLines(c.pdf).filter(inFooter);
    expect(footer.length).toBeGreaterThanOrEqual(3);
    for (const l of footer) expect(l.text.replace(/\s+/g, ''), `page ${l.page}`).toMatch(/^—\d+—$/);
  });

  it('prints the unit of 2019 采购总金额 and one type size in the three tables', () => {
    const c = get().main.find((x) => x.name.includes('2019'))!;
    const lines = pdfLines(c.pdf);
    const squashed = lines.map((l) => l.text.replace(/\s+/g, '')).join('');
    expect(squashed).toContain('采购总金额（单位：万元）');
    const height = (text: string) => {
      const l = lines.find((x) => x.text.replace(/\s+/g, '') === text);
      expect(l, text).toBeDefined();
      return l!.yMax - l!.yMin;
    };
    const t2 = height('第二十条第（一）项');
    expect(Math.abs(height('申请人情况') - t2)).toBeLessThan(0.5);
    expect(Math.abs(height('行政复议') - t2)).toBeLessThan(0.5);
  });

  if (route === 'pdf') {
    it('lets long web addresses, e-mails and phone numbers break instead of spreading the line before them', () => {
      for (const c of get().main) {
        // every line that reaches the right edge is filled with characters, not with space between them
        const spread = bodyLines(pdfLines(c.pdf))
          .filter(full)
          .map((l) => ({ text: l.text, ratio: (l.xMax - l.xMin) / ([...l.text.replace(/\s+/g, '')].reduce((w, ch) => w + charEm(ch), 0) * BODY_PT) }));
        expect(spread.filter((s) => s.ratio > 1.12).map((s) => `${s.ratio.toFixed(2)} ${s.text}`), c.name).toEqual([]);
        expect(spread.length).toBeGreaterThan(20);
      }
    });

    it('sets the page numbers in 宋体 and the title’s year in the title face, not in Times New Roman', async () => {
      const c = get().main[0]!;
      const glyphs = await pdfGlyphs(c.pdf);
      const fontOf = (unicode: string, from: number) => glyphs.slice(from).find((g) => g.unicode === unicode)!.font;
      // the first glyphs drawn on page 1: the page number's box comes first in Chromium's output, then the title
      const number = glyphs.findIndex((g) => g.page === 1 && /\d/.test(g.unicode));
      expect(fontOf('1', number)).toMatch(/NotoSerifSC/);
      const title = glyphs.findIndex((g) => g.unicode === '某');
      const year = glyphs.slice(title).find((g) => g.unicode === '2')!;
      // the same face (Chromium may embed it as several subsets: the tag before 「+」 differs)
      const face = (font: string) => font.replace(/^[A-Z]{6}\+/, '');
      expect(face(year.font)).toBe(face(glyphs[title]!.font));
    });

    it('names the report, the agency and the program in the PDF’s properties, and carries the fingerprint', () => {
      const c = get().main[0]!;
      const info = execFileSync('pdfinfo', [c.pdf], { encoding: 'utf8' });
      expect(info).toMatch(/^Title:\s+某某县清河镇人民政府2024年政府信息公开工作年度报告$/m);
      expect(info).toMatch(/^Author:\s+某某县清河镇人民政府$/m);
      expect(info).toMatch(new RegExp(`^Creator:\\s+年报助手 ${APP_VERSION.replace(/\./g, '\\.')}$`, 'm'));
      expect(info).not.toMatch(/HeadlessChrome|Mozilla/);
      expect(readPdfInfo(new Uint8Array(readFileSync(c.pdf)))).toMatchObject({
        NianbaoFingerprint: FINGERPRINT,
        NianbaoVersion: '第1版',
      });
    });
  }
}

const CHROMIUM = findChromium();

/** The tables shifted down the pages by 0, 3, … lines of prose. */
const SHIFTS = [0, 3, 6, 9, 12, 15, 18];

describe.skipIf(!CHROMIUM || !HAS_POPPLER)('the printed page: PDF from the print view', () => {
  const cases = { main: [] as Case[], shifted: [] as Case[] };
  beforeAll(async () => {
    const folder = tempFolder('nianbao-page-pdf-');
    const make = async (name: string, doc: ReportDocument) => {
      const pdf = join(folder, `${name}.pdf`);
      writeFileSync(pdf, await renderDocumentPdf(doc));
      return { name, doc, pdf };
    };
    cases.main.push(await make('sample-2021', websiteCopy(sampleReport('2021'))));
    cases.main.push(await make('sample-2019', websiteCopy(sampleReport('2019'))));
    for (const n of SHIFTS) cases.shifted.push(await make(`shift-${n}`, buildDocument(shifted(n), { draft: false })));
  }, 180_000);
  afterAll(() => closePdfRenderer());

  itPrintsAGongwen('pdf', () => cases);
});

describe.skipIf(!HAS_SOFFICE || !HAS_POPPLER)('the printed page: DOCX through LibreOffice', () => {
  const cases = { main: [] as Case[], shifted: [] as Case[] };
  beforeAll(async () => {
    const folder = tempFolder('nianbao-page-lo-');
    const inputs: { name: string; doc: ReportDocument; shifted: boolean }[] = [
      { name: 'sample-2021', doc: websiteCopy(sampleReport('2021')), shifted: false },
      { name: 'sample-2019', doc: websiteCopy(sampleReport('2019')), shifted: false },
      ...SHIFTS.map((n) => ({ name: `shift-${n}`, doc: buildDocument(shifted(n), { draft: false }), shifted: true })),
    ];
    const files: string[] = [];
    for (const input of inputs) {
      const file = join(folder, `${input.name}.docx`);
      writeFileSync(file, await renderDocx(input.doc));
      files.push(file);
    }
    sofficeToPdf(files, folder).forEach((pdf, i) => {
      const input = inputs[i]!;
      (input.shifted ? cases.shifted : cases.main).push({ name: input.name, doc: input.doc, pdf });
    });
  }, 240_000);

  itPrintsAGongwen('libreoffice', () => cases);
});
