import { describe, expect, it } from 'vitest';
import { cellName, getFormat } from '../../../core/format/index.js';
import { parseClipboardTable } from '../../../renderer/report/table/clipboard.js';
import { buildLayout } from '../../../renderer/report/table/layout.js';
import { describePaste, planPaste, withoutHeadings } from '../../../renderer/report/table/paste.js';

const f21 = getFormat('2021');
const t3 = buildLayout(f21.tables.t3, '2021', 'app');
const t2 = buildLayout(f21.tables.t2, '2021', 'app');
const name = (id: string) => cellName(t3.byId.get(id)?.def ?? t2.byId.get(id)!.def);
const values = (changes: { cellId: string; value: number | null }[]) => Object.fromEntries(changes.map((c) => [c.cellId, c.value]));

describe('planPaste: a block copied from a spreadsheet into 表三', () => {
  it('7 columns 自然人…总计: six are written, the 总计 column only checked', () => {
    const block = parseClipboardTable('5\t1\t0\t0\t0\t0\t6\r\n2\t0\t0\t0\t0\t1\t3\r\n');
    const plan = planPaste(t3, 't3.r1.np', block, {}, '2021');
    expect(plan.changes).toHaveLength(12);
    expect(values(plan.changes)).toMatchObject({ 't3.r1.np': 5, 't3.r1.biz': 1, 't3.r1.oth': 0, 't3.r2.np': 2, 't3.r2.oth': 1 });
    expect(plan.changes.some((c) => c.cellId.endsWith('.total'))).toBe(false);
    expect(plan.checks).toEqual([
      { cellId: 't3.r1.total', pasted: 6, computed: 6 },
      { cellId: 't3.r2.total', pasted: 3, computed: 3 },
    ]);
    expect(plan.refused).toEqual([]);
    expect(plan.dropped).toEqual({ rows: 0, cols: 0 });
  });

  it('6 columns fill the six input columns and leave 总计 to be computed', () => {
    const plan = planPaste(t3, 't3.r1.np', [['1', '2', '3', '4', '5', '6']], {}, '2021');
    expect(plan.changes.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.checks).toEqual([]);
  });

  it('a pasted total that does not add up is reported, not written', () => {
    const plan = planPaste(t3, 't3.r1.np', [['5', '1', '0', '0', '0', '0', '9']], {}, '2021');
    expect(plan.checks).toEqual([{ cellId: 't3.r1.total', pasted: 9, computed: 6 }]);
    const report = describePaste(plan, name);
    expect(report.tone).toBe('problem');
    expect(report.lines.join('')).toContain('原表为 9，各格相加为 6');
  });

  it('the （七）总计 row of a pasted column is checked against the results above it', () => {
    // the 自然人 column from （六）3.其他 down to 四: 1, （七）总计 = 4, 四 = 0
    const cells = { 't3.r3_1.np': 3 };
    const plan = planPaste(t3, 't3.r3_6_3.np', [['1'], ['4'], ['0']], cells, '2021');
    expect(values(plan.changes)).toEqual({ 't3.r3_6_3.np': 1, 't3.r4.np': 0 });
    expect(plan.checks).toEqual([{ cellId: 't3.r3_7.np', pasted: 4, computed: 4 }]);
  });

  it('full-width digits, thousands separators and blanks are read as typed; blanks clear', () => {
    const plan = planPaste(t3, 't3.r1.np', [['１２', '1,234', ' 7 ', '']], { 't3.r1.ngo': 9 }, '2021');
    expect(values(plan.changes)).toEqual({ 't3.r1.np': 12, 't3.r1.biz': 1234, 't3.r1.res': 7, 't3.r1.ngo': null });
  });

  it('non-numbers are refused and listed; the numbers around them go in', () => {
    const plan = planPaste(t3, 't3.r1.np', [['3', 'abc', '-1', '2.5']], {}, '2021');
    expect(values(plan.changes)).toEqual({ 't3.r1.np': 3 });
    expect(plan.refused.map((r) => r.cellId)).toEqual(['t3.r1.biz', 't3.r1.res', 't3.r1.ngo']);
    const report = describePaste(plan, name);
    expect(report.lines.join('')).toContain('以下 3 格没有粘贴，原值不变');
    expect(report.lines.join('')).toContain('「abc」不是数字');
  });

  it('what falls outside the table is dropped and said', () => {
    const plan = planPaste(t3, 't3.r4.oth', [['1', '1', '1'], ['2', '2', '2']], {}, '2021');
    expect(plan.changes).toEqual([{ cellId: 't3.r4.oth', value: 1 }]);
    expect(plan.dropped).toEqual({ rows: 1, cols: 1 });
    expect(describePaste(plan, name).lines.join('')).toContain('有 1 行、1 列超出表格，没有粘贴');
  });

  it('row labels and column headings copied along are left out', () => {
    const text =
      '\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\r\n' +
      '一、本年新收政府信息公开申请数量\t\t\t5\t1\t0\t0\t0\t0\t6\r\n' +
      '二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0\r\n';
    const plan = planPaste(t3, 't3.r1.np', parseClipboardTable(text), {}, '2021');
    expect(plan.headings).toEqual({ rows: 1, cols: 3 });
    expect(values(plan.changes)).toMatchObject({ 't3.r1.np': 5, 't3.r1.biz': 1, 't3.r2.np': 0 });
    expect(plan.refused).toEqual([]);
    expect(plan.checks.every((c) => c.pasted === c.computed)).toBe(true);
  });

  it('words alone are not taken for headings: they are refused', () => {
    expect(withoutHeadings([['abc']])).toEqual({ block: [['abc']], rows: 0, cols: 0 });
    expect(withoutHeadings([['', '5']])).toEqual({ block: [['', '5']], rows: 0, cols: 0 });
  });

  it('表二: money is read in 万元 and stored in 分, exactly', () => {
    const plan = planPaste(t2, 't2.fee.amount', [['1.7732']], {}, '2021');
    expect(plan.changes).toEqual([{ cellId: 't2.fee.amount', value: 1_773_200 }]);
  });
});
