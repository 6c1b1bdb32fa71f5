import type Database from 'better-sqlite3';
import type { VersionSummary } from '../../core/api.js';
import type { ReportSnapshot } from '../../core/report/versions.js';

/**
 * Saved versions of a report (table `versions`). A version is written once and never changed:
 * this class has no update and no delete (a version goes only with its report, by the foreign
 * key's cascade). Restoring a version writes the report's content back, inside the service's
 * transaction (Store.transaction).
 */

/** A version as listed (core/api's VersionSummary): the snapshot itself is read only on request. */
export type VersionRow = VersionSummary;

interface DbRow {
  id: number;
  report_id: number;
  label: string;
  author: string;
  kind: string;
  fingerprint: string;
  snapshot?: string;
  created_at: string;
}

function toRow(r: DbRow): VersionRow {
  return { id: r.id, reportId: r.report_id, label: r.label, author: r.author, kind: r.kind, fingerprint: r.fingerprint, createdAt: r.created_at };
}

export interface NewVersion {
  label: string;
  author: string;
  kind: string;
  fingerprint: string;
  snapshot: ReportSnapshot;
}

const COLUMNS = 'id, report_id, label, author, kind, fingerprint, created_at';

export class VersionStore {
  private readonly listOf;
  private readonly byId;
  private readonly latestOf;
  private readonly insertOne;
  private readonly clearCells;
  private readonly putCell;
  private readonly clearSections;
  private readonly putSection;
  private readonly putSignoff;

  constructor(private readonly db: Database.Database) {
    this.listOf = db.prepare<[number], DbRow>(`SELECT ${COLUMNS} FROM versions WHERE report_id = ? ORDER BY id DESC`);
    this.byId = db.prepare<[number, number], DbRow>(`SELECT ${COLUMNS}, snapshot FROM versions WHERE report_id = ? AND id = ?`);
    this.latestOf = db.prepare<[number], DbRow>(`SELECT ${COLUMNS} FROM versions WHERE report_id = ? ORDER BY id DESC LIMIT 1`);
    this.insertOne = db.prepare(
      `INSERT INTO versions (report_id, label, author, kind, fingerprint, snapshot, created_at)
       VALUES (@reportId, @label, @author, @kind, @fingerprint, @snapshot, @createdAt)`,
    );
    this.clearCells = db.prepare('DELETE FROM cells WHERE report_id = ?');
    this.putCell = db.prepare('INSERT INTO cells (report_id, cell_id, value, note) VALUES (?, ?, ?, ?)');
    this.clearSections = db.prepare('DELETE FROM sections WHERE report_id = ?');
    this.putSection = db.prepare('INSERT INTO sections (report_id, key, text, updated_at) VALUES (?, ?, ?, ?)');
    this.putSignoff = db.prepare('UPDATE reports SET signoff = ? WHERE id = ?');
  }

  /** Newest first. */
  list(reportId: number): VersionRow[] {
    return this.listOf.all(reportId).map(toRow);
  }

  latest(reportId: number): VersionRow | undefined {
    const row = this.latestOf.get(reportId);
    return row && toRow(row);
  }

  get(reportId: number, id: number): (VersionRow & { snapshot: ReportSnapshot }) | undefined {
    const row = this.byId.get(reportId, id);
    return row && { ...toRow(row), snapshot: JSON.parse(row.snapshot!) as ReportSnapshot };
  }

  /** Call inside a transaction when it must go together with other writes. */
  insert(reportId: number, version: NewVersion, now: string): VersionRow {
    const info = this.insertOne.run({
      reportId,
      label: version.label,
      author: version.author,
      kind: version.kind,
      fingerprint: version.fingerprint,
      snapshot: JSON.stringify(version.snapshot),
      createdAt: now,
    });
    return toRow(this.byId.get(reportId, Number(info.lastInsertRowid))!);
  }

  /**
   * Replaces the report's figures, cell notes, prose and sign-off with a snapshot's. Call inside
   * the transaction that also records the versions around it (and touches the report).
   */
  writeContent(reportId: number, snapshot: ReportSnapshot, now: string): void {
    this.clearCells.run(reportId);
    const ids = new Set([...Object.keys(snapshot.cells), ...Object.keys(snapshot.notes)]);
    for (const id of ids) this.putCell.run(reportId, id, snapshot.cells[id] ?? null, snapshot.notes[id] || null);
    this.clearSections.run(reportId);
    for (const [key, text] of Object.entries(snapshot.sections)) this.putSection.run(reportId, key, text, now);
    this.putSignoff.run(JSON.stringify(snapshot.signoff), reportId);
  }
}
