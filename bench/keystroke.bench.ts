/**
 * From a keystroke to updated totals and findings on screen, in the built app in Chromium.
 * Budget: 16 ms (one frame at 60 Hz).
 *
 * A full 2021 report is open at 表三 (every cell filled, so every rule has figures to read),
 * carried from last year's with long texts, so that three long sections come with their 「待更新」
 * marks and the findings list is full (its length is printed). Each
 * sample types a figure into 「一、本年新收…·自然人」 and presses Enter; the figure alternates
 * between one that keeps the 勾稽关系 and one that breaks it, so every Enter changes the
 * row total, the rule findings and the issues panel. Measured inside the page, from the Enter
 * keydown (capture phase, before the app sees it) to the moment the DOM shows the new total and
 * the A-3 finding appearing or going (React's commit), to style and layout being done (the
 * frame's work before paint; the figure held against the budget), and to the next frame.
 *
 * Where the time goes: `--profile` writes a CPU profile (test-results/keystroke.cpuprofile, open in
 * DevTools; build with `npx vite build --minify false` for readable names), `--trace` a Chromium
 * performance trace (test-results/keystroke.trace.json), each with a summary printed.
 *
 * Run after `npm run build`: npx tsx bench/keystroke.bench.ts
 */
import { chromium } from 'playwright-core';
import { getFormat } from '../core/format/index.js';
import { startApp, tempDataDir } from '../test/e2e/app.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/browser.js';
import { finish, median, percentile, report } from './budget.js';
import { startProfile, startTrace } from './profile.js';

const BUDGET_MS = 16;
/** `--profile`: a CPU profile of the samples (test-results/keystroke.cpuprofile) and its heaviest functions */
const PROFILE = process.argv.includes('--profile');
/** `--trace`: a performance trace of the samples (test-results/keystroke.trace.json), summed by kind of work */
const TRACE = process.argv.includes('--trace');
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

/** Every input cell filled: 表三 all 0 but for the 自然人 figures below, so that 一 + 二 = （七） + 四 holds with r1.np = 5. */
function filledCells(): { cellId: string; value: number }[] {
  const changes: { cellId: string; value: number }[] = [];
  for (const def of getFormat('2021').cells) {
    if (def.sumOf) continue;
    changes.push({ cellId: def.id, value: def.kind === 'money' ? 17732 : def.table === 't3' ? 0 : 1 });
  }
  const set = (id: string, value: number) => (changes.find((c) => c.cellId === id)!.value = value);
  set('t3.r1.np', 5);
  set('t3.r2.np', 1);
  set('t3.r3_1.np', 4);
  set('t3.r4.np', 2);
  set('t2.reg.made', 0);
  set('t2.reg.repealed', 0);
  set('t2.reg.valid', 0);
  return changes;
}

/**
 * Last year's texts in our own words, as long as a county's: years, counted figures and inserted
 * table figures in every paragraph, so that the carried copy has many 「待更新」 marks and the
 * year and figure rules have much to say about it.
 */
function lastYearProse(year: number): Record<string, string> {
  const paragraph = (i: number) =>
    `（${'一二三四五六七八九十'[i % 10]}）第${i + 1}项工作。${year}年，我镇围绕政务公开重点，主动公开政府信息${300 + i * 17}条，` +
    `其中政策文件${20 + i}条、解读信息${10 + i}件；受理依申请公开{{cell:t3.r1.total}}件，办结{{cell:t3.r3_7.total}}件。` +
    `全年召开新闻发布会${2 + (i % 4)}次，政务新媒体发布信息${120 + i * 9}条，开展业务培训${1 + (i % 3)}期、培训${40 + i}人次，` +
    `设置政务公开专区${3 + i}个，较${year - 1}年增加${i + 1}个。`;
  const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => paragraph(from + i)).join('\n');
  return {
    s1: many(14),
    s5: `${year}年存在的问题：基层公开人员变动较多。${year + 1}年，我镇将继续做好以下工作：\n${many(6, 14)}`,
    s6: `本年度未收取信息处理费。${year}年共收到人大代表建议3件、政协提案2件，均已办结。\n${many(4, 20)}`,
    note_t3: `注：${year}年上年结转{{cell:t3.r2.total}}件，另有2件转交其他机关办理。`,
  };
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
  // last year's report, with long prose, so that this year's comes with three long carried sections
  const { id: lastId } = await call('report.create', { agencyId: agency.id, year: 2023 });
  await call('cells.set', { reportId: lastId, changes: filledCells() });
  for (const [key, text] of Object.entries(lastYearProse(2023))) await call('section.set', { reportId: lastId, key, text });
  const { id: reportId } = await call('report.create', { agencyId: agency.id, year: 2024, carry: true });
  await call('cells.set', { reportId, changes: filledCells() });

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

  const findingCount = await page.locator('aside.issues li.finding').count();
  const profiler = PROFILE ? await startProfile(page) : undefined;
  const tracer = TRACE ? await startTrace(page) : undefined;
  await target.click();
  const commits: number[] = [];
  const laidOut: number[] = [];
  const frames: number[] = [];
  // the two kinds of keystroke: 6 breaks A-3 (a finding appears in the list), 5 mends it (it goes)
  const appears: number[] = [];
  const goes: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    // 5 keeps 5 + 1 = 4 + 2 (A-3 holds); 6 breaks it
    const value = i % 2 === 0 ? 6 : 5;
    await page.keyboard.type(String(value));
    await page.evaluate(`window.__arm(${JSON.stringify(String(value))}, ${value === 6})`);
    await page.keyboard.press('Enter');
    const sample = await page.evaluate<Sample>('window.__sample');
    if (i >= WARMUP) {
      commits.push(sample.commit);
      (value === 6 ? appears : goes).push(sample.commit);
      laidOut.push(sample.laidOut);
      frames.push(sample.frame);
    }
    await page.keyboard.press('ArrowUp');
  }

  if (profiler) await profiler.stop();
  if (tracer) await tracer.stop(WARMUP + SAMPLES);
  console.log(
    `keystroke → totals and findings on screen, ${SAMPLES} Enter presses in 表三 of a full 2021 report carried from last year ` +
      `(three long carried sections, ${findingCount} findings listed)`,
  );
  report('keydown → DOM updated (median)', median(commits), BUDGET_MS);
  report('keydown → DOM updated (p95)', percentile(commits, 95), BUDGET_MS);
  console.log(
    `  DOM updated when a finding appears: median ${median(appears).toFixed(1)} ms, p95 ${percentile(appears, 95).toFixed(1)} ms; ` +
      `when it goes: median ${median(goes).toFixed(1)} ms, p95 ${percentile(goes, 95).toFixed(1)} ms`,
  );
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
