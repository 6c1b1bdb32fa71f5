/**
 * Start to the report list being usable in browser mode. The browser is started beforehand (a
 * clerk's browser is already running); the clock stops when the report list answers in the page.
 * Two figures: `npm start -- --web` as the clerk types it (npm, scripts/start.mjs and its
 * is-the-build-current check, then the server) — budget 2.5 s; and the server process alone
 * (dist/web.cjs spawned directly, as the installed app starts it) — budget 1.5 s.
 * Run after `npm run build`: npx tsx bench/startup.bench.ts
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/browser.js';
import { startApp, tempDataDir } from '../test/e2e/app.js';
import { finish, median, report } from './budget.js';

async function main(): Promise<void> {
  const dataDir = tempDataDir();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();

  // first launch: create an agency and a report so that the list has content
  {
    const app = await startApp(dataDir);
    const call = (m: string, a: unknown) =>
      fetch(`${app.url}api/${m}`, { method: 'POST', headers: { 'X-Nianbao-Token': app.token, 'Content-Type': 'application/json' }, body: JSON.stringify(a) }).then(
        (r) => r.json() as Promise<{ value: { id: number } }>,
      );
    const agency = await call('agency.create', {
      agency: { name: '测试镇人民政府', level: 'township', region: '', website: '', contact: { address: '', postcode: '', phone: '', email: '' } },
    });
    for (const year of [2022, 2023, 2024]) await call('report.create', { agencyId: agency.value.id, year });
    await app.stop();
  }

  const times: number[] = [];
  const spawnToUrl: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const app = await startApp(dataDir);
    spawnToUrl.push(app.startedInMs);
    await page.goto(app.launchUrl);
    await page.getByRole('link', { name: '2024 年' }).waitFor();
    times.push(performance.now() - start);
    await app.stop();
  }
  report('server process (dist/web.cjs) start → report list usable (median of 7)', median(times), 1500);
  console.log(`  of which process start → address printed: median ${median(spawnToUrl).toFixed(0)} ms`);

  const npmStart: number[] = [];
  for (let run = 0; run < 5; run++) npmStart.push(await viaNpmStart(page, dataDir));
  report('`npm start -- --web` → report list usable (median of 5)', median(npmStart), 2500);
  await browser.close();
  finish();
}

/** `npm start -- --web` in the project folder, as the README says; the clock stops when the list answers. */
async function viaNpmStart(page: Page, dataDir: string): Promise<number> {
  const start = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // its own process group, so that npm, start.mjs and the server are stopped together
  const child = spawn(npm, ['start', '--', '--web', '--no-open', '--data-dir', dataDir], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, NIANBAO_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`npm start printed no address:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // the printed address, with its token or launch code
        const m = /(http:\/\/127\.0\.0\.1:\d+\/#\w+=[\w.-]+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
    });
    await page.goto(address);
    await page.getByRole('link', { name: '2024 年' }).waitFor();
    return performance.now() - start;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    // npm may exit before the server has let go of the data folder: wait until the whole group is gone
    for (let i = 0; i < 200 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 50));
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

void main();
