import { describe, expect, it } from 'vitest';
import { FORMATS, SECTIONS, sectionHeading, sectionOfTable, tableName, type TableId } from '../../../core/format/index.js';
import { checkReport, RULES } from '../../../core/rules/index.js';
import { loadSeedFixture } from '../rules/seed-fixtures.js';
import { makeReport as build } from '../rules/build.js';
import { codeStrings, quotations } from '../structure/strings.js';

/**
 * Labels come from core/format only. Whatever the app writes in 「…」 — a rule's title or
 * message, a button's help, a notice, the command line's usage — and that names a part of the
 * official tables must name it as the format prints it: 「四、结转下年度继续办理」, never a
 * shortened 「结转下年度继续办理」 or a retyped 「二、上年结转」.
 */

const printed = new Set<string>();
for (const format of Object.values(FORMATS)) {
  for (const c of format.cells) [...c.rowPath, ...c.colPath].forEach((l) => printed.add(l));
  for (const table of Object.values(format.tables)) for (const row of table.rows) for (const g of row) if (g.text) printed.add(g.text);
}
for (const s of SECTIONS) {
  printed.add(s.title);
  printed.add(sectionHeading(s));
}
const labels = [...printed];

/** Why a quotation is not a label as printed, or undefined when it is fine. */
function misquoted(q: string): string | undefined {
  if (printed.has(q)) return undefined;
  if (/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(q)) return 'numbered like a row, but not a printed label';
  const whole = q.length >= 2 ? labels.find((l) => l.includes(q)) : undefined;
  return whole ? `part of the printed label 「${whole}」` : undefined;
}

const NUMBERED_ROW = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

describe('rule titles quote the format’s own labels', () => {
  it('every 「…」 in a title that names a numbered row is a label core/format prints', () => {
    const quoted = RULES.flatMap((r) => [...r.title.matchAll(/「([^」]+)」/g)].map((m) => m[1]!));
    const rows = quoted.filter((q) => NUMBERED_ROW.test(q));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((q) => !printed.has(q))).toEqual([]);
  });

  it('every 「…」 in any title names a label whole, if it names one at all', () => {
    expect(RULES.flatMap((r) => quotations(r.title).filter(misquoted).map((q) => `${r.id}: 「${q}」`))).toEqual([]);
  });
});

describe('messages and the window quote whole labels', () => {
  it('the rules’ messages on reports full of mistakes', () => {
    const reports = [
      ...(['seed-000', 'seed-001', 'seed-002', 'seed-003'] as const).map((name) => loadSeedFixture(name)),
      build({ cells: { 't3.r1.np': 5, 't3.r3_1.np': 9, 't3.r2.total': 3, 't4.rev.total': 7, 't2.reg.made': 2 } }),
      build({ format: '2019', year: 2020, cells: { 't2.reg.new_published': 9, 't2.reg.total_public': 1 } }),
    ];
    const previous = build({ year: 2023, cells: { 't3.r4.np': 2 } });
    const messages = reports.flatMap((r) => checkReport(r, { previous }).map((f) => `${f.ruleId}: ${f.message}`));
    expect(messages.length).toBeGreaterThan(20);
    const bad = messages.flatMap((m) => quotations(m).filter(misquoted).map((q) => `「${q}」 ${misquoted(q)} — in ${m.slice(0, 60)}`));
    expect(bad).toEqual([]);
  });

  it('every 「…」 the code writes (window, command line, services, rules, documents)', () => {
    // core/format defines the labels; core/import quotes what published reports print, variants included
    const strings = codeStrings(['core', 'electron', 'renderer'], (f) => f.startsWith('core/format/') || f.startsWith('core/import/'));
    expect(strings.length).toBeGreaterThan(1000);
    const bad = strings.flatMap((s) => quotations(s.text).flatMap((q) => (misquoted(q) ? [`${s.file}:${s.line}: 「${q}」 ${misquoted(q)}`] : [])));
    expect(bad).toEqual([]);
  });

  it('the check itself catches a shortened or retyped label', () => {
    expect(misquoted('上年结转')).toContain('二、上年结转政府信息公开申请数量');
    expect(misquoted('结转下年度继续办理')).toContain('四、结转下年度继续办理');
    expect(misquoted('二、上年结转')).toBeDefined();
    expect(misquoted('四、结转下年度继续办理')).toBeUndefined();
    expect(misquoted('保存版本')).toBeUndefined();
  });
});

describe('tables named from the sections that hold them', () => {
  it('表二…表四 are the numerals of sections 二…四, and no code spells them out as a table of names', () => {
    expect((['t2', 't3', 't4'] as TableId[]).map((t) => [tableName(t), sectionOfTable(t).key])).toEqual([
      ['表二', 's2'],
      ['表三', 's3'],
      ['表四', 's4'],
    ]);
    const spelled = codeStrings(['core', 'electron', 'renderer'], (f) => f.startsWith('core/format/')).filter((s) => /^表[二三四]$|^[二三四]$/.test(s.text));
    expect(spelled.map((s) => `${s.file}:${s.line}: '${s.text}'`)).toEqual([]);
  });
});
