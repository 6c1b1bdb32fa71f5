/**
 * Process start to the report list being usable in browser mode. Budget: 1.5 s.
 * The browser is started beforehand (a clerk's browser is already running); the clock starts at
 * spawning the back end and stops when the report list answers in the page.
 * Run after `npm run build`: npx tsx bench/startup.bench.ts
 */
import { chromium } from 'playwright-core';
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
  report('process start → report list usable (median)', median(times), 1500);
  console.log(`  of which process start → address printed: median ${median(spawnToUrl).toFixed(0)} ms`);
  await browser.close();
  finish();
}

void main();
