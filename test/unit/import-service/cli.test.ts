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
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const SHAPES = path.join(ROOT, 'test/fixtures/import');

function importJson(file: string) {
  const run = runCli(['import', file, '--json']);
  expect(run.code, run.stderr).toBe(0);
  const parsed = parseReportFile(run.stdout);
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.warnings).toEqual([]);
  return { report: parsed.report, stderr: run.stderr };
}

describe.skipIf(!fs.existsSync(SEEDS))('the five published seeds (../shared/seeds)', () => {
  it.each(Object.keys(SEED_EXPECTED))('seed %s: every figure as published, in a valid report file', (id) => {
    const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(`${id}_`))!;
    const expected = SEED_EXPECTED[id]!;
    const { report } = importJson(path.join(SEEDS, file));
    expect(report.cells).toEqual(expectedCells(expected));
    expect(report).toMatchObject({ format: expected.format, year: expected.year, origin: 'imported', agency: { level: expected.level } });
  });
});

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
    // seed 001's shape: the labels of the sub-rows of （三）–（六） were lost in copying
    const { stderr } = importJson(path.join(SHAPES, 'shape-001.txt'));
    expect(stderr).toMatch(/没有把握读对.*表三「1\.属于国家秘密」/);
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
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it('no file given', () => {
    expect(runCli(['import'])).toMatchObject({ code: 2, stderr: expect.stringContaining('请给出要导入的文件') });
  });
});
