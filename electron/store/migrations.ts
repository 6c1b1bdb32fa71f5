import type Database from 'better-sqlite3';
import { getFormat, type FormatId } from '../../core/format/index.js';
import { FEN_PER_YUAN } from '../../core/report/money.js';
import { quickContentHash, type ReportSnapshot } from '../../core/report/versions.js';

/**
 * Numbered schema migrations. Append only: a shipped migration is never edited, and columns are
 * never dropped or renamed (later code simply stops reading them). `PRAGMA user_version` holds
 * the number of the last one applied.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'agencies, reports, cells, sections, versions, acknowledgements, settings',
    up(db) {
      db.exec(`
        CREATE TABLE agencies (
          id          INTEGER PRIMARY KEY,
          name        TEXT NOT NULL,
          level       TEXT NOT NULL,
          region      TEXT NOT NULL DEFAULT '',
          address     TEXT NOT NULL DEFAULT '',
          postcode    TEXT NOT NULL DEFAULT '',
          phone       TEXT NOT NULL DEFAULT '',
          email       TEXT NOT NULL DEFAULT '',
          website     TEXT NOT NULL DEFAULT '',
          signoff     TEXT NOT NULL DEFAULT '{}',
          created_at  TEXT NOT NULL,
          updated_at  TEXT NOT NULL
        );
        CREATE TABLE reports (
          id          INTEGER PRIMARY KEY,
          agency_id   INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
          year        INTEGER NOT NULL,
          format      TEXT NOT NULL CHECK (format IN ('2021', '2019', 'free')),
          state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'signed')),
          origin      TEXT NOT NULL DEFAULT 'app' CHECK (origin IN ('app', 'imported')),
          signoff     TEXT NOT NULL DEFAULT '{}',
          meta        TEXT NOT NULL DEFAULT '{}',
          created_at  TEXT NOT NULL,
          updated_at  TEXT NOT NULL,
          UNIQUE (agency_id, year)
        );
        CREATE TABLE cells (
          report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          cell_id     TEXT NOT NULL,
          value       INTEGER,
          note        TEXT,
          PRIMARY KEY (report_id, cell_id)
        ) WITHOUT ROWID;
        CREATE TABLE sections (
          report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          key         TEXT NOT NULL,
          text        TEXT NOT NULL,
          updated_at  TEXT NOT NULL,
          PRIMARY KEY (report_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE versions (
          id          INTEGER PRIMARY KEY,
          report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          label       TEXT NOT NULL,
          author      TEXT NOT NULL DEFAULT '',
          kind        TEXT NOT NULL DEFAULT 'manual',
          fingerprint TEXT NOT NULL,
          snapshot    TEXT NOT NULL,
          created_at  TEXT NOT NULL
        );
        CREATE INDEX versions_by_report ON versions(report_id, id);
        CREATE TABLE acknowledgements (
          report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
          finding_key TEXT NOT NULL,
          reason      TEXT NOT NULL,
          created_at  TEXT NOT NULL,
          PRIMARY KEY (report_id, finding_key)
        ) WITHOUT ROWID;
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    description: 'reports.revision: counts the changes to a report, so that a window can tell whether it holds the latest',
    up(db) {
      db.exec('ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 0');
    },
  },
  {
    version: 3,
    description: 'money in 分 instead of 元 (issue 10: published fees are printed to the 分)',
    up(db) {
      moneyToFen(db);
    },
  },
  {
    version: 4,
    description: 'the county workspace (issue 15): its units, and the reports collected from them, kept apart from the office\'s own reports',
    up(db) {
      db.exec(`
        CREATE TABLE county_units (
          id          INTEGER PRIMARY KEY,
          name        TEXT NOT NULL UNIQUE,
          level       TEXT NOT NULL,
          parent_id   INTEGER REFERENCES county_units(id) ON DELETE SET NULL,
          code        TEXT NOT NULL DEFAULT '',
          must_report INTEGER NOT NULL DEFAULT 1,
          contact     TEXT NOT NULL DEFAULT '',
          created_at  TEXT NOT NULL,
          updated_at  TEXT NOT NULL
        );
        CREATE TABLE county_reports (
          id            INTEGER PRIMARY KEY,
          unit_id       INTEGER NOT NULL REFERENCES county_units(id) ON DELETE CASCADE,
          year          INTEGER NOT NULL,
          source        TEXT NOT NULL CHECK (source IN ('package', 'import', 'paper')),
          file_name     TEXT NOT NULL DEFAULT '',
          state         TEXT NOT NULL CHECK (state IN ('draft', 'signed')),
          report        TEXT NOT NULL,
          -- the report's own rules, counted when it arrived (the board lists hundreds without checking each again)
          errors        INTEGER NOT NULL DEFAULT 0,
          warnings      INTEGER NOT NULL DEFAULT 0,
          seal          TEXT NOT NULL DEFAULT '',
          published_on  TEXT NOT NULL DEFAULT '',
          published_url TEXT NOT NULL DEFAULT '',
          thread        TEXT NOT NULL DEFAULT '',
          returned_at   TEXT NOT NULL DEFAULT '',
          return_seal   TEXT NOT NULL DEFAULT '',
          received_at   TEXT NOT NULL,
          UNIQUE (unit_id, year)
        );
      `);
    },
  },
];

/**
 * Money cells (表二's 收费金额 and 2019's 采购总金额) and the money in every version snapshot go
 * from whole 元 to 分 (×100). A signed version's SHA-256 stays valid: the fingerprint counts money
 * in 元 (core/report/fingerprint.ts). The quick hashes of other versions are recomputed.
 */
function moneyToFen(db: Database.Database): void {
  const moneyIds = (format: string) => (format === 'free' ? [] : getFormat(format as FormatId).cells.filter((c) => c.kind === 'money').map((c) => c.id));
  const update = db.prepare('UPDATE cells SET value = value * 100 WHERE report_id = ? AND cell_id = ? AND value IS NOT NULL');
  for (const r of db.prepare('SELECT id, format FROM reports').all() as { id: number; format: string }[]) {
    for (const id of moneyIds(r.format)) update.run(r.id, id);
  }
  const write = db.prepare('UPDATE versions SET snapshot = ?, fingerprint = ? WHERE id = ?');
  for (const v of db.prepare('SELECT id, kind, fingerprint, snapshot FROM versions').all() as { id: number; kind: string; fingerprint: string; snapshot: string }[]) {
    const snapshot = JSON.parse(v.snapshot) as ReportSnapshot;
    const ids = moneyIds(snapshot.format).filter((id) => typeof snapshot.cells[id] === 'number');
    if (!ids.length) continue;
    for (const id of ids) snapshot.cells[id] = snapshot.cells[id]! * FEN_PER_YUAN;
    const fingerprint = v.fingerprint.startsWith('fnv1a:') ? quickContentHash(snapshot) : v.fingerprint;
    write.run(JSON.stringify(snapshot), fingerprint, v.id);
  }
}

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
