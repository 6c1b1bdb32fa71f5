import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReportFile, type ReportData } from '../../../core/report/index.js';
import { findChromium } from '../../../electron/export/pdf.js';
import { readDocxProperties } from '../../../electron/export/docx-properties.js';
import { readPdfInfo } from '../../../electron/export/pdf-info.js';
import { runCli } from '../cli/run-cli.js';
import { docxParts, HAS_POPPLER, pdfText, squash } from '../export/helpers.js';
import { tmpDir } from '../helpers/tmp.js';
import { SIGNOFF, signableReport } from './setup.js';

/** A report file written from the store's report: passes the gate as it is. */
async function reportFile(cells: Record<string, number> = {}): Promise<{ file: string; dir: string }> {
  const { handlers, reportId, store } = await signableReport(cells);
  const { data } = await handlers['report.open']({ reportId });
  store.close();
  const dir = tmpDir();
  const file = path.join(dir, 'qinghe-2024.nianbao.json');
  fs.writeFileSync(file, serializeReportFile({ ...data, signoff: { ...SIGNOFF } } as ReportData));
  return { file, dir };
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('nianbao export — a report file', () => {
  it('a final export with an error refuses with exit 1, listing it, and writes nothing; --draft works', async () => {
    const { file, dir } = await reportFile({ 't3.r3_1.np': 9 });
    const out = path.join(dir, 'final.docx');
    const refused = runCli(['export', file, '--format', 'docx', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不能导出正式版');
    expect(refused.stderr).toContain('A-3');
    expect(refused.stderr).toContain('--draft');
    expect(fs.existsSync(out)).toBe(false);

    const draftOut = path.join(dir, 'draft.docx');
    const draft = runCli(['export', file, '--format', 'docx', '--out', draftOut, '--draft']);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stdout).toContain('已导出草稿');
    const headers = Object.values(docxParts(fs.readFileSync(draftOut), 'word/header')).join('');
    expect(headers).toContain('string="草稿"');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a final export of a clean file has the figures and the fingerprint, no watermark', async () => {
    const { file, dir } = await reportFile();
    const out = path.join(dir, '年度报告.docx');
    // --format follows the extension when left out
    const run = runCli(['export', file, '--out', out, '--approval']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/校验码 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
    const docx = fs.readFileSync(out);
    expect(Object.values(docxParts(docx, 'word/header')).join('')).not.toContain('草稿');
    // the website copy: the fingerprint in the properties and on the 审批单, not in the footer
    expect(Object.values(docxParts(docx, 'word/footer')).join('')).not.toContain('校验码');
    expect(readDocxProperties(docx).NianbaoFingerprint).toMatch(/^sha256-2:[0-9a-f]{64}$/);
    const internal = path.join(dir, '存档.docx');
    expect(runCli(['export', file, '--out', internal, '--footer-fingerprint']).code).toBe(0);
    expect(Object.values(docxParts(fs.readFileSync(internal), 'word/footer')).join('')).toContain('校验码');
    const body = docxParts(docx, 'word/document.xml')['word/document.xml']!;
    expect(body).toContain('>1288<');
    expect(body).toContain('审批单');
  }, 120_000); // several runs of the command line from the sources

  it('bad output paths: a missing folder, a folder, a file used as a folder — a clear message, exit 2, nothing left', async () => {
    const { file, dir } = await reportFile();
    const missing = runCli(['export', file, '--draft', '--out', path.join(dir, 'no-such-folder', 'x.docx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/文件夹「.*no-such-folder」不存在/);

    const folder = runCli(['export', file, '--draft', '--format', 'docx', '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('是一个文件夹');

    const notAFolder = runCli(['export', file, '--draft', '--out', path.join(file, 'x.docx')]);
    expect(notAFolder.code).toBe(2);
    expect(notAFolder.stderr).toContain('不存在');

    const badFormat = runCli(['export', file, '--draft', '--out', path.join(dir, 'x.txt')]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format 应为 docx、pdf 或 xlsx');
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['qinghe-2024.nianbao.json']);
  }, 120_000); // several runs of the command line from the sources

  it('no Chromium, Chrome or Edge: says what to install, exit 2, no file', async () => {
    const { file, dir } = await reportFile();
    const out = path.join(dir, 'x.pdf');
    const run = runCli(['export', file, '--draft', '--out', out], { NIANBAO_CHROMIUM: path.join(dir, 'no-browser-here') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到可用于生成 PDF 的浏览器');
    expect(run.stderr).toContain('Microsoft Edge');
    expect(fs.existsSync(out)).toBe(false);
  });

  it.skipIf(!findChromium() || !HAS_POPPLER)('PDF: the headings and the figures', async () => {
    const { file, dir } = await reportFile();
    const out = path.join(dir, 'final.pdf');
    const run = runCli(['export', file, '--format', 'pdf', '--out', out, '--footer-fingerprint']);
    expect(run.code, run.stderr).toBe(0);
    const text = squash(pdfText(out));
    expect(text).toContain('一、总体情况');
    expect(text).toContain('六、其他需要报告的事项');
    expect(text).toContain('1288');
    expect(text).toContain('校验码');
    expect(readPdfInfo(new Uint8Array(fs.readFileSync(out))).NianbaoFingerprint).toMatch(/^sha256-2:/);
  });
});

describe('nianbao export — a report kept by the app (--agency --year)', () => {
  it('exports the latest signed version; refuses a final copy before sign-off; names a wrong agency or folder', async () => {
    const { handlers, reportId, dataDir, store } = await signableReport();
    const dir = tmpDir();
    const args = ['--agency', '某某县清河镇人民政府', '--year', '2024', '--data-dir', dataDir];

    const unsigned = runCli(['export', ...args, '--out', path.join(dir, 'a.docx')]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('还没有定稿');

    const draft = runCli(['export', ...args, '--draft', '--out', path.join(dir, 'draft.docx')]);
    expect(draft.code, draft.stderr).toBe(0);

    const { signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    store.close();
    const final = runCli(['export', ...args, '--out', path.join(dir, 'final.docx')]);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toContain(`第1版　校验码 ${signed.short}`);
    expect(readDocxProperties(fs.readFileSync(path.join(dir, 'final.docx'))).NianbaoFingerprint).toBe(signed.fingerprint);

    const wrongAgency = runCli(['export', '--agency', '某某乡人民政府', '--year', '2024', '--data-dir', dataDir, '--out', path.join(dir, 'b.docx')]);
    expect(wrongAgency.code).toBe(2);
    expect(wrongAgency.stderr).toContain('没有名为「某某乡人民政府」的机关。已有：某某县清河镇人民政府');

    const wrongYear = runCli(['export', '--agency', '某某县清河镇人民政府', '--year', '2023', '--data-dir', dataDir, '--out', path.join(dir, 'b.docx')]);
    expect(wrongYear.code).toBe(2);
    expect(wrongYear.stderr).toContain('还没有 2023 年的报告');

    const empty = tmpDir();
    const noStore = runCli(['export', '--agency', 'x', '--year', '2024', '--data-dir', empty, '--out', path.join(dir, 'b.docx')]);
    expect(noStore.code).toBe(2);
    expect(noStore.stderr).toContain('没有找到年报助手的数据');
    expect(fs.readdirSync(empty)).toEqual([]);
  }, 120_000); // several runs of the command line from the sources
});
