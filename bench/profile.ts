/**
 * A CPU profile of a page through the Chrome DevTools Protocol, for finding where a benchmark's
 * time goes: the profile is written for DevTools (Performance → Load profile) and the functions
 * with the most time of their own are printed. Read it from an unminified build
 * (`npx vite build --minify false`) to see the app's own function names.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export async function startProfile(page: Page, name = 'keystroke'): Promise<{ stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const file = path.join('test-results', `${name}.cpuprofile`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      // time of its own per function: each sample's delta goes to the node it hit
      const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const frame = byNode.get(id)!.callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.log(`CPU profile: ${file} (${total.toFixed(0)} ms sampled); most time of their own:`);
      for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${key}`);
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** thread time: the CPU the thread spent on it, which waiting for a core on a busy machine does not grow */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

/**
 * A Chromium performance trace (the DevTools Performance panel's categories) of what runs
 * between start and stop: written to test-results/NAME.trace.json (load it in DevTools) and
 * summed by kind of work on the page's main thread — script, style, layout, paint.
 */
export async function startTrace(page: Page, name = 'keystroke'): Promise<{ stop(samples: number): Promise<void> }> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
  return {
    async stop(samples) {
      const buffer = await browser.stopTracing();
      const file = path.join('test-results', `${name}.trace.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, buffer);
      const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      // the renderer's main thread: where the page's RunTask events are
      const main = events.find((e) => e.name === 'TracingStartedInBrowser' || e.name === 'CrRendererMain' || (e.name === 'thread_name' && JSON.stringify(e.args).includes('CrRendererMain')));
      const onMain = events.filter((e) => e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
      const kinds = ['EventDispatch', 'FunctionCall', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'RunMicrotasks', 'HitTest'];
      console.log(`trace: ${file}; main-thread work per sample, by kind: wall ms (CPU ms of the thread)`);
      for (const kind of kinds) {
        const of = onMain.filter((e) => e.name === kind);
        const total = of.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
        const cpu = of.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000;
        if (total > 0) console.log(`  ${kind.padEnd(18)} ${(total / samples).toFixed(2).padStart(6)} (${(cpu / samples).toFixed(2)})`);
      }
      // every task of the main thread, nested ones not counted twice
      const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
      const taskCpu = tasks.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000;
      if (tasks.length) console.log(`  all main-thread tasks: ${(tasks.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000 / samples).toFixed(2)} ms wall, ${(taskCpu / samples).toFixed(2)} ms CPU per sample`);
    },
  };
}
