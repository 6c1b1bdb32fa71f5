import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReportFile, type ReportData } from '../../../core/report/index.js';
import { findChromium } from '../../../electron/export/pdf.js';
import { readPdfInfo } from '../../../electron/export/pdf-info.js';
import { runCli } from '../cli/run-cli.js';
import { docxParts, HAS_POPPLER, hasTool, pdfPages, pdfText, squash } from '../export/helpers.js';
import { tmpDir } from '../helpers/tmp.js';
import { SIGNOFF, signableReport } from './setup.js';

/**
 * `nianbao export` with several reports (issue 17): report files or a year's reports kept by the
 * app, written to --out-dir, one line each; a bad one is reported and the others still export.
 */

/** A clean report (passes the gate) as a file per agency name, plus the folder they are in. */
async function reportFiles(names: readonly string[], cells: Record<string, number> = {}): Promise<{ files: string[]; dir: string; data: ReportData }> {
  const { handlers, reportId, store } = await signableReport(cells);
  const { data } = await handlers['report.open']({ reportId });
  store.close();
  const dir = tmpDir();
  const files = names.map((name, i) => {
    const file = path.join(dir, `unit-${i + 1}.nianbao.json`);
    fs.writeFileSync(file, serializeReportFile({ ...data, agency: { ...data.agency, name }, signoff: { ...SIGNOFF } } as ReportData));
    return file;
  });
  return { files, dir, data: data as ReportData };
}

const pdfs = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();

/** A Chromium that writes a line to `log` each time it is started, then runs the real one. */
function countingBrowser(dir: string): { path: string; launches: () => number } {
  const log = path.join(dir, 'launches.log');
  const wrapper = path.join(dir, 'chromium-counting.sh');
  fs.writeFileSync(wrapper, `#!/bin/sh\necho started >> '${log}'\nexec '${findChromium()}' "$@"\n`, { mode: 0o755 });
  return { path: wrapper, launches: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0) };
}

describe('nianbao export — several reports at once (--out-dir)', () => {
  it.skipIf(!findChromium() || !HAS_POPPLER || process.platform === 'win32')(
    'PDFs of several files through one browser; a damaged file among them is named, the others exported, exit 2',
    async () => {
      const { files, dir } = await reportFiles(['某某县东岭镇人民政府', '某某县西坪乡人民政府', '某某县南湖街道办事处']);
      const bad = path.join(dir, 'damaged.nianbao.json');
      fs.writeFileSync(bad, '{"format": "2021", "year": 20');
      const out = path.join(dir, '导出');
      const browser = countingBrowser(dir);
      const run = runCli(['export', files[0]!, bad, files[1]!, files[2]!, '--draft', '--format', 'pdf', '--out-dir', out], { NIANBAO_CHROMIUM: browser.path });

      expect(run.code, run.stderr).toBe(2);
      // one line per report, in the order given, the bad one on the error output
      const done = run.stdout.split('\n').filter((l) => l.startsWith('已导出'));
      expect(done).toHaveLength(3);
      expect(done[0]).toContain('[1/4]');
      expect(done[0]).toContain('某某县东岭镇人民政府 2024 年');
      expect(done[2]).toContain('[4/4]');
      expect(run.stderr).toMatch(/没有导出 \[2\/4\] .*damaged\.nianbao\.json：无法读取/);
      expect(run.stderr).toContain('共 4 份报告，已导出 3 份，1 份没有导出');
      // named by agency and year, a draft as such
      expect(pdfs(out)).toEqual(
        ['某某县东岭镇人民政府', '某某县南湖街道办事处', '某某县西坪乡人民政府'].map((n) => `${n}2024年政府信息公开工作年度报告（草稿）.pdf`).sort(),
      );
      // each PDF is its own report
      const text = squash(pdfText(path.join(out, '某某县西坪乡人民政府2024年政府信息公开工作年度报告（草稿）.pdf')));
      expect(text).toContain('某某县西坪乡人民政府');
      expect(text).toContain('一、总体情况');
      expect(text).not.toContain('东岭镇');
      // three PDFs, one browser
      expect(browser.launches()).toBe(1);
      expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!findChromium() || !HAS_POPPLER || !hasTool('pdffonts'))(
    'a batch PDF is the PDF one report exported alone gives: same text, same pages, fonts embedded, fingerprint in its properties',
    async () => {
      // final copies, printed two at a time by the batch: each must come out exactly as it does alone
      const names = ['某某县东岭镇人民政府', '某某县西坪乡人民政府', '某某县南湖街道办事处', '某某县北山镇人民政府', '某某县清河镇人民政府'];
      const { files, dir } = await reportFiles(names);
      const out = path.join(dir, 'batch');
      const batch = runCli(['export', ...files, '--format', 'pdf', '--out-dir', out]);
      expect(batch.code, batch.stderr).toBe(0);
      for (const [i, name] of names.entries()) {
        const fromBatch = path.join(out, `${name}2024年政府信息公开工作年度报告.pdf`);
        const alone = path.join(dir, `alone-${i}.pdf`);
        const one = runCli(['export', files[i]!, '--format', 'pdf', '--out', alone]);
        expect(one.code, one.stderr).toBe(0);
        expect(pdfText(fromBatch), name).toBe(pdfText(alone));
        expect(pdfPages(fromBatch)).toBe(pdfPages(alone));
        expect(squash(pdfText(fromBatch))).toContain(name);
        for (const other of names.filter((n) => n !== name)) expect(squash(pdfText(fromBatch))).not.toContain(other);
        const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
        expect(fonts(fromBatch).length).toBe(fonts(alone).length);
        // every font embedded (the 'emb' column)
        for (const line of fonts(fromBatch)) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
        const info = readPdfInfo(fs.readFileSync(fromBatch));
        expect(info.NianbaoFingerprint).toMatch(/^sha256-2:[0-9a-f]{64}$/);
        expect(info.NianbaoFingerprint).toBe(readPdfInfo(fs.readFileSync(alone)).NianbaoFingerprint);
        expect(info.Title).toBe(readPdfInfo(fs.readFileSync(alone)).Title);
      }
    },
    240_000,
  );

  it('final copies: a report with an error is refused with its reasons, the clean ones are exported, exit 1; names never overwrite', async () => {
    const { files: clean, dir } = await reportFiles(['某某县东岭镇人民政府', '某某县东岭镇人民政府']);
    // （一）予以公开 larger than what was received
    const { files: wrong } = await reportFiles(['某某县北山镇人民政府'], { 't3.r3_1.np': 9 });
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '某某县东岭镇人民政府2024年政府信息公开工作年度报告.docx'), 'an older file');
    const run = runCli(['export', clean[0]!, wrong[0]!, clean[1]!, '--format', 'docx', '--out-dir', out]);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/没有导出 \[2\/3\] .*某某县北山镇人民政府 2024 年）：.*不能导出正式版/);
    expect(run.stderr).toContain('A-3');
    expect(run.stdout).toMatch(/已导出 \[1\/3\].*（正式版，DOCX，[\d.]+ KB，校验码 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}）/);
    // the file already there is kept; the two of the same agency and year get numbers
    const made = fs.readdirSync(out).sort();
    expect(made).toEqual([
      '某某县东岭镇人民政府2024年政府信息公开工作年度报告.docx',
      '某某县东岭镇人民政府2024年政府信息公开工作年度报告（2）.docx',
      '某某县东岭镇人民政府2024年政府信息公开工作年度报告（3）.docx',
    ]);
    expect(fs.readFileSync(path.join(out, made[0]!), 'utf8')).toBe('an older file');
    expect(Object.values(docxParts(fs.readFileSync(path.join(out, made[1]!)), 'word/header')).join('')).not.toContain('草稿');
  }, 120_000);

  it('a year of the reports kept by the app: each agency once; a named agency that is unknown is a line of its own', async () => {
    const { handlers, dataDir, store } = await signableReport();
    const other = await handlers['agency.create']({ agency: { name: '某某县人民政府办公室', level: 'department', region: '', website: '', contact: { address: '', postcode: '', phone: '', email: '' } } });
    await handlers['report.create']({ agencyId: other.id, year: 2024 });
    await handlers['report.create']({ agencyId: other.id, year: 2023 });
    store.close();
    const out = path.join(tmpDir(), 'county');

    const year = runCli(['export', '--year', '2024', '--data-dir', dataDir, '--draft', '--format', 'docx', '--out-dir', out]);
    expect(year.code, year.stderr).toBe(0);
    expect(year.stdout).toContain('共 2 份报告，已导出 2 份');
    expect(fs.readdirSync(out).sort()).toEqual(['某某县人民政府办公室2024年政府信息公开工作年度报告（草稿）.docx', '某某县清河镇人民政府2024年政府信息公开工作年度报告（草稿）.docx']);

    const agency = runCli(['export', '--agency', '某某县人民政府办公室', '--agency', '某某乡人民政府', '--data-dir', dataDir, '--draft', '--format', 'docx', '--out-dir', out]);
    expect(agency.code).toBe(2);
    expect(agency.stdout).toMatch(/已导出 \[1\/3\] 某某县人民政府办公室 2023 年报告/);
    expect(agency.stdout).toMatch(/已导出 \[2\/3\] 某某县人民政府办公室 2024 年报告 → .*（2）\.docx/);
    expect(agency.stderr).toContain('没有导出 [3/3] 某某乡人民政府：没有名为「某某乡人民政府」的机关');

    // unsigned reports have no final copy: refused, each said
    const final = runCli(['export', '--year', '2024', '--data-dir', dataDir, '--format', 'docx', '--out-dir', out]);
    expect(final.code).toBe(1);
    expect(final.stderr.match(/还没有定稿/g)).toHaveLength(2);

    const nothing = runCli(['export', '--year', '2019', '--data-dir', dataDir, '--format', 'docx', '--out-dir', out]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('没有 2019 年的报告');
  }, 240_000);

  it('asks for what is missing: a folder for several files, a format; a file given as the folder', async () => {
    const { files, dir } = await reportFiles(['某某县东岭镇人民政府', '某某县西坪乡人民政府']);
    const noDir = runCli(['export', ...files, '--draft', '--format', 'pdf', '--out', path.join(dir, 'a.pdf')]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('请用 --out-dir 指定');
    const noFormat = runCli(['export', ...files, '--draft', '--out-dir', dir]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('--format 应为 docx、pdf 或 xlsx');
    const fileAsDir = runCli(['export', ...files, '--draft', '--format', 'docx', '--out-dir', files[0]!]);
    expect(fileAsDir.code).toBe(2);
    expect(fileAsDir.stderr).toContain('是一个文件，不是文件夹');
  }, 180_000);
});
