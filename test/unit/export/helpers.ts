import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getFormat, SECTIONS, sectionHeading, type FormatId } from '../../../core/format/index.js';
import { withTotals, type ReportData } from '../../../core/report/index.js';
import type { DocTable, ReportDocument } from '../../../core/document/index.js';
import { expect, it } from 'vitest';
import { SEED_FIXTURES, loadSeedFixture, seedFixturePath } from '../rules/seed-fixtures.js';

/**
 * A complete report of our own: every entered cell holds a different value (1000 + its place in
 * the format), so that a figure found in an output can only have come from its own cell.
 */
export function fullReport(format: FormatId = '2021'): ReportData {
  const cells: Record<string, number> = {};
  getFormat(format).cells.forEach((c, i) => {
    if (c.sumOf) return;
    cells[c.id] = c.kind === 'money' ? 1234567 + i : 1000 + i;
  });
  return {
    format,
    year: format === '2021' ? 2024 : 2020,
    agency: {
      name: '某某县清河镇人民政府',
      level: 'township',
      region: '某某省某某县',
      contact: { address: '清河镇人民路1号', postcode: '410300', phone: '0731-83000000', email: 'qhz@example.gov.cn' },
      website: 'www.example.gov.cn',
    },
    cells: withTotals(format, cells),
    sections: {
      s1: [
        '本年度，我镇认真落实条例要求，政务公开工作稳步推进。',
        '（一）主动公开',
        '全年通过门户网站主动公开各类信息，本年新收政府信息公开申请{{cell:t3.r1.total}}件。',
        '1.制度建设',
        '修订完善主动公开目录，明确各办所公开职责。',
        '（二）依申请公开',
        '严格按照法定时限答复，未发生因依申请公开引发的复议。',
      ].join('\n'),
      s5: '（一）存在的问题\n公开内容的及时性还需提高。\n（二）改进情况\n下一年度将加强培训，提升公开质量。',
      s6: '本年度未收取信息处理费。',
      note_t2: '注：本表数据来源于本镇各办所统计。',
    },
    notes: {},
    signoff: { preparer: '张某', reviewer: '李某', approver: '王某', date: '2025-01-20' },
    origin: 'app',
  };
}

/** Seed fixtures present right now (another engineer types them by hand; some may not exist yet). */
export function availableSeeds(): { name: string; report: ReportData }[] {
  return SEED_FIXTURES.filter((name) => existsSync(seedFixturePath(name))).map((name) => ({ name, report: loadSeedFixture(name) }));
}

export function headingsOf(report: ReportData): string[] {
  return report.format === 'free' ? [] : SECTIONS.map(sectionHeading);
}

export function tablesOf(doc: ReportDocument): DocTable[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/** Value texts of a table, row by row, left to right (blanks left out). */
export function valueTexts(table: DocTable): string[] {
  return table.rows.flatMap((row) => row.filter((c) => c.role === 'value' && c.text !== '').map((c) => c.text));
}

// ---------- DOCX read back ----------

export function docxPart(docx: Uint8Array, name: string): string {
  const part = unzipSync(docx)[name];
  if (!part) throw new Error(`${name} missing from the DOCX`);
  return strFromU8(part);
}

export function docxParts(docx: Uint8Array, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(docx))) if (name.startsWith(prefix)) out[name] = strFromU8(data);
  return out;
}

export interface XmlCell {
  text: string;
  gridSpan: number;
  /** 'restart' starts a vertical merge, 'continue' is a covered position */
  vMerge: 'restart' | 'continue' | null;
  width: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every table of a document.xml as rows of cells. */
export function xmlTables(xml: string): { gridCols: number[]; rows: XmlCell[][] }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const body = t[1]!;
    const gridCols = [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const rows = [...body.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c): XmlCell => {
        const tc = c[1]!;
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        return {
          text: decode([...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
          gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1),
          vMerge: vm ? (vm[1] === 'restart' ? 'restart' : 'continue') : null,
          width: Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(tc)?.[1] ?? NaN),
        };
      }),
    );
    return { gridCols, rows };
  });
}

/** Paragraph texts of a document.xml, in order. */
export function xmlParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) =>
    decode([...(m[1] ?? m[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

// ---------- tools ----------

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

export const HAS_SOFFICE = hasTool('soffice');
export const HAS_POPPLER = hasTool('pdftotext') && hasTool('pdfinfo');

export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * LibreOffice converts DOCX files to PDF in one run, with a private profile so that parallel
 * runs do not clash. Returns the PDF paths in the same order.
 */
export function sofficeToPdf(docxFiles: string[], outDir: string): string[] {
  const profile = tempFolder('nianbao-lo-profile-');
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles],
    { timeout: 120_000, stdio: 'ignore' },
  );
  return docxFiles.map((f) => {
    const pdf = join(outDir, basename(f).replace(/\.docx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF for ${basename(f)} (${readdirSync(outDir).join(', ')})`);
    return pdf;
  });
}

export function pdfText(pdf: string | Uint8Array, layout = true): string {
  const file = typeof pdf === 'string' ? pdf : join(tempFolder('nianbao-pdf-'), 'x.pdf');
  if (typeof pdf !== 'string') writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Text with all white space removed: PDF text breaks lines and spaces CJK text freely. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Whether `needles` occur in `haystack` in this order (each after the previous one).
 * Returns the first needle that is not found after its predecessor, or null.
 */
export function missingInOrder(haystack: string, needles: string[]): string | null {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return null;
}

/**
 * Whether the figures occur in this order among the numbers of a text (as whole numbers, so
 * that 「12」 is not found inside 「2012」). Returns the first figure not found, or null.
 */
export function missingFigure(text: string, figures: string[]): string | null {
  const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
  let i = 0;
  for (const figure of figures) {
    while (i < numbers.length && numbers[i] !== figure) i++;
    if (i >= numbers.length) return figure;
    i++;
  }
  return null;
}

// ---------- checks shared by the two PDF routes (LibreOffice from the DOCX, Chromium from the HTML) ----------

export interface PdfCase {
  name: string;
  report: ReportData;
  doc: ReportDocument;
  pdf: string;
}

/** The checks every PDF of a report must pass, whichever route made it. `cases` is filled in beforeAll. */
export function itCarriesTheReport(cases: readonly PdfCase[]): void {
  it('has 3–10 pages for every report, own and seed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const c of cases) {
      const pages = pdfPages(c.pdf);
      expect(pages, c.name).toBeGreaterThanOrEqual(3);
      expect(pages, c.name).toBeLessThanOrEqual(10);
    }
  });

  it('shows the title and every section heading, in order', () => {
    for (const c of cases) {
      expect(missingInOrder(squash(pdfText(c.pdf)), [...c.doc.titleLines, ...headingsOf(c.report)]), c.name).toBeNull();
    }
  });

  it('shows every figure of the three tables, in order', () => {
    for (const c of cases) {
      const text = pdfText(c.pdf);
      for (const table of tablesOf(c.doc)) expect(missingFigure(text, valueTexts(table)), `${c.name} ${table.id}`).toBeNull();
    }
  });

  it('numbers the pages 「— N —」 and prints version and fingerprint on the internal signed copy only', () => {
    const signed = cases.find((c) => c.name === 'own-signed')!;
    const text = squash(pdfText(signed.pdf));
    for (let n = 1; n <= pdfPages(signed.pdf); n++) expect(text).toContain(`—${n}—`);
    expect(text).toContain('第1版校验码C0FF-EE01-2345');
    expect(squash(pdfText(cases.find((c) => c.name === 'own-draft')!.pdf))).not.toContain('校验码');
  });
}
