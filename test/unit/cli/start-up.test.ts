import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the bundles load before they are asked for anything. exceljs costs a third of a second to
 * load, and only spreadsheets need it (services/xlsx.ts newWorkbook): neither the command line
 * nor browser mode may require it at start. Nor playwright-core (the first PDF loads it).
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LAZY = ['exceljs', 'playwright-core'];

function loadedAtStart(bundle: string): string[] {
  const file = path.join(ROOT, 'dist', bundle);
  if (!existsSync(file)) expect(spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'ignore' }).status).toBe(0);
  // requiring the bundle defines everything; it runs nothing, as it is not the main module
  const script = `require(${JSON.stringify(file)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const loaded = JSON.parse(run.stdout) as string[];
  return LAZY.filter((name) => loaded.some((f) => f.split(/[\\/]/).includes(name)));
}

describe('start-up loads only what starting needs', () => {
  it('the command line', () => {
    expect(loadedAtStart('cli.cjs')).toEqual([]);
  });

  it('browser mode', () => {
    expect(loadedAtStart('web.cjs')).toEqual([]);
  });
});
