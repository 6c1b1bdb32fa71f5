import { describe, expect, it } from 'vitest';
import { CHARS_PER_LINE, BODY_PT, BODY_TRACKING_PT, TABLE_FONT_PT, TYPE_AREA_MM, docTable, mmToPt, textPieces } from '../../../core/document/index.js';
import { cellCapacityEm, leavesOrphan, wrapLines } from '../../../core/document/wrap.js';
import { getFormat, type FormatId } from '../../../core/format/index.js';

/** Every labelled cell of a table with the width (mm of the type area) it is printed in. */
function labelledCells(format: FormatId, id: 't2' | 't3' | 't4'): { text: string; mm: number }[] {
  const table = docTable(getFormat(format).tables[id], format, {}, null);
  const total = table.widths.reduce((a, b) => a + b, 0);
  const mm = table.widths.map((w) => (w / total) * TYPE_AREA_MM);
  const covered: number[] = Array(mm.length).fill(0);
  const out: { text: string; mm: number }[] = [];
  for (const row of table.rows) {
    let col = 0;
    for (const cell of row) {
      while (covered[col]! > 0) col++;
      if (cell.rowSpan > 1) for (let c = col; c < col + cell.colSpan; c++) covered[c] = cell.rowSpan;
      if (cell.role !== 'value' && cell.text) out.push({ text: cell.text, mm: mm.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0) });
      col += cell.colSpan;
    }
    for (let c = 0; c < covered.length; c++) if (covered[c]! > 0) covered[c]! -= 1;
  }
  return out;
}

describe('how labels wrap in table cells', () => {
  it('fills lines greedily and keeps 、。，） off the start of a line and （“ off its end (禁则)', () => {
    expect(wrapLines('三、本年度办理结果', 3)).toEqual(['三、本', '年度办', '理结果']);
    expect(wrapLines('三、本年度办理结果', 2)).toEqual(['三、', '本年', '度办', '理结', '果']);
    // 、 may not start a line: 「正」 comes down with it
    expect(wrapLines('1.申请人无正当理由逾期不补正、行政机关', 14.5)).toEqual(['1.申请人无正当理由逾期不补', '正、行政机关']);
    expect(wrapLines('危及“三安全一稳定”', 3)).toEqual(['危及', '“三安', '全一稳', '定”']);
    expect(leavesOrphan('商业企业', 3)).toBe(true);
    expect(leavesOrphan('商业企业', 2)).toBe(false);
  });

  it.each(['2021', '2019'] as const)('%s: no label of 表二, 表三 or 表四 leaves one character on its last line, even 0.3 em off', (format) => {
    for (const id of ['t2', 't3', 't4'] as const) {
      for (const { text, mm } of labelledCells(format, id)) {
        const capacity = cellCapacityEm(mm, TABLE_FONT_PT);
        // a margin either way: fonts and renderers differ a little in what fits
        for (const d of [-0.3, 0, 0.3]) expect(leavesOrphan(text, capacity + d), `${id} 「${text}」 in ${mm.toFixed(1)} mm`).toBe(false);
      }
    }
  });

  it('表三 figures of five digits fit their columns, six in 总计', () => {
    const t3 = getFormat('2021').tables.t3;
    const total = t3.widths.reduce((a, b) => a + b, 0);
    const mm = t3.widths.map((w) => (w / total) * TYPE_AREA_MM);
    for (const w of mm.slice(3, 9)) expect(cellCapacityEm(w, TABLE_FONT_PT)).toBeGreaterThanOrEqual(2.5);
    expect(cellCapacityEm(mm[9]!, TABLE_FONT_PT)).toBeGreaterThanOrEqual(3);
  });
});

describe('28 characters to a line', () => {
  it('tracks 16 pt body text so that 28 characters fit 156 mm and 29 do not', () => {
    const line = mmToPt(TYPE_AREA_MM);
    const pitch = BODY_PT + BODY_TRACKING_PT;
    expect(BODY_TRACKING_PT).toBe(-0.25);
    expect(CHARS_PER_LINE * pitch).toBeLessThanOrEqual(line - 1);
    expect((CHARS_PER_LINE + 1) * pitch).toBeGreaterThan(line);
    // without it, 27
    expect(Math.floor(line / BODY_PT)).toBe(27);
  });
});

describe('long addresses may break anywhere', () => {
  it('marks web addresses, e-mail addresses and phone numbers of 12 characters or more, not figures', () => {
    expect(textPieces('电子邮箱：qhz@example.gov.cn。')).toEqual([
      { text: '电子邮箱：', breakAnywhere: false },
      { text: 'qhz@example.gov.cn', breakAnywhere: true },
      { text: '。', breakAnywhere: false },
    ]);
    expect(textPieces('网址http://www.example.gov.cn/col/index.html，电话0731-83000000').filter((p) => p.breakAnywhere).map((p) => p.text)).toEqual([
      'http://www.example.gov.cn/col/index.html',
      '0731-83000000',
    ]);
    expect(textPieces('全年公开2608条，2024年1月1日').every((p) => !p.breakAnywhere)).toBe(true);
    expect(textPieces('')).toEqual([{ text: '', breakAnywhere: false }]);
  });
});
