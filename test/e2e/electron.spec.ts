import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './app.js';

const ROOT = path.resolve(__dirname, '..', '..');

/** The Electron npm package fetches its binary on first run; where it could not, these tests cannot run. */
function electronBinary(): string | undefined {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test.describe('the Electron app', () => {
  test.skip(!binary, 'no Electron binary on this machine: Electron downloads it on first run and this machine cannot reach the download host');

  test('opens the window in the app:// origin, sandboxed, and completes first run', async ({ dataDir }) => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, '--data-dir', dataDir],
      env: { ...process.env, NIANBAO_SQLITE_BINDING: process.env.NIANBAO_SQLITE_BINDING ?? '' },
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toMatch(/^app:\/\/nianbao\//);
      const exposed = await page.evaluate(() => ({
        hasRequire: typeof (globalThis as { require?: unknown }).require,
        hasProcess: typeof (globalThis as { process?: unknown }).process,
        methods: Object.keys((globalThis as unknown as { nianbao: object }).nianbao).length,
      }));
      expect(exposed).toEqual({ hasRequire: 'undefined', hasProcess: 'undefined', methods: expect.any(Number) });
      await expect(page.getByRole('heading', { name: '欢迎使用年报助手' })).toBeVisible();
      const popup = await page.evaluate(() => (globalThis as unknown as { open: (url: string) => unknown }).open('https://example.com') === null);
      expect(popup).toBe(true);
    } finally {
      await app.close();
    }
  });
});
