import type { CellDef, GridCell, TableDef } from './types.js';

/**
 * 三、收到和处理政府信息公开申请情况 — spec §1.4 (2021) and §2.2 (2019).
 * The two formats differ only in （六）其他处理: three sub-rows in 2021, one row in 2019.
 */

export const T3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Data columns in order; `total` is computed from the six before it. */
export const T3_COLUMNS = [
  { key: 'np', label: '自然人' },
  { key: 'biz', label: '商业企业' },
  { key: 'res', label: '科研机构' },
  { key: 'ngo', label: '社会公益组织' },
  { key: 'law', label: '法律服务机构' },
  { key: 'oth', label: '其他' },
  { key: 'total', label: '总计' },
] as const;

export const T3_OPEN_COLUMNS = T3_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

const APPLICANTS = '申请人情况';
const LEGAL_PERSONS = '法人或其他组织';
const RESULTS = '三、本年度办理结果';

interface RowSpec {
  key: string;
  label: string;
  /** the group label (（三）不予公开 …) this row sits under, if any */
  group?: string;
}

interface GroupSpec {
  label: string;
  rows: { key: string; label: string }[];
}

type ResultItem = { key: string; label: string } | GroupSpec;

function resultItems(format: '2021' | '2019'): ResultItem[] {
  const other: ResultItem =
    format === '2021'
      ? {
          label: '（六）其他处理',
          rows: [
            { key: 'r3_6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
            { key: 'r3_6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
            { key: 'r3_6_3', label: '3.其他' },
          ],
        }
      : { key: 'r3_6', label: '（六）其他处理' };
  return [
    { key: 'r3_1', label: '（一）予以公开' },
    { key: 'r3_2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
    {
      label: '（三）不予公开',
      rows: [
        { key: 'r3_3_1', label: '1.属于国家秘密' },
        { key: 'r3_3_2', label: '2.其他法律行政法规禁止公开' },
        { key: 'r3_3_3', label: '3.危及“三安全一稳定”' },
        { key: 'r3_3_4', label: '4.保护第三方合法权益' },
        { key: 'r3_3_5', label: '5.属于三类内部事务信息' },
        { key: 'r3_3_6', label: '6.属于四类过程性信息' },
        { key: 'r3_3_7', label: '7.属于行政执法案卷' },
        { key: 'r3_3_8', label: '8.属于行政查询事项' },
      ],
    },
    {
      label: '（四）无法提供',
      rows: [
        { key: 'r3_4_1', label: '1.本机关不掌握相关政府信息' },
        { key: 'r3_4_2', label: '2.没有现成信息需要另行制作' },
        { key: 'r3_4_3', label: '3.补正后申请内容仍不明确' },
      ],
    },
    {
      label: '（五）不予处理',
      rows: [
        { key: 'r3_5_1', label: '1.信访举报投诉类申请' },
        { key: 'r3_5_2', label: '2.重复申请' },
        { key: 'r3_5_3', label: '3.要求提供公开出版物' },
        { key: 'r3_5_4', label: '4.无正当理由大量反复申请' },
        { key: 'r3_5_5', label: '5.要求行政机关确认或重新出具已获取信息' },
      ],
    },
    other,
  ];
}

function isGroup(item: ResultItem): item is GroupSpec {
  return 'rows' in item;
}

/** Keys of the result rows whose sum is （七）总计, in table order. */
export function t3ResultRowKeys(format: '2021' | '2019'): string[] {
  return resultItems(format).flatMap((item) => (isGroup(item) ? item.rows.map((r) => r.key) : [item.key]));
}

function valueCells(row: RowSpec, path: string[], resultKeys: string[]): { grid: GridCell[]; defs: CellDef[] } {
  const defs: CellDef[] = T3_COLUMNS.map((col) => {
    const id = `t3.${row.key}.${col.key}`;
    const colPath =
      col.key === 'np' || col.key === 'total'
        ? [APPLICANTS, col.label]
        : [APPLICANTS, LEGAL_PERSONS, col.label];
    const def: CellDef = { id, table: 't3', row: row.key, col: col.key, rowPath: path, colPath, kind: 'count', unit: '件' };
    if (col.key === 'total') def.sumOf = T3_OPEN_COLUMNS.map((c) => `t3.${row.key}.${c}`);
    else if (row.key === 'r3_7') def.sumOf = resultKeys.map((k) => `t3.${k}.${col.key}`);
    return def;
  });
  return { grid: defs.map((d) => ({ role: 'value', cell: d.id })), defs };
}

export function buildTable3(format: '2021' | '2019'): TableDef {
  const items = resultItems(format);
  const resultKeys = t3ResultRowKeys(format);
  const resultRowCount = resultKeys.length + 1; // + （七）总计
  const rows: GridCell[][] = [
    [
      { role: 'corner', text: T3_CORNER_NOTE, colSpan: 3, rowSpan: 3 },
      { role: 'header', text: APPLICANTS, colSpan: 7 },
    ],
    [
      { role: 'header', text: '自然人', rowSpan: 2 },
      { role: 'header', text: LEGAL_PERSONS, colSpan: 5 },
      { role: 'header', text: '总计', rowSpan: 2 },
    ],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ role: 'header', text })),
  ];
  const cells: CellDef[] = [];
  const pushRow = (leading: GridCell[], row: RowSpec, path: string[]) => {
    const { grid, defs } = valueCells(row, path, resultKeys);
    rows.push([...leading, ...grid]);
    cells.push(...defs);
  };

  pushRow([{ role: 'label', text: '一、本年新收政府信息公开申请数量', colSpan: 3 }], { key: 'r1', label: '' }, ['一、本年新收政府信息公开申请数量']);
  pushRow([{ role: 'label', text: '二、上年结转政府信息公开申请数量', colSpan: 3 }], { key: 'r2', label: '' }, ['二、上年结转政府信息公开申请数量']);

  let first = true;
  const resultsCell = (): GridCell[] => {
    if (!first) return [];
    first = false;
    return [{ role: 'label', text: RESULTS, rowSpan: resultRowCount }];
  };
  for (const item of items) {
    if (isGroup(item)) {
      item.rows.forEach((sub, i) => {
        const leading: GridCell[] = [...resultsCell()];
        if (i === 0) leading.push({ role: 'label', text: item.label, rowSpan: item.rows.length });
        leading.push({ role: 'label', text: sub.label });
        pushRow(leading, { key: sub.key, label: sub.label }, [RESULTS, item.label, sub.label]);
      });
    } else {
      pushRow([...resultsCell(), { role: 'label', text: item.label, colSpan: 2 }], item, [RESULTS, item.label]);
    }
  }
  pushRow([{ role: 'label', text: '（七）总计', colSpan: 2 }], { key: 'r3_7', label: '（七）总计' }, [RESULTS, '（七）总计']);
  pushRow([{ role: 'label', text: '四、结转下年度继续办理', colSpan: 3 }], { key: 'r4', label: '' }, ['四、结转下年度继续办理']);

  return {
    id: 't3',
    section: 's3',
    columns: 10,
    // in mm of the 156 mm type area, chosen (test/unit/export/wrap.test.ts) so that at 9 pt no
    // label leaves one character on its last line (「三、本/年度办/理结果」, 「商业/企业」) and the
    // data columns hold five-digit figures, the 总计 column six
    widths: [13, 16, 49.5, 13, 10.5, 10.5, 10.5, 10.5, 10.5, 12],
    headerRows: 3,
    rows,
    cells,
  };
}
