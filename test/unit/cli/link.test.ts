import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { tmpDir } from '../helpers/tmp.js';

/**
 * `nianbao` from any folder, as the README says: `npm link` once in the project puts the command
 * on the PATH (here into a throwaway prefix), and it runs wherever the clerk is, with paths
 * relative to that folder. node_modules is not touched.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('npm link', () => {
  it('puts `nianbao` on the PATH; it runs from any folder', () => {
    if (!existsSync(path.join(ROOT, 'dist', 'cli.cjs'))) expect(spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'ignore' }).status).toBe(0);
    const prefix = tmpDir();
    mkdirSync(path.join(prefix, 'lib'), { recursive: true });
    const before = statSync(path.join(ROOT, 'node_modules')).mtimeMs;
    const link = spawnSync('npm', ['link', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_prefix: prefix },
      timeout: 120_000,
    });
    expect(link.status, link.stderr).toBe(0);
    const nianbao = path.join(prefix, 'bin', 'nianbao');
    expect(existsSync(nianbao)).toBe(true);

    const elsewhere = tmpDir();
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', 'seed-003.nianbao.json'), path.join(elsewhere, '2023.nianbao.json'));
    const run = (args: string[]) => spawnSync(nianbao, args, { cwd: elsewhere, encoding: 'utf8', timeout: 60_000 });
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    const check = run(['check', '2023.nianbao.json']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/浏阳市人民政府 2023 年：(没有需要处理的问题|\d+ 个需核对)/);
    expect(statSync(path.join(ROOT, 'node_modules')).mtimeMs).toBe(before);
  });
});
