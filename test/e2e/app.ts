import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_ENTRY = path.join(ROOT, 'dist', 'web.cjs');

export interface RunningApp {
  /** address with the token, as the app prints it */
  launchUrl: string;
  /** address without the token */
  url: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** milliseconds from spawn to the printed address */
  startedInMs: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts browser mode as `npm start -- --web` would, on a data folder of the test's own. */
export async function startApp(dataDir: string, extraArgs: string[] = []): Promise<RunningApp> {
  if (!fs.existsSync(WEB_ENTRY)) throw new Error('dist/web.cjs is missing: run `npm run build` first');
  const started = Date.now();
  const child = spawn(process.execPath, [WEB_ENTRY, '--no-open', '--data-dir', dataDir, ...extraArgs], {
    env: { ...process.env, NIANBAO_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
  const startedInMs = Date.now() - started;
  const [url, token] = launchUrl.split('#token=') as [string, string];
  return {
    launchUrl,
    url,
    token,
    dataDir,
    process: child,
    startedInMs,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
}

/** A test with its own data folder and a running app that is stopped afterwards. */
export const test = base.extend<{ dataDir: string; app: RunningApp }>({
  dataDir: async ({}, use) => {
    const dir = tempDataDir();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    const app = await startApp(dataDir);
    await use(app);
    await app.stop();
  },
});

export { expect } from '@playwright/test';
