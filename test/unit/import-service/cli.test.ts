import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../../core/report/index.js';
import { runCli } from '../cli/run-cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { expectedCells, SEED_EXPECTED } from '../import/expected.js';
import { noise } from '../import/render.js';

/**
 * `nianbao import FILE [--json]`: stdout is a valid report file with --json (warnings on stderr),
 * a readable summary without; exit 2 with the reason when nothing could be read.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHAPES = path.join(ROOT, 'test/fixtures/import');

function importJson(file: string) {
  const run = runCli(['import', file, '--json']);
  expect(run.code, run.stderr).toBe(0);
  const parsed = parseReportFile(run.stdout);
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.warnings).toEqual([]);
  return { report: parsed.report, stderr: run.stderr };
}

describe('our shape fixtures', () => {
  it.each(Object.keys(SEED_EXPECTED))('shape-%s: every figure, year and format', (id) => {
    const expected = SEED_EXPECTED[id]!;
    const { report, stderr } = importJson(path.join(SHAPES, `shape-${id}.txt`));
    expect(report.cells).toEqual(expectedCells(expected));
    expect(report).toMatchObject({ format: expected.format, year: expected.year, origin: 'imported' });
    expect(Object.keys(report.sections).length).toBeGreaterThan(0);
    if (expected.format === 'free') expect(stderr).toMatch(/^注意：.*自由格式/m);
  });

  it('without --json: a readable summary with the tables; --out saves the report file', () => {
    const out = path.join(tmpDir(), '云溪市2023.nianbao.json');
    const run = runCli(['import', path.join(SHAPES, 'shape-003.txt'), '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('云溪市人民政府 2023 年政府信息公开工作年度报告');
    expect(run.stdout).toMatch(/四、结转下年度继续办理：22 {2}0 {2}0 {2}0 {2}0 {2}0 {2}22/);
    expect(run.stdout).toContain('已保存报告文件');
    const saved = parseReportFile(fs.readFileSync(out, 'utf8'));
    expect(saved.ok && saved.report.cells['t3.r4.np']).toBe(22);
  });

  it('marks uncertain rows and names them on stderr', () => {
    // a site's text export: 表二's 规章 row is 「5012」, which reads 5|0|12 or 50|1|2 — nothing to choose by
    const file = path.join(tmpDir(), '报告.txt');
    fs.writeFileSync(file, '松岭镇人民政府2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容本年制发件数本年废止件数现行有效件数规章5012行政规范性文件303\n');
    const { stderr } = importJson(file);
    expect(stderr).toMatch(/没有把握读对.*表二「规章」/);
  });

  it('several files or a folder: one line per file, a total, --json --out writes one report file each', () => {
    const dir = tmpDir();
    for (const id of ['000', '003']) fs.copyFileSync(path.join(SHAPES, `shape-${id}.txt`), path.join(dir, `shape-${id}.txt`));
    fs.writeFileSync(path.join(dir, '坏文件.pdf'), 'not a pdf');
    const out = path.join(tmpDir(), '报告文件');
    const run = runCli(['import', dir, '--json', '--out', out]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('shape-003'))).toMatch(/2023 年 云溪市人民政府（2021 年版）读到 \d+ 格，没有把握 0 格，规则错误 \d+ 条 → /);
    expect(lines.find((l) => l.includes('坏文件.pdf'))).toContain('无法导入：');
    expect(lines.at(-1)).toBe(`共 3 个文件：读到 2 份报告（${lines.join('').match(/读到 (\d+) 格/g)!.map((m) => Number(m.slice(3, -2))).reduce((a, b) => a + b)} 格数字），1 个无法导入`);
    const saved = parseReportFile(fs.readFileSync(path.join(out, 'shape-003.nianbao.json'), 'utf8'));
    expect(saved.ok && saved.report.cells).toEqual(expectedCells(SEED_EXPECTED['003']!));
  });
});

describe('bad inputs exit 2 with the reason', () => {
  const dir = () => tmpDir();
  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir(), name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it.each([
    ['an empty file', () => write('报告.txt', new Uint8Array(0)), '空'],
    ['binary garbage', () => write('报告.txt', noise(64 * 1024)), '无法识别'],
    ['a .docx that is not a zip', () => write('报告.docx', strToU8('不是 Word 文件')), '不是 Word 文件'],
    ['a zip bomb', () => write('报告.docx', zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 })), '压缩炸弹'],
    ['a picture', () => write('表格.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), '图片'],
    ['a text with no report in it', () => write('说明.txt', strToU8('这是一段与年报无关的说明文字。\n')), '没有找到报告年度'],
    ['a missing file', () => path.join(dir(), '没有这个文件.html'), '文件不存在'],
  ])('%s', (_name, make, word) => {
    const file = make();
    const run = runCli(['import', file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`无法导入 ${file}：`);
    expect(run.stderr).toContain(word);
  });

  it('a 50 MB file is refused by its size, without being read', () => {
    const file = path.join(dir(), '大文件.html');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '<html>', 0);
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const t0 = Date.now();
    const run = runCli(['import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('50.0 MB');
    // a hang guard only (reading 50 MB would take far longer than starting the command); on a busy
    // machine the start alone can take many seconds, so the bound is loose
    expect(Date.now() - t0).toBeLessThan(60_000);
  });

  it('no file given', () => {
    expect(runCli(['import'])).toMatchObject({ code: 2, stderr: expect.stringContaining('请给出要导入的文件') });
  });
});
