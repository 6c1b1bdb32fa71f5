import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, SECTIONS, type FormatId, type TableId } from '../../../core/format/index.js';
import { isComputed } from '../../../core/report/index.js';
import { RULES } from '../../../core/rules/index.js';

/**
 * The format and its rules against test/fixtures/format/report-format.json: a description of the
 * two national formats written in this repository independently of core/format and core/rules
 * (sections, every row and column label of the three tables, the computed cells, every rule of
 * the consistency rules with its severity), so that a label retyped wrongly, a rule left out (G-3
 * once was) or given another severity is caught.
 */

interface Described {
  sections: { key: string; numeral: string; title: string; kind: string; table?: string }[];
  formats: Record<
    FormatId,
    {
      notice: string;
      years: [number, number | null];
      t2: { rows: { key: string; block: string; label: string; columns: string[] }[]; columns: Record<string, string>; money: string[]; mayBeNegative?: string[] };
      t3: { rows: { key: string; label: string[] }[]; columns: { key: string; label: string[] }[] };
      t4: { groups: { key: string; label: string[] }[]; columns: { key: string; label: string }[] };
    }
  >;
  rules: { id: string; severity: 'error' | 'warning' | 'info' | 'note'; checks: string }[];
}

const DESCRIBED = JSON.parse(readFileSync(new URL('../../fixtures/format/report-format.json', import.meta.url), 'utf8')) as Described;

describe('the format against its description in the repository', () => {
  it('six sections, their numerals, titles and kinds', () => {
    expect(SECTIONS.map(({ key, numeral, title, kind, table }) => ({ key, numeral, title, kind, ...(table ? { table } : {}) }))).toEqual(DESCRIBED.sections);
  });

  for (const id of ['2021', '2019'] as const) {
    const format = FORMATS[id];
    const described = DESCRIBED.formats[id];
    const cells = (table: TableId) => format.tables[table].cells;

    it(`${id}: the notice and the years it applies to`, () => {
      expect([format.notice, format.years]).toEqual([described.notice, described.years]);
    });

    it(`${id}: 表二, row by row, with its blocks, labels, columns, money and signed cells`, () => {
      const rows = [...new Set(cells('t2').map((c) => c.row))].map((row) => {
        const of = cells('t2').filter((c) => c.row === row);
        return { key: row, block: of[0]!.rowPath[0], label: of[0]!.rowPath.at(-1), columns: of.map((c) => c.col) };
      });
      expect(rows).toEqual(described.t2.rows);
      for (const c of cells('t2')) expect(c.colPath.at(-1), c.id).toBe(described.t2.columns[c.col]);
      expect(cells('t2').filter((c) => c.kind === 'money').map((c) => c.id)).toEqual(described.t2.money);
      expect([...new Set(cells('t2').filter((c) => c.kind === 'delta').map((c) => c.col))]).toEqual(described.t2.mayBeNegative ?? []);
    });

    it(`${id}: 表三, every row and column label as printed, 7 figures a row, the totals computed`, () => {
      const rows = [...new Set(cells('t3').map((c) => c.row))].map((row) => ({ key: row, label: cells('t3').find((c) => c.row === row)!.rowPath }));
      expect(rows).toEqual(described.t3.rows);
      const columns = cells('t3').filter((c) => c.row === 'r1').map((c) => ({ key: c.col, label: c.colPath }));
      expect(columns).toEqual(described.t3.columns);
      expect(cells('t3')).toHaveLength(described.t3.rows.length * described.t3.columns.length);
      const computed = cells('t3').filter((c) => isComputed(id, c.id)).map((c) => c.id);
      const expected = cells('t3').filter((c) => c.col === 'total' || c.row === 'r3_7').map((c) => c.id);
      expect(computed).toEqual(expected);
    });

    it(`${id}: 表四, three groups of five, each 总计 computed`, () => {
      const groups = [...new Set(cells('t4').map((c) => c.row))].map((row) => ({ key: row, label: cells('t4').find((c) => c.row === row)!.colPath.slice(0, -1) }));
      expect(groups).toEqual(described.t4.groups);
      for (const c of cells('t4')) expect(c.colPath.at(-1)).toBe(described.t4.columns.find((d) => d.key === c.col)?.label);
      expect(cells('t4').filter((c) => isComputed(id, c.id)).map((c) => c.col)).toEqual(['total', 'total', 'total']);
    });
  }
});

describe('rules against their description', () => {
  const rules = DESCRIBED.rules;

  it('reads the description', () => {
    expect(rules.length).toBeGreaterThan(30);
  });

  it('implements every rule with a severity, as the description gives it', () => {
    const byId = new Map(RULES.map((r) => [r.id, r]));
    const wrong: string[] = [];
    for (const { id, severity } of rules) {
      // a note, not a check (D-2 is part of D-1; X-4 is shown as info)
      if (severity === 'note') continue;
      const rule = byId.get(id);
      // an error, or a warning when last year's report was not made in the app
      if (!rule) wrong.push(`${id} missing`);
      else if (rule.severity !== severity) wrong.push(`${id} is ${rule.severity}, the description says ${severity}`);
    }
    expect(wrong).toEqual([]);
  });
});
