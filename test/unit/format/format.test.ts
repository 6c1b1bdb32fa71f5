import { describe, expect, it } from 'vitest';
import {
  FORMAT_2019,
  FORMAT_2021,
  LABEL_ALIASES,
  SECTIONS,
  T3_CORNER_NOTE,
  cellDef,
  formatIdForYear,
  sectionHeading,
  type FormatDef,
  type TableDef,
} from '../../../core/format/index.js';

/** Every printed text of a table, in grid order. */
function texts(table: TableDef): string[] {
  return table.rows.flatMap((row) => row.filter((c) => c.text).map((c) => c.text!));
}

/** Lays the HTML-style grid onto a matrix: every position must be covered exactly once. */
function occupancy(table: TableDef): number[][] {
  const grid: number[][] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          grid[r + dr] ??= [];
          grid[r + dr]![c + dc] = (grid[r + dr]![c + dc] ?? 0) + 1;
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid;
}

describe('sections (spec §1.2)', () => {
  it('has the six titles exactly, in order', () => {
    expect(SECTIONS.map(sectionHeading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});

describe('format by year (F-1)', () => {
  it.each([
    [2017, 'free'],
    [2018, 'free'],
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ])('%i → %s', (year, id) => expect(formatIdForYear(year)).toBe(id));
});

describe.each([FORMAT_2021, FORMAT_2019])('format $id: grids', (format: FormatDef) => {
  it.each(['t2', 't3', 't4'] as const)('%s merges form a full rectangle, every position covered once', (id) => {
    const table = format.tables[id];
    const grid = occupancy(table);
    expect(grid).toHaveLength(table.rows.length);
    for (const row of grid) {
      expect(row).toHaveLength(table.columns);
      expect(row.every((n) => n === 1)).toBe(true);
    }
    expect(table.widths).toHaveLength(table.columns);
  });

  it('every value cell in the grids has a definition and ids are unique', () => {
    const ids = format.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const table of Object.values(format.tables)) {
      const inGrid = table.rows.flat().filter((c) => c.role === 'value').map((c) => c.cell);
      expect(inGrid).toEqual(table.cells.map((c) => c.id));
    }
  });

  it('computed cells sum cells of the same format', () => {
    for (const cell of format.cells.filter((c) => c.sumOf)) {
      for (const part of cell.sumOf!) expect(cellDef(format.id, part), `${cell.id} ← ${part}`).toBeDefined();
    }
  });
});

describe('table 三 (spec §1.4, §2.2)', () => {
  it('2021: 25 value rows × 7 columns; 2019: 23 × 7', () => {
    expect(FORMAT_2021.tables.t3.cells).toHaveLength(25 * 7);
    expect(FORMAT_2019.tables.t3.cells).toHaveLength(23 * 7);
    expect(FORMAT_2021.tables.t3.rows).toHaveLength(28);
    expect(FORMAT_2019.tables.t3.rows).toHaveLength(26);
  });

  it('prints every label exactly', () => {
    const t = texts(FORMAT_2021.tables.t3);
    expect(t).toEqual([
      T3_CORNER_NOTE,
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '（四）无法提供',
      '1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '（五）不予处理',
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    expect(T3_CORNER_NOTE).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('merges: corner 3×3, 三 spans 22 rows (2021) / 20 (2019), groups 8/3/5/3', () => {
    const find = (f: FormatDef, text: string) => f.tables.t3.rows.flat().find((c) => c.text === text)!;
    expect(find(FORMAT_2021, T3_CORNER_NOTE)).toMatchObject({ colSpan: 3, rowSpan: 3 });
    expect(find(FORMAT_2021, '申请人情况')).toMatchObject({ colSpan: 7 });
    expect(find(FORMAT_2021, '法人或其他组织')).toMatchObject({ colSpan: 5 });
    expect(find(FORMAT_2021, '自然人')).toMatchObject({ rowSpan: 2 });
    expect(find(FORMAT_2021, '三、本年度办理结果').rowSpan).toBe(22);
    expect(find(FORMAT_2019, '三、本年度办理结果').rowSpan).toBe(20);
    expect(find(FORMAT_2021, '（三）不予公开').rowSpan).toBe(8);
    expect(find(FORMAT_2021, '（四）无法提供').rowSpan).toBe(3);
    expect(find(FORMAT_2021, '（五）不予处理').rowSpan).toBe(5);
    expect(find(FORMAT_2021, '（六）其他处理').rowSpan).toBe(3);
    expect(find(FORMAT_2019, '（六）其他处理')).toMatchObject({ colSpan: 2 });
    expect(find(FORMAT_2021, '一、本年新收政府信息公开申请数量').colSpan).toBe(3);
  });

  it('总计 column and （七）总计 row are computed', () => {
    expect(cellDef('2021', 't3.r1.total')?.sumOf).toEqual(['t3.r1.np', 't3.r1.biz', 't3.r1.res', 't3.r1.ngo', 't3.r1.law', 't3.r1.oth']);
    expect(cellDef('2021', 't3.r3_7.np')?.sumOf).toHaveLength(21);
    expect(cellDef('2019', 't3.r3_7.np')?.sumOf).toHaveLength(19);
    expect(cellDef('2021', 't3.r1.np')?.sumOf).toBeUndefined();
  });
});

describe('table 四 (spec §1.5)', () => {
  it('15 cells, headers and merges', () => {
    const t4 = FORMAT_2021.tables.t4;
    expect(t4.cells).toHaveLength(15);
    expect(t4.rows[0]).toEqual([
      { role: 'header', text: '行政复议', colSpan: 5 },
      { role: 'header', text: '行政诉讼', colSpan: 10 },
    ]);
    expect(t4.rows[1]!.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['结果维持', 2, undefined],
      ['结果纠正', 2, undefined],
      ['其他结果', 2, undefined],
      ['尚未审结', 2, undefined],
      ['总计', 2, undefined],
      ['未经复议直接起诉', undefined, 5],
      ['复议后起诉', undefined, 5],
    ]);
    expect(t4.rows[2]!.map((c) => c.text)).toEqual(Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat());
    expect(cellDef('2021', 't4.rev.total')?.sumOf).toEqual(['t4.rev.upheld', 't4.rev.corrected', 't4.rev.other', 't4.rev.pending']);
  });
});

describe('table 二 (spec §1.3, §2.1)', () => {
  it('2021 labels and units exactly', () => {
    expect(texts(FORMAT_2021.tables.t2)).toEqual([
      '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件',
      '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可',
      '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '行政强制',
      '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费',
    ]);
    expect(cellDef('2021', 't2.fee.amount')).toMatchObject({ kind: 'money', unit: '万元' });
    expect(cellDef('2021', 't2.lic.decisions')).toBeDefined();
  });

  it('2019 labels exactly; 本年增/减 may be negative', () => {
    expect(texts(FORMAT_2019.tables.t2)).toEqual([
      '第二十条第（一）项', '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章', '规范性文件',
      '第二十条第（五）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政许可', '其他对外管理服务事项',
      '第二十条第（六）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政处罚', '行政强制',
      '第二十条第（八）项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费',
      '第二十条第（九）项', '信息内容', '采购项目数量', '采购总金额', '政府集中采购',
    ]);
    expect(FORMAT_2019.cells.filter((c) => c.kind === 'delta').map((c) => c.id)).toEqual([
      't2.lic.delta', 't2.othsvc.delta', 't2.pun.delta', 't2.coer.delta', 't2.fee.delta',
    ]);
  });
});

describe('cell ids of spec/report-json.md', () => {
  const t3Rows2021 = ['r1', 'r2', 'r3_1', 'r3_2', ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `r3_3_${i}`), 'r3_4_1', 'r3_4_2', 'r3_4_3',
    'r3_5_1', 'r3_5_2', 'r3_5_3', 'r3_5_4', 'r3_5_5', 'r3_6_1', 'r3_6_2', 'r3_6_3', 'r3_7', 'r4'];
  const t3Cols = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'];
  const t4 = ['rev', 'lit_direct', 'lit_after'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `t4.${g}.${c}`));

  it('2021: every id exists', () => {
    const ids = [
      't2.reg.made', 't2.reg.repealed', 't2.reg.valid', 't2.norm.made', 't2.norm.repealed', 't2.norm.valid',
      't2.lic.decisions', 't2.pun.decisions', 't2.coer.decisions', 't2.fee.amount',
      ...t3Rows2021.flatMap((r) => t3Cols.map((c) => `t3.${r}.${c}`)),
      ...t4,
    ];
    for (const id of ids) expect(cellDef('2021', id), id).toBeDefined();
    expect(FORMAT_2021.cells).toHaveLength(ids.length);
  });

  it('2019: every id exists', () => {
    const t3Rows = t3Rows2021.filter((r) => !r.startsWith('r3_6_')).toSpliced(-2, 0, 'r3_6');
    const ids = [
      ...['reg', 'norm'].flatMap((r) => ['new_made', 'new_published', 'total_public'].map((c) => `t2.${r}.${c}`)),
      ...['lic', 'othsvc', 'pun', 'coer'].flatMap((r) => ['prev_items', 'delta', 'decisions'].map((c) => `t2.${r}.${c}`)),
      't2.fee.prev_items', 't2.fee.delta', 't2.proc.count', 't2.proc.amount',
      ...t3Rows.flatMap((r) => t3Cols.map((c) => `t3.${r}.${c}`)),
      ...t4,
    ];
    for (const id of ids) expect(cellDef('2019', id), id).toBeDefined();
    expect(FORMAT_2019.cells).toHaveLength(ids.length);
  });
});

describe('aliases (spec §7)', () => {
  it('maps the variants seen in the wild', () => {
    expect(LABEL_ALIASES['社会组织']).toBe('社会公益组织');
    expect(LABEL_ALIASES['本年废止或失效件数']).toBe('本年废止件数');
    expect(LABEL_ALIASES['合计']).toBe('总计');
  });
});
