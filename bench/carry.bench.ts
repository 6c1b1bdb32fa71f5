/**
 * What a keystroke in a text carried from last year costs on top of the editor's own work (issue
 * 6): finding the 「待更新」 mentions in the text box for the marks (on the keystroke's path), and,
 * deferred until the keystroke is on screen, the count above the text and the similarity to last
 * year's text (budget 50 ms: it does not hold the keystroke up). The drawing of the marks is not
 * included (the end-to-end test shows them). Budget: within one frame (16 ms), on a typical
 * carried section and on the largest text a part may hold, whose years and figures are all
 * different (every one a mention to look for). Also starting a year from last year's report.
 *
 * Run: npx tsx bench/carry.bench.ts
 */
import { carryForward, emptyAgency, staleMentions, type ReportData } from '../core/report/index.js';
import { textSimilarity } from '../core/rules/index.js';
import { findMentions, stillPending } from '../renderer/report/carry/mentions.js';
import { MAX_PROSE_CHARS } from '../renderer/report/prose/paste.js';
import { finish, median, percentile, report, timeIt } from './budget.js';

/** Our own filler: each paragraph with a year and figures of its own. */
function carriedText(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) {
    text += `（${i % 9 + 1}）${2015 + (i % 9)}年，共办理政府信息公开申请${i * 7 + 3}件，主动公开信息${i * 13 + 20}条，同比增长${i % 50}.${i % 10}%。\n`;
    text += '持续推进基层政务公开标准化规范化建设，做到有计划、有落实、有检查。\n';
  }
  return text;
}

async function main(): Promise<void> {
  for (const [name, chars] of [
    ['5 000-character carried section', 5_000],
    ['200 000 characters (the limit)', MAX_PROSE_CHARS],
  ] as const) {
    const last = carriedText(chars);
    const mentions = staleMentions(last);
    // the clerk has rewritten the start: the rest still says last year's figures
    const now = `2024年，我镇持续推进政务公开。\n${last.slice(40)}`;
    const runs = chars > 10_000 ? 20 : 200;
    // on the keystroke's path: the marks over the text box
    const marks = () => findMentions(now, mentions);
    // deferred (useDeferredValue): shown once the keystroke is on screen
    const after = () => {
      stillPending(now, mentions);
      textSimilarity(now, last);
    };
    await timeIt(marks, 5);
    await timeIt(after, 5);
    const markTimes = await timeIt(marks, runs);
    const afterTimes = await timeIt(after, runs);
    console.log(`${name}: ${mentions.length} mentions to look for`);
    report(`marks per keystroke, ${name}, median`, median(markTimes), 16);
    report(`marks per keystroke, ${name}, p95`, percentile(markTimes, 95), 16);
    // deferred work does not hold the keystroke up; it should still follow within a glance (50 ms)
    report(`count and similarity after the keystroke, ${name}, median`, median(afterTimes), 50);
    report(`count and similarity after the keystroke, ${name}, p95`, percentile(afterTimes, 95), 50);
  }

  const last: ReportData = {
    format: '2021',
    year: 2023,
    agency: emptyAgency('某镇人民政府'),
    cells: { 't3.r4.np': 3, 't3.r4.biz': 1, 't2.norm.valid': 12 },
    sections: { s1: carriedText(5_000), s5: carriedText(2_000), s6: carriedText(500) },
    notes: {},
    origin: 'app',
  };
  const times = await timeIt(() => carryForward(last, 2024), 100);
  report('carry 2023 → 2024 with three carried sections, median', median(times), 16);
}

void main().then(finish);
