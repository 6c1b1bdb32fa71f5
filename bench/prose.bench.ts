/**
 * The prose editor's work outside the browser: what one keystroke costs (read the text box back
 * into stored text, renumber, show the tokens again) on a typical section and on the largest
 * text a part may hold, and reading a 1 MB paste from Word. Budgets: a keystroke within one
 * frame (16 ms) even at the limit; a 1 MB paste read well inside the one second the window may
 * pause (500 ms). The end-to-end test measures the same in Chromium, rendering included.
 *
 * Run: npx tsx bench/prose.bench.ts
 */
import { tokenFor } from '../core/report/prose.js';
import { readShown, showTokens, type TokenNaming } from '../renderer/report/prose/display.js';
import { figureIdOf, figureLabel, figureValue } from '../renderer/report/prose/figures.js';
import { renumberOutline } from '../renderer/report/prose/numbering.js';
import { MAX_PROSE_CHARS, preparePaste } from '../renderer/report/prose/paste.js';
import { finish, median, percentile, report, timeIt } from './budget.js';

const cells = { 't3.r1.total': 224, 't3.r3_1.total': 120, 't3.r4.total': 22 };
const naming: TokenNaming = {
  label: (id) => figureLabel('2021', id),
  value: (id) => figureValue('2021', cells, id),
  idOf: (label) => figureIdOf('2021', label),
};

/** Our own filler: headings, paragraphs with figures, list items. */
function section(chars: number): string {
  const block = [
    '（一）主动公开',
    `全年共收到政府信息公开申请${tokenFor('t3.r1.total')}件，其中予以公开${tokenFor('t3.r3_1.total')}件，结转下年度${tokenFor('t3.r4.total')}件。`,
    '1.加强组织领导。本年度调整充实了政务公开工作领导小组，明确专人负责，做到有计划、有落实、有检查。',
    '①完善制度',
    '②规范流程',
  ].join('\n');
  let text = '';
  while (text.length < chars) text += `${block}\n`;
  return text;
}

/** One keystroke: the box's text read back, renumbered around the caret line, shown again. */
function keystroke(shown: string): void {
  const stored = readShown(shown, naming);
  const caret = readShown(shown.slice(0, shown.length >> 1), naming).length;
  const line = stored.slice(0, caret).split('\n').length - 1;
  showTokens(renumberOutline(stored, line), naming);
}

async function main(): Promise<void> {
  for (const [name, chars] of [
    ['keystroke, 5 000-character section', 5_000],
    ['keystroke, 200 000 characters (the limit)', MAX_PROSE_CHARS],
  ] as const) {
    const shown = showTokens(section(chars), naming).text;
    await timeIt(() => keystroke(shown), 20);
    const times = await timeIt(() => keystroke(shown), 200);
    report(`${name} median`, median(times), 16);
    report(`${name} p95`, percentile(times, 95), 16);
  }

  const para = '<p class=MsoNormal style="text-indent:32.0pt;line-height:28.0pt"><span style="font-size:16.0pt;font-family:仿宋_GB2312;color:black">持续推进基层政务公开标准化规范化建设，全年主动公开信息一百二十条。</span><span lang=EN-US><o:p></o:p></span></p>\n';
  const html = para.repeat(Math.ceil(1_048_576 / para.length));
  const pasteTimes = await timeIt(() => preparePaste({ html }, MAX_PROSE_CHARS), 10);
  report('1 MB Word HTML paste read, median', median(pasteTimes), 500);
}

void main().then(finish);
