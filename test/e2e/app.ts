import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { mintLaunchCode } from '../../electron/web/launch-code.js';

const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_ENTRY = path.join(ROOT, 'dist', 'web.cjs');

export interface RunningApp {
  /**
   * An address to open, as the app prints it: each read gives a fresh single-use launch code
   * (made with the token, as the server makes them), so every page a test opens has its own
   */
  readonly launchUrl: string;
  /** the first address the app printed (its code is already spent: the helper exchanged it) */
  printedUrl: string;
  /** address without a code */
  url: string;
  /** the session token, got by exchanging the printed code, as the page does */
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** milliseconds from spawn to the printed address */
  startedInMs: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts browser mode as `npm start -- --web` would, on a data folder of the test's own. */
export async function startApp(dataDir: string, extraArgs: string[] = [], options: { wrap?: string[] } = {}): Promise<RunningApp> {
  if (!fs.existsSync(WEB_ENTRY)) throw new Error('dist/web.cjs is missing: run `npm run build` first');
  const started = Date.now();
  // `wrap`: a command the app runs under (strace, for the zero-network proof)
  const [command, ...args] = [...(options.wrap ?? []), process.execPath, WEB_ENTRY, '--no-open', '--data-dir', dataDir, ...extraArgs];
  const child = spawn(command!, args, {
    env: { ...process.env, NIANBAO_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#code=[\w.-]+)/.exec(output);
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
  const [url, code] = launchUrl.split('#code=') as [string, string];
  const token = await exchangeLaunchCode(url, code);
  return {
    get launchUrl() {
      return `${url}#code=${mintLaunchCode(token)}`;
    },
    printedUrl: launchUrl,
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

/** Trades a launch code for the session token at /session, as the page does on first load. */
export async function exchangeLaunchCode(url: string, code: string): Promise<string> {
  const res = await fetch(new URL('session', url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`launch code refused (${res.status}): ${JSON.stringify(body)}`);
  return body.token;
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
