/**
 * Text as spreadsheets put it on the clipboard: cells separated by tabs, rows by line breaks
 * (\r\n from Excel and WPS on Windows, \n elsewhere), one trailing line break, and cells that
 * contain a tab, a line break or a quote wrapped in double quotes with inner quotes doubled.
 */

/** Reads clipboard text into rows of cells. A single trailing line break does not make a row. */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // a quoted cell: read to the closing quote; "" inside stands for one quote
      const end = closingQuote(text, i + 1);
      if (end !== -1) {
        cell = text.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (!atCellStart || cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Index of the quote that closes a quoted cell opened before `from`, or -1 if it is not a quoted cell. */
function closingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      // a real closing quote is followed by the end of the cell
      const next = text[i + 1];
      return next === undefined || next === '\t' || next === '\r' || next === '\n' ? i : -1;
    }
    i += 1;
  }
  return -1;
}

/** Rows of cells as tab-separated text, quoting a cell only when a spreadsheet would need it to. */
export function toTabSeparated(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join('\t')).join('\r\n');
}
