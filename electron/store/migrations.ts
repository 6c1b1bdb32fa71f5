import type Database from 'better-sqlite3';

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
];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
