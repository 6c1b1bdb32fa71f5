import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../core/document/index.js';
import type { ReportData } from '../../../core/report/index.js';
import { renderDocx } from '../../../electron/export/docx.js';
import {
  HAS_POPPLER,
  HAS_SOFFICE,
  availableSeeds,
  fullReport,
  itCarriesTheReport,
  type PdfCase,
  missingInOrder,
  pdfText,
  sofficeToPdf,
  squash,
  tablesOf,
  tempFolder,
} from './helpers.js';

/**
 * The DOCX opened by a real word processor: LibreOffice converts it to PDF, and the PDF's text
 * must carry every heading and every figure of the three tables, in order.
 */

/** Light grey pixels of one page at 30 dpi: the 「草稿」 watermark is the only large grey area. */
function greyPixels(pdf: string, page: number): number {
  const out = join(tempFolder('nianbao-grey-'), 'p');
  execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
  const data = readFileSync(`${out}.pgm`);
  const header = /^P5\s+\d+\s+\d+\s+\d+\s/.exec(data.subarray(0, 40).toString('latin1'))!;
  return data.subarray(header[0].length).filter((v) => v >= 180 && v <= 235).length;
}

const skip = !HAS_SOFFICE || !HAS_POPPLER;

describe.skipIf(skip)('DOCX through LibreOffice (soffice, pdftotext)', () => {
  const cases: PdfCase[] = [];

  beforeAll(() => {
    const folder = tempFolder('nianbao-lo-');
    const inputs: { name: string; report: ReportData; draft: boolean; fingerprint?: string }[] = [
      { name: 'own-draft', report: fullReport(), draft: true },
      { name: 'own-signed', report: fullReport(), draft: false, fingerprint: 'c0ffee0123456789' },
      { name: 'own-2019', report: fullReport('2019'), draft: false },
      ...availableSeeds().map((s) => ({ name: s.name, report: s.report, draft: false })),
    ];
    const docx: string[] = [];
    return (async () => {
      for (const input of inputs) {
        const doc = buildDocument(input.report, {
          draft: input.draft,
          ...(input.fingerprint ? { fingerprint: input.fingerprint, versionLabel: '第1版', footerFingerprint: true } : {}),
        });
        const file = join(folder, `${input.name}.docx`);
        writeFileSync(file, await renderDocx(doc));
        docx.push(file);
        cases.push({ name: input.name, report: input.report, doc, pdf: '' });
      }
      sofficeToPdf(docx, folder).forEach((pdf, i) => (cases[i]!.pdf = pdf));
    })();
  }, 180_000);

  itCarriesTheReport(cases);

  it('shows the row labels of 表三 in order', () => {
    const own = cases.find((c) => c.name === 'own-signed')!;
    const text = squash(pdfText(own.pdf));
    // the one-line labels of single cells (longer ones wrap, and merged ones sit beside several rows)
    const labels = tablesOf(own.doc)[1]!
      .rows.flat()
      .filter((c) => c.role === 'label' && c.colSpan === 1 && c.rowSpan === 1 && c.text.length < 12)
      .map((c) => c.text);
    expect(labels.length).toBeGreaterThanOrEqual(9);
    expect(missingInOrder(text, labels)).toBeNull();
  });

  it('draws the 「草稿」 watermark on a draft and not on a signed copy', () => {
    const draft = cases.find((c) => c.name === 'own-draft')!;
    const signed = cases.find((c) => c.name === 'own-signed')!;
    // LibreOffice draws the watermark as a shape, not as text: compare the grey area of page 1
    expect(greyPixels(draft.pdf, 1)).toBeGreaterThan(greyPixels(signed.pdf, 1) + 1500);
  });
});

if (skip) {
  describe('DOCX through LibreOffice', () => {
    it.skip(`skipped: ${HAS_SOFFICE ? '' : 'soffice (LibreOffice) '}${HAS_POPPLER ? '' : 'pdftotext/pdfinfo (poppler-utils) '}not installed`, () => {});
  });
}
