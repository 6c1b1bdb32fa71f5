import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { importText } from '../../../core/import/index.js';
import { linesFromText } from '../../../core/import/lines.js';
import { readTable2, readTable3, readTable4 } from '../../../core/import/tables.js';

/** Table readers on the awkward cases, with figures that differ from cell to cell. */

const T3_ROWS = getFormat('2021').tables.t3.cells.filter((c) => c.col === 'np').map((c) => c.row);

function row(label: string, values: number[]): string {
  return `${label} | ${values.join(' | ')} |`;
}

describe('表三', () => {
  it('reads rows whose labels were lost, taking each row’s trailing seven figures', () => {
    const lines = linesFromText(
      [
        row('（三）不予公开', [99, 1, 2, 3, 4, 5, 6, 7]),
        ...Array.from({ length: 7 }, (_, k) => row('', [99, 10 * (k + 2) + 1, 2, 3, 4, 5, 6, 7]).replace(/^ \| /, '')),
      ].join('\n'),
    );
    const read = readTable3('2021', lines);
    expect(read.cells['t3.r3_3_1.np']).toBe(1);
    expect(read.cells['t3.r3_3_1.total']).toBe(7);
    expect(read.cells['t3.r3_3_8.np']).toBe(81);
    expect(Object.values(read.cells)).not.toContain(99);
    expect(read.uncertain).toContain('t3.r3_3_8.total');
    expect(read.warnings[0]).toContain('没有行名');
  });

  it('splits lost-label figures by count where the source had no rows', () => {
    const figures = Array.from({ length: 3 * 8 }, (_, k) => (k % 8 === 0 ? 99 : k));
    const lines = linesFromText(['（四）无法提供', ...figures.map(String)].join('\n'));
    const read = readTable3('2021', lines);
    expect(read.cells['t3.r3_4_1.np']).toBe(1);
    expect(read.cells['t3.r3_4_3.total']).toBe(23);
  });

  it('leaves a group blank when its figures cannot be split', () => {
    const read = readTable3('2021', linesFromText(row('（四）无法提供', [1, 2, 3, 4, 5])));
    expect(read.cells['t3.r3_4_1.np']).toBeUndefined();
    expect(read.uncertain).toContain('t3.r3_4_1.np');
    expect(read.warnings[0]).toContain('对不上');
  });

  it('reads text copied out of a PDF: label and figures on one line, spaces between', () => {
    const lines = linesFromText('一、本年新收政府信息公开申请数量 4 0 0 1 0 0 5\n二、上年结转政府信息公开申请数量\n0 0 0 0 0 0 0');
    const read = readTable3('2021', lines);
    expect(read.cells['t3.r1.ngo']).toBe(1);
    expect(read.cells['t3.r1.total']).toBe(5);
    expect(read.cells['t3.r2.total']).toBe(0);
  });

  it('joins a label broken over two lines', () => {
    const lines = linesFromText(['（三）', '不予公开', '1.属于', '国家秘密', '1', '2', '3', '4', '5', '6', '21'].join('\n'));
    expect(readTable3('2021', lines).cells['t3.r3_3_1.total']).toBe(21);
  });

  it('flags placeholders and impossible figures, keeping the rest of the row', () => {
    const read = readTable3('2021', linesFromText(row('（一）予以公开', [1, 2, 3, 4, 5, 6, 7]).replace('| 2 |', '| — |').replace('| 4 |', '| 4.5 |')));
    expect(read.cells['t3.r3_1.np']).toBe(1);
    expect(read.cells['t3.r3_1.biz']).toBeUndefined();
    expect(read.cells['t3.r3_1.ngo']).toBeUndefined();
    expect(read.uncertain).toEqual(expect.arrayContaining(['t3.r3_1.biz', 't3.r3_1.ngo']));
    expect(read.warnings.join('\n')).toMatch(/「—」[\s\S]*「4\.5」不是整数/);
  });

  it('marks every row it did not find', () => {
    const read = readTable3('2021', linesFromText(row('一、本年新收政府信息公开申请数量', [1, 1, 1, 1, 1, 1, 6])));
    expect(read.uncertain).toHaveLength((T3_ROWS.length - 1) * 7);
  });

  it('reads 合计 as 总计 and the 2019 single （六） row', () => {
    const read = readTable3('2019', linesFromText([row('（六）其他处理', [1, 0, 0, 0, 0, 0, 1]), row('（七）合计', [2, 0, 0, 0, 0, 0, 2])].join('\n')));
    expect(read.cells['t3.r3_6.total']).toBe(1);
    expect(read.cells['t3.r3_7.total']).toBe(2);
  });
});

describe('表二', () => {
  it('reads money in 万元 to integer 分, and in 元 where the header says so', () => {
    expect(readTable2('2021', linesFromText('行政事业性收费 | 1.7732 |')).cells['t2.fee.amount']).toBe(1_773_200);
    expect(readTable2('2021', linesFromText('行政事业性收费 | 1234.567891 |')).cells['t2.fee.amount']).toBe(1_234_567_891);
    const yuan = readTable2('2021', linesFromText('信息内容 | 本年收费金额（单位：元） |\n行政事业性收费 | 17732 |'));
    expect(yuan.cells['t2.fee.amount']).toBe(1_773_200);
    expect(readTable2('2019', linesFromText('政府集中采购 | 3 | 251000.5元 |')).cells['t2.proc.amount']).toBe(25_100_050);
  });

  it('refuses more than six decimals of 万元 and a negative count, but keeps a negative 增/减', () => {
    const read = readTable2('2019', linesFromText('行政许可 | -2 | -3 | 5 |\n政府集中采购 | 1 | 0.1234567 |'));
    expect(read.cells['t2.lic.prev_items']).toBeUndefined();
    expect(read.cells['t2.lic.delta']).toBe(-3);
    expect(read.cells['t2.proc.amount']).toBeUndefined();
    expect(read.uncertain).toEqual(expect.arrayContaining(['t2.lic.prev_items', 't2.proc.amount']));
  });

  it('takes the leading figures of an over-full row and says so', () => {
    const read = readTable2('2021', linesFromText('规章 | 1 | 2 | 3 | 4 |'));
    expect(read.cells['t2.reg.valid']).toBe(3);
    expect(read.warnings[0]).toContain('4 个数');
  });
});

describe('表四', () => {
  it('reads fifteen figures printed as two tables', () => {
    const lines = linesFromText(
      [
        '行政复议 |',
        '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
        '1 | 2 | 3 | 4 | 10 |',
        '行政诉讼 |',
        '未经复议直接起诉 | 复议后起诉 |',
        '结果 维持 | 结果 纠正 | 其他 结果 | 尚未 审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
        '5 | 6 | 7 | 8 | 26 | 9 | 10 | 11 | 12 | 42 |',
        '五、存在的主要问题及改进情况',
        '7 | 7 |',
      ].join('\n'),
    );
    const read = readTable4('2021', lines);
    expect(read.cells['t4.rev.total']).toBe(10);
    expect(read.cells['t4.lit_direct.upheld']).toBe(5);
    expect(read.cells['t4.lit_after.total']).toBe(42);
    expect(read.uncertain).toEqual([]);
  });

  it('leaves the table blank when the count is short', () => {
    const read = readTable4('2021', linesFromText('行政复议 | 行政诉讼 |\n0 | 0 | 0 |'));
    expect(read.cells).toEqual({});
    expect(read.uncertain).toHaveLength(15);
  });
});

describe('the whole import', () => {
  it('reads tables pasted without any section heading', () => {
    const out = importText(['某镇2022年政府信息公开工作年度报告', '规章 | 0 | 0 | 0 |', '行政规范性文件 | 2 | 1 | 9 |', '行政复议 | 行政诉讼 |', Array(15).fill(1).join(' | ')].join('\n'));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.detected.format).toBe('2021');
    expect(out.report.cells['t2.norm.valid']).toBe(9);
    expect(out.report.cells['t4.lit_after.total']).toBe(1);
  });

  it('says so when the tables follow another format than the year requires (F-1)', () => {
    const out = importText(['某镇2021年政府信息公开工作年度报告', '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |', '规范性文件 | 1 | 1 | 1 |'].join('\n'));
    expect(out.ok && out.detected.format).toBe('2019');
    expect(out.ok && out.warnings.some((w) => w.includes('F-1'))).toBe(true);
  });
});
