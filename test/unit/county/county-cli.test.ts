import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReportFile, shownCells } from '../../../core/report/index.js';
import { openStore } from '../../../electron/store/index.js';
import { COUNTY_UNITS } from '../../fixtures/county/units.js';
import { arrivals, reportOf, rosterCsv, YEAR } from '../../fixtures/county/county.js';
import { runCli } from '../cli/run-cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { createHandlers } from '../../../electron/services/index.js';

describe('nianbao rollup | units | status', () => {
  it('rollup sums report files, packages and a published page from a folder; --json gives the sums', () => {
    const dir = tmpDir();
    for (const a of arrivals()) fs.writeFileSync(path.join(dir, a.name), a.bytes);
    // one more as a plain report file, and a file that is not a report at all
    fs.writeFileSync(path.join(dir, 'paper.nianbao.json'), serializeReportFile(reportOf(COUNTY_UNITS[5]!.name)));
    fs.writeFileSync(path.join(dir, '说明.txt'), '这不是报告');
    const out = path.join(tmpDir(), '全县汇总.json');
    const xlsx = path.join(path.dirname(out), '全县汇总.xlsx');
    const run = runCli(['rollup', dir, '--year', String(YEAR), '--name', '某某县', '--out', out, '--xlsx', xlsx, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('跳过');
    const result = JSON.parse(run.stdout) as { included: string[]; cells: Record<string, number>; rates: { id: string }[] };
    expect(result.included).toHaveLength(11);
    const names = new Set(result.included);
    const sum = COUNTY_UNITS.filter((u) => names.has(u.name)).reduce((s, u) => s + shownCells(reportOf(u.name))['t3.r3_1.total']!, 0);
    expect(result.cells['t3.r3_1.total']).toBe(sum);
    expect(result.rates.map((r) => r.id)).toContain('open-rate');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).agency.name).toBe('某某县（全县汇总）');
    expect(fs.statSync(xlsx).size).toBeGreaterThan(5000);
  });

  it('rollup exits 2 when nothing is readable', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '随便写的几个字');
    const run = runCli(['rollup', dir, '--year', '2024', '--out', path.join(dir, 'x.docx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有一个文件读得了');
  });

  it('units and status read the workspace the app keeps', async () => {
    const dataDir = tmpDir();
    const store = openStore(dataDir);
    const handlers = createHandlers({ store, info: { version: 'test', host: 'web' } });
    await handlers['county.roster.import']({ file: { name: 'r.csv', size: 1, base64: Buffer.from(rosterCsv()).toString('base64') } });
    const [first] = arrivals();
    await handlers['county.collect']({ year: YEAR, files: [{ name: first!.name, size: first!.bytes.length, base64: Buffer.from(first!.bytes).toString('base64') }] });
    store.close();
    const units = runCli(['units', '--data-dir', dataDir]);
    expect(units.code, units.stderr).toBe(0);
    expect(units.stdout.trim().split('\n')).toHaveLength(12);
    const status = runCli(['status', '--year', String(YEAR), '--data-dir', dataDir]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('未收到');
    expect(status.stdout).toContain('已收到草稿');
    expect(status.stdout).toContain('按时公布率 0%（0/12）');
  });
});
