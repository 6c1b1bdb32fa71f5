import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../core/document/index.js';
import { closePdfRenderer, findChromium, fullBrowsers, HEADLESS_SHELL, renderDocumentPdf } from '../../../electron/export/pdf.js';
import { HAS_POPPLER, fullReport, pdfPages, pdfText, tempFolder } from './helpers.js';

/**
 * On Linux the PDF renderer prefers the old headless shell (much faster for a batch) and falls
 * back to the full browser, which is all a Windows clerk has. Whichever prints, the report must
 * break its lines and pages the same: the two builds differ in how they squeeze full-width
 * punctuation unless the print CSS says (text-spacing-trim).
 */

const SHELL = HEADLESS_SHELL;
const FULL = findChromium(fullBrowsers());
const HAS_SHELL = process.platform === 'linux' && existsSync(SHELL);

describe('which browser prints', () => {
  it.skipIf(!HAS_SHELL || Boolean(process.env.NIANBAO_CHROMIUM))('the headless shell, where it is installed', () => {
    expect(findChromium()).toBe(SHELL);
  });
});

describe.skipIf(!HAS_SHELL || !FULL || !HAS_POPPLER)('the headless shell and the full browser print the same report', () => {
  const saved = process.env.NIANBAO_CHROMIUM;
  afterAll(async () => {
    await closePdfRenderer();
    if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
    else process.env.NIANBAO_CHROMIUM = saved;
  });

  async function printWith(browser: string, name: string): Promise<string> {
    await closePdfRenderer();
    process.env.NIANBAO_CHROMIUM = browser;
    const pdf = await renderDocumentPdf(buildDocument(fullReport(), { draft: false }));
    const file = join(tempFolder('nianbao-browsers-'), `${name}.pdf`);
    writeFileSync(file, pdf);
    return file;
  }

  it('line for line and page for page', async () => {
    const shell = await printWith(SHELL, 'shell');
    const full = await printWith(FULL!, 'full');
    expect(pdfPages(shell)).toBe(pdfPages(full));
    // without -layout: one line of text per printed line, so a different line break shows
    const lines = (file: string) => pdfText(file, false).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines(shell)).toEqual(lines(full));
    expect(lines(full).length).toBeGreaterThan(50);
  }, 120_000);
});
