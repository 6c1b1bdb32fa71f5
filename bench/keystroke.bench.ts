/**
 * From a keystroke to updated totals and findings on screen, in the built app in Chromium.
 * Budget: 16 ms (one frame at 60 Hz).
 *
 * A full 2021 report is open at 表三 (every cell filled, so every rule has figures to read). Each
 * sample types a figure into 「一、本年新收…·自然人」 and presses Enter; the figure alternates
 * between one that keeps the 勾稽关系 and one that breaks it, so every Enter changes the
 * row total, the rule findings and the issues panel. Measured inside the page, from the Enter
 * keydown (capture phase, before the app sees it) to the moment the DOM shows the new total and
 * the A-3 finding appearing or going (React's commit), to style and layout being done (the
 * frame's work before paint; the figure held against the budget), and to the next frame.
 *
 * Run after `npm run build`: npx tsx bench/keystroke.bench.ts
 */
import { chromium } from 'playwright-core';
import { getFormat } from '../core/format/index.js';
import { startApp, tempDataDir } from '../test/e2e/app.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/browser.js';
import { finish, median, percentile, report } from './budget.js';

const BUDGET_MS = 16;
const WARMUP = 8;
const SAMPLES = 80;

interface Sample {
  /** keydown → the DOM shows the new total and findings (React's commit) */
  commit: number;
  /** … and style and layout are done: all the work the frame needs before paint */
  laidOut: number;
  /** … and the next frame has been painted (includes waiting for the display's vsync) */
  frame: number;
}

async function main(): Promise<void> {
  const dataDir = tempDataDir();
  const app = await startApp(dataDir);
  const call = async (method: string, args: unknown) => {
    const res = await fetch(`${app.url}api/${method}`, {
      method: 'POST',
      headers: { 'X-Nianbao-Token': app.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { ok: boolean; value: { id: number }; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  const agency = await call('agency.create', {
    agency: { name: '测试镇人民政府', level: 'township', region: '', website: '', contact: { address: '', postcode: '', phone: '', email: '' } },
  });
  const { id: reportId } = await call('report.create', { agencyId: agency.id, year: 2024 });

  // every input cell filled: 表三 column by column so that 一 + 二 = （七） + 四 holds with r1.np = 5
  const format = getFormat('2021');
  const changes: { cellId: string; value: number }[] = [];
  for (const def of format.cells) {
    if (def.sumOf) continue;
    // 表三 all 0 but for the 自然人 figures below, so the row total of 一 is the typed figure
    const value = def.kind === 'money' ? 17732 : def.table === 't3' ? 0 : 1;
    changes.push({ cellId: def.id, value });
  }
  const set = (id: string, value: number) => (changes.find((c) => c.cellId === id)!.value = value);
  set('t3.r1.np', 5);
  set('t3.r2.np', 1);
  set('t3.r3_1.np', 4);
  set('t3.r4.np', 2);
  set('t2.reg.made', 0);
  set('t2.reg.repealed', 0);
  set('t2.reg.valid', 0);
  await call('cells.set', { reportId, changes });

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(app.launchUrl);
  await page.evaluate(`window.location.hash = '#/report/${reportId}/s3'`);
  const target = page.locator('td[data-cell="t3.r1.np"]');
  await target.waitFor();

  // page code as text: the Node-side typecheck has no DOM types, and tsx's helpers don't exist in the page
  await page.evaluate(`(() => {
    const totalText = () => document.querySelector('td[data-cell="t3.r1.total"] .cell-text')?.textContent ?? '';
    const hasA3 = () => Boolean(document.querySelector('aside.issues')?.textContent?.includes('A-3'));
    let t0 = 0;
    document.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, true);
    window.__arm = (expectTotal, expectA3) => {
      window.__sample = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (totalText() !== expectTotal || hasA3() !== expectA3) return;
          const commit = performance.now() - t0;
          observer.disconnect();
          // style and layout of the changed page, which the frame needs before it can paint
          void document.body.offsetHeight;
          const laidOut = performance.now() - t0;
          // the frame that shows it: rAF runs before paint, a task queued from it runs once painted
          requestAnimationFrame(() => setTimeout(() => resolve({ commit, laidOut, frame: performance.now() - t0 }), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    };
  })()`);

  await target.click();
  const commits: number[] = [];
  const laidOut: number[] = [];
  const frames: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    // 5 keeps 5 + 1 = 4 + 2 (A-3 holds); 6 breaks it
    const value = i % 2 === 0 ? 6 : 5;
    await page.keyboard.type(String(value));
    await page.evaluate(`window.__arm(${JSON.stringify(String(value))}, ${value === 6})`);
    await page.keyboard.press('Enter');
    const sample = await page.evaluate<Sample>('window.__sample');
    if (i >= WARMUP) {
      commits.push(sample.commit);
      laidOut.push(sample.laidOut);
      frames.push(sample.frame);
    }
    await page.keyboard.press('ArrowUp');
  }

  console.log(`keystroke → totals and findings on screen, ${SAMPLES} Enter presses in 表三 of a full 2021 report`);
  report('keydown → DOM updated (median)', median(commits), BUDGET_MS);
  report('keydown → DOM updated (p95)', percentile(commits, 95), BUDGET_MS);
  report('keydown → laid out, ready to paint (median)', median(laidOut), BUDGET_MS);
  report('keydown → laid out, ready to paint (p95)', percentile(laidOut, 95), BUDGET_MS);
  console.log(
    `  keydown → next frame painted: median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms` +
      ' (includes waiting for the next vsync of a 60 Hz display; for information)',
  );
  await browser.close();
  await app.stop();
  finish();
}

void main();
