import { describe, expect, it } from 'vitest';
import { getFormat, type FormatId } from '../../../core/format/index.js';
import { importText } from '../../../core/import/index.js';
import { likeness } from '../../../core/import/tables.js';
import { makeReport, parts, rng } from '../../fixtures/import/generator.js';

/**
 * Row labels as clerks retype them: one character changed, dropped or added, the numbering left
 * off. Each row label of 表二 and 表三 of generated reports is retyped in turn (the rest of the
 * report as printed); the row must then be read right, or marked uncertain — never read into
 * another row without a mark. A word nothing like a label is no label.
 */

type Edit = (label: string) => string;
const EDITS: Record<string, Edit> = {
  'one character changed': (l) => `${l.slice(0, -2)}某${l.slice(-1)}`,
  'last character dropped': (l) => l.slice(0, -1),
  'a character added': (l) => `${l.slice(0, 3)}的${l.slice(3)}`,
  'numbering left off, one character changed': (l) => l.replace(/^\d+\./, '').replace(/.(.)$/, '某$1'),
};

/** The report printed as pipes per row, with the label cell `text` of row `n` of table `table` retyped. */
function printedWith(seed: number, table: 't2' | 't3', n: number, edit: Edit) {
  const g = makeReport(rng(seed));
  let label = '';
  const lines = parts(g).flatMap((p) => {
    if ('text' in p) return [p.text];
    return p.grid.map((row, r) => {
      const cells = row.map((c) => c.text);
      if (p.table === table && r === n) {
        const at = cells.map((c, i) => (c && !/^[\d.-]*$/.test(c) ? i : -1)).filter((i) => i >= 0).at(-1)!;
        label = cells[at]!;
        cells[at] = edit(label);
      }
      return `| ${cells.join(' | ')} |`;
    });
  });
  return { report: g.report, text: lines.join('\n'), label };
}

describe('a row label retyped', () => {
  for (const [name, edit] of Object.entries(EDITS)) {
    it(`${name}: every row of 表二 and 表三 read right or marked, none silently wrong`, () => {
      let rows = 0;
      let right = 0;
      for (const [seed, format] of [[104729, '2021'], [523645, '2019']] as const) {
        const g = makeReport(rng(seed));
        expect(g.report.format).toBe(format);
        for (const table of ['t2', 't3'] as const) {
          const def = getFormat(format as FormatId).tables[table];
          def.rows.forEach((row, n) => {
            if (n < def.headerRows || !row.some((c) => c.role === 'value')) return;
            const { report, text, label } = printedWith(seed, table, n, edit);
            if (label.replace(/^\d+\./, '').length < 4) return; // 「其他」: too short to tell from a header
            const out = importText(text);
            expect(out.ok).toBe(true);
            if (!out.ok) return;
            const ids = row.filter((c) => c.role === 'value').map((c) => c.cell!);
            const silent = getFormat(format as FormatId).cells.filter((c) => out.report.cells[c.id] !== report.cells[c.id] && !out.uncertain.includes(c.id));
            expect(silent.map((c) => `${label}: ${c.id}`)).toEqual([]);
            rows++;
            if (ids.every((id) => out.report.cells[id] === report.cells[id] && !out.uncertain.includes(id))) right++;
          });
        }
      }
      // most retypings are recognised; the rest are placed by order and marked
      expect(right / rows).toBeGreaterThan(0.9);
    });
  }

  it('likeness: a retyping is alike, another label or a sentence is not', () => {
    expect(likeness('属于行政执法卷宗', '7属于行政执法案卷')).toBeGreaterThan(0.6);
    expect(likeness('规范性文件', '行政规范性文件')).toBeGreaterThan(0.6);
    expect(likeness('属于四类过程性信息', '属于三类内部事务信息')).toBeLessThan(0.6);
    expect(likeness('本表数据来源于本单位登记台账', '属于行政查询事项')).toBe(0);
  });
});
