import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021 } from '../../../core/format/index.js';
import { parseReportFile } from '../../../core/report/index.js';
import { tmpDir } from '../helpers/tmp.js';
import { runCli } from './run-cli.js';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'seeds');

describe('nianbao command line', () => {
  it('--help lists the commands in Chinese', () => {
    const { code, stdout } = runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('用法：nianbao <命令>');
    expect(stdout).toMatch(/format\s+打印报告格式定义/);
    expect(stdout).toMatch(/carry\s+/);
  });

  it('format --json prints both formats with every cell id and label', () => {
    const { code, stdout } = runCli(['format', '--json']);
    expect(code).toBe(0);
    const { formats } = JSON.parse(stdout) as { formats: { id: string; cells: { id: string; rowPath: string[] }[] }[] };
    const byId = Object.fromEntries(formats.map((f) => [f.id, f]));
    expect(byId['2021']!.cells.map((c) => c.id)).toEqual(FORMAT_2021.cells.map((c) => c.id));
    expect(byId['2019']!.cells.map((c) => c.id)).toEqual(FORMAT_2019.cells.map((c) => c.id));
    expect(stdout).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    // the rules with their class (as the window and the 定稿 gate word them), the new ones included, and the rates
    const { rules, rates } = JSON.parse(stdout) as { rules: { id: string; severity: string; classLabel: string }[]; rates: Record<string, { id: string; formula: string }[]> };
    for (const id of ['A-3', 'D-4', 'G-9', 'G-10', 'M-1', 'X-8', 'X-9']) expect(rules.map((r) => r.id)).toContain(id);
    expect(rules.find((r) => r.id === 'D-4')).toMatchObject({ severity: 'warning', classLabel: '必须改正' });
    expect(rules.find((r) => r.id === 'M-1')).toMatchObject({ classLabel: '需核对' });
    expect(rates['2021']!.find((r) => r.id === 'open-rate')?.formula).toContain('÷');
  });

  it('an unknown command exits 2 with the help', () => {
    const { code, stderr } = runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('没有「frobnicate」这个命令');
  });

  it('carry writes next year\'s report file', () => {
    const out = path.join(tmpDir(), '2024.nianbao.json');
    const { code, stdout } = runCli(['carry', path.join(FIXTURES, 'seed-003.nianbao.json'), '--year', '2024', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('t3.r2.np = 22');
    const parsed = parseReportFile(fs.readFileSync(out, 'utf8'));
    expect(parsed.ok && parsed.report.cells['t3.r2.np']).toBe(22);
    expect(parsed.ok && parsed.report.year).toBe(2024);
    expect(parsed.ok && parsed.report.carry?.fromYear).toBe(2023);
  });

  it('carry refuses a missing or broken file with exit code 2 and the reason', () => {
    const dir = tmpDir();
    const broken = path.join(dir, 'broken.nianbao.json');
    fs.writeFileSync(broken, '{"schema": "nianbao.report/1", "format": ');
    expect(runCli(['carry', path.join(dir, 'none.json'), '--out', path.join(dir, 'x.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('文件不存在') });
    expect(runCli(['carry', broken, '--out', path.join(dir, 'x.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('无法按 JSON 读取') });
  });

  it('check: exit 1 with the findings when a report breaks an error rule (seed 000: A-2, A-3)', () => {
    const { code, stdout } = runCli(['check', path.join(FIXTURES, 'seed-000.nianbao.json')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^A-3 {2}必须改正 error {2}t3\.r1\.oth,t3\.r2\.oth,t3\.r3_7\.oth,t3\.r4\.oth {2}/m);
    expect(stdout).toMatch(/^A-2 {2}必须改正 error/m);
    // counted and worded as the window and the 定稿 gate do
    expect(stdout).toMatch(/年：\d+ 个必须改正/);
  });

  it('check reads a file as written: a 总计 that is not the sum of its parts is found, whoever made the file', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'app.nianbao.json');
    const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-003.nianbao.json'), 'utf8')) as { origin?: string; cells: Record<string, number> };
    doc.origin = 'app';
    doc.cells['t3.r1.total'] = (doc.cells['t3.r1.total'] ?? 0) + 5;
    doc.cells['t4.rev.total'] = (doc.cells['t4.rev.total'] ?? 0) + 1;
    fs.writeFileSync(file, JSON.stringify(doc));
    const { code, stdout } = runCli(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^A-1 {2}必须改正 error {2}t3\.r1\.total/m);
    expect(stdout).toMatch(/^L-1 {2}必须改正 error {2}t4\.rev\.total/m);
  });

  it('carry writes the totals into the new file, and refuses a year that is not the next one', () => {
    const dir = tmpDir();
    const out = path.join(dir, '2024.nianbao.json');
    expect(runCli(['carry', path.join(FIXTURES, 'seed-003.nianbao.json'), '--year', '2024', '--out', out]).code).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as { cells: Record<string, number> };
    const parts = ['np', 'biz', 'res', 'ngo', 'law', 'oth'].reduce((sum, c) => sum + (written.cells[`t3.r2.${c}`] ?? 0), 0);
    expect(written.cells['t3.r2.total']).toBe(parts);
    // the carried file checks clean as written: its totals agree with their parts
    const check = runCli(['check', out, '--json']);
    const rules = (JSON.parse(check.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(rules).not.toContain('A-1');
    const gap = runCli(['carry', path.join(FIXTURES, 'seed-003.nianbao.json'), '--year', '2026', '--out', path.join(dir, '2026.nianbao.json')]);
    expect(gap).toMatchObject({ code: 2, stderr: expect.stringContaining('只能结转到 2024 年') });
    expect(fs.existsSync(path.join(dir, '2026.nianbao.json'))).toBe(false);
    expect(runCli(['carry', path.join(FIXTURES, 'seed-003.nianbao.json'), '--year', '2026', '--skip-years', '--out', path.join(dir, '2026.nianbao.json')]).code).toBe(0);
  }, 120_000);

  it('check: exit 0 when there is no error-level finding, --json for machines', () => {
    const { code, stdout } = runCli(['check', path.join(FIXTURES, 'seed-003.nianbao.json'), '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { errors: number; findings: { ruleId: string; severity: string; cells: string[]; message: string }[] };
    expect(out.errors).toBe(0);
    for (const f of out.findings) expect(f).toEqual({ ruleId: expect.any(String), severity: expect.any(String), section: expect.any(String), cells: expect.any(Array), message: expect.any(String) });
  });

  it('check: exit 2 with the reason when the file cannot be read', () => {
    const dir = tmpDir();
    const newer = path.join(dir, 'newer.nianbao.json');
    fs.writeFileSync(newer, JSON.stringify({ schema: 'nianbao.report/2', format: '2021', year: 2024 }));
    expect(runCli(['check', newer])).toMatchObject({ code: 2, stderr: expect.stringContaining('更新版本') });
    expect(runCli(['check'])).toMatchObject({ code: 2, stderr: expect.stringContaining('请给出报告文件') });
  });
});

describe('the schema library speaks Chinese', () => {
  it('a report file with fields of the wrong kind names the field and what it should be', () => {
    const dir = tmpDir();
    const write = (doc: object) => {
      const file = path.join(dir, `${Object.keys(doc).length}-${Math.random()}.nianbao.json`);
      fs.writeFileSync(file, JSON.stringify({ schema: 'nianbao.report/1', format: '2021', year: 2024, agency: { name: '某镇' }, ...doc }));
      return file;
    };
    const wrongYear = runCli(['check', write({ year: '二〇二四' })]);
    expect(wrongYear).toMatchObject({ code: 2, stderr: expect.stringContaining('字段「year」应为数字') });
    const wrongFormat = runCli(['check', write({ format: '2030' })]);
    expect(wrongFormat.stderr).toContain('字段「format」应为 2019、2021、free 之一');
    const farFuture = runCli(['check', write({ year: 3000 })]);
    expect(farFuture.stderr).toContain('字段「year」不能大于 2100');
    for (const run of [wrongYear, wrongFormat, farFuture]) expect(run.stderr).not.toMatch(/[Ee]xpected|Invalid|received/);
  });

  it('the contract’s argument checks too', async () => {
    const { dispatch } = await import('../../../core/api.js');
    const handlers = {} as Parameters<typeof dispatch>[0];
    const tooBig = await dispatch(handlers, 'report.create', { agencyId: 1, year: 3000 });
    expect(tooBig).toMatchObject({ ok: false, error: { message: '请求参数不正确：「year」不能大于 2100' } });
    const notAnId = await dispatch(handlers, 'report.open', { reportId: -3 });
    expect(notAnId).toMatchObject({ ok: false, error: { message: '请求参数不正确：「reportId」应大于 0' } });
  });
});
