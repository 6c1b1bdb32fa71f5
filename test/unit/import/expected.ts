import { getFormat, type FormatId } from '../../../core/format/index.js';
import { wanToFen } from '../../../core/report/index.js';

/**
 * The figures of the five seed reports, typed by hand from the published texts (not produced by
 * the importer). Rows are written in the table's column order; a money figure is written as
 * printed, in 万元. The fixtures in test/fixtures/import/ reproduce the same figures.
 */

type Row = readonly (number | string)[];

export interface ExpectedReport {
  format: FormatId | 'free';
  year: number;
  level: 'township' | 'street' | 'county' | 'department';
  t2?: Readonly<Record<string, Row>>;
  t3?: Readonly<Record<string, Row>>;
  t4?: readonly number[];
}

const Z7 = [0, 0, 0, 0, 0, 0, 0] as const;
const Z15 = Array(15).fill(0) as number[];

/** every result row of 表三 that is all zeros, for the rows a seed does not list */
function t3(format: FormatId, rows: Readonly<Record<string, Row>>): Record<string, Row> {
  const out: Record<string, Row> = {};
  for (const c of getFormat(format).tables.t3.cells) out[c.row] = rows[c.row] ?? Z7;
  return out;
}

export const SEED_EXPECTED: Readonly<Record<string, ExpectedReport>> = {
  // 锦石乡 2020, 2019 format: 规范性文件 3/0/0; 3 applications from 其他, all 予以公开; （七）总计 printed as all 0
  '000': {
    format: '2019',
    year: 2020,
    level: 'township',
    t2: {
      reg: [0, 0, 0],
      norm: [3, 0, 0],
      lic: [0, 0, 0],
      othsvc: [0, 0, 0],
      pun: [0, 0, 0],
      coer: [0, 0, 0],
      fee: [0, 0],
      proc: [0, '0'],
    },
    t3: t3('2019', { r1: [0, 0, 0, 0, 0, 3, 3], r3_1: [0, 0, 0, 0, 0, 3, 3] }),
    t4: Z15,
  },
  // 清凉峰镇 2021: 4 applications from 自然人, all 予以公开
  '001': {
    format: '2021',
    year: 2021,
    level: 'township',
    t2: { reg: [0, 0, 0], norm: [0, 0, 0], lic: [0], pun: [0], coer: [0], fee: ['0'] },
    t3: t3('2021', { r1: [4, 0, 0, 0, 0, 0, 4], r3_1: [4, 0, 0, 0, 0, 0, 4], r3_7: [4, 0, 0, 0, 0, 0, 4] }),
    t4: Z15,
  },
  // 岳村镇 2021: every figure 0
  '002': {
    format: '2021',
    year: 2021,
    level: 'township',
    t2: { reg: [0, 0, 0], norm: [0, 0, 0], lic: [0], pun: [0], coer: [0], fee: ['0'] },
    t3: t3('2021', {}),
    t4: Z15,
  },
  // 浏阳市 2023
  '003': {
    format: '2021',
    year: 2023,
    level: 'county',
    t2: { reg: [0, 0, 0], norm: [11, 27, 75], lic: [497244], pun: [93701], coer: [1446], fee: ['17732'] },
    t3: t3('2021', {
      r1: [219, 5, 0, 0, 0, 0, 224],
      r2: [8, 0, 0, 0, 0, 0, 8],
      r3_1: [86, 3, 0, 0, 0, 0, 89],
      r3_2: [18, 0, 0, 0, 0, 0, 18],
      r3_3_1: [1, 0, 0, 0, 0, 0, 1],
      r3_3_4: [5, 0, 0, 0, 0, 0, 5],
      r3_3_5: [3, 0, 0, 0, 0, 0, 3],
      r3_3_7: [1, 0, 0, 0, 0, 0, 1],
      r3_3_8: [1, 0, 0, 0, 0, 0, 1],
      r3_4_1: [36, 2, 0, 0, 0, 0, 38],
      r3_4_2: [4, 0, 0, 0, 0, 0, 4],
      r3_5_1: [1, 0, 0, 0, 0, 0, 1],
      r3_5_5: [2, 0, 0, 0, 0, 0, 2],
      r3_6_3: [47, 0, 0, 0, 0, 0, 47],
      r3_7: [205, 5, 0, 0, 0, 0, 210],
      r4: [22, 0, 0, 0, 0, 0, 22],
    }),
    t4: [2, 0, 1, 1, 4, 1, 0, 1, 2, 4, 1, 0, 0, 0, 1],
  },
  // 龙山 2017: free form, no tables
  '004': { format: 'free', year: 2017, level: 'county' },
};

/** Expected rows → cell ids and integer values (money in 元), through the format's own cell order. */
export function expectedCells(e: ExpectedReport): Record<string, number> {
  if (e.format === 'free') return {};
  const format = getFormat(e.format);
  const out: Record<string, number> = {};
  for (const table of ['t2', 't3'] as const) {
    const rows = e[table] ?? {};
    for (const [row, values] of Object.entries(rows)) {
      const defs = format.tables[table].cells.filter((c) => c.row === row);
      if (defs.length !== values.length) throw new Error(`expected ${table}.${row}: ${values.length} values for ${defs.length} cells`);
      defs.forEach((def, k) => {
        const v = values[k]!;
        out[def.id] = typeof v === 'string' ? wanToFen(v)! : v;
      });
    }
  }
  format.tables.t4.cells.forEach((def, k) => {
    if (e.t4) out[def.id] = e.t4[k]!;
  });
  return out;
}
