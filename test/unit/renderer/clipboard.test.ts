import { describe, expect, it } from 'vitest';
import { parseClipboardTable, toTabSeparated } from '../../../renderer/report/table/clipboard.js';

describe('parseClipboardTable: what Excel and WPS put on the clipboard', () => {
  it('reads tabs and \\r\\n, ignoring the one trailing line break', () => {
    expect(parseClipboardTable('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads \\n and a missing trailing line break alike', () => {
    expect(parseClipboardTable('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty cells, leading, inner and trailing', () => {
    expect(parseClipboardTable('\t5\t\r\n\t\t\r\n')).toEqual([
      ['', '5', ''],
      ['', '', ''],
    ]);
  });

  it('unquotes cells holding line breaks, tabs and doubled quotes', () => {
    expect(parseClipboardTable('"1,234"\t"a\r\nb"\t"say ""hi"""\r\n7\t8\t9\r\n')).toEqual([
      ['1,234', 'a\r\nb', 'say "hi"'],
      ['7', '8', '9'],
    ]);
  });

  it('takes a quote that does not close a cell as text', () => {
    expect(parseClipboardTable('"3安全"稳定\t1')).toEqual([['"3安全"稳定', '1']]);
  });

  it('gives nothing for empty text and one cell for one value', () => {
    expect(parseClipboardTable('')).toEqual([]);
    expect(parseClipboardTable('12\r\n')).toEqual([['12']]);
  });

  it('round-trips through toTabSeparated', () => {
    const rows = [
      ['1', '', 'a\tb'],
      ['x"y', '5', ''],
    ];
    expect(parseClipboardTable(toTabSeparated(rows))).toEqual(rows);
    expect(toTabSeparated([['1', '2'], ['3', '4']])).toBe('1\t2\r\n3\t4');
  });
});
