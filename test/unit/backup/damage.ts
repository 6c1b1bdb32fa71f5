import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Damage of the two kinds a data file meets (a bad sector, a write torn by a power cut, a bug in
 * a disk driver), made on a closed file, for the tests.
 */

function rootPage(file: string, name: string): { page: number; pageSize: number } {
  const db = new Database(file, { readonly: true });
  try {
    const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(name) as number;
    return { page, pageSize: Number(db.pragma('page_size', { simple: true })) };
  } finally {
    db.close();
  }
}

/** Garbage over the first page of a table: what `PRAGMA quick_check` (and any read of it) finds. */
export function damageTable(file: string, table = 'cells'): void {
  const { page, pageSize } = rootPage(file, table);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

const MARKER = 'ZQXJ-索引核对-0001';

/**
 * An index that no longer agrees with its table, every page well formed: `quick_check` passes it,
 * only the full `integrity_check` finds it. Adds a table and an index of its own to the file
 * (the app ignores tables it does not know) and changes one letter of the indexed text inside the
 * index's page.
 */
export function damageIndexOnly(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE probe (t TEXT); CREATE INDEX probe_t ON probe (t); INSERT INTO probe VALUES ('${MARKER}');`);
  db.close(); // the last connection: the -wal is written into the file
  const { page, pageSize } = rootPage(file, 'probe_t');
  const bytes = fs.readFileSync(file);
  const start = (page - 1) * pageSize;
  const at = bytes.indexOf(Buffer.from(MARKER), start);
  if (at < start || at >= start + pageSize) throw new Error('marker not found in the index page');
  bytes[at] = 'Y'.charCodeAt(0);
  fs.writeFileSync(file, bytes);
}
