import type Database from 'better-sqlite3';
import type { ReportState, ReportSummary } from '../../core/api.js';
import type { CommentThread } from '../../core/package/comments.js';
import type { CarryInfo, ReportData, ReportFormat, Signoff } from '../../core/report/model.js';

interface ReportRow {
  id: number;
  agency_id: number;
  year: number;
  format: ReportFormat;
  state: ReportState;
  origin: ReportData['origin'];
  signoff: string;
  meta: string;
  created_at: string;
  updated_at: string;
  revision: number;
  filled: number;
}

function toSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: row.year,
    format: row.format,
    state: row.state,
    origin: row.origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    filledCells: row.filled,
    // last year's figures typed in to start a report from (carry.ts): not a report of its own
    ...(row.origin === 'imported' && row.meta.includes('"manual":true') && (JSON.parse(row.meta) as ReportMeta).manual ? { manual: true as const } : {}),
  };
}

const SUMMARY = `SELECT r.*, (SELECT count(*) FROM cells c WHERE c.report_id = r.id AND c.value IS NOT NULL) AS filled
                 FROM reports r`;

export interface NewReport {
  agencyId: number;
  year: number;
  format: ReportFormat;
  origin: ReportData['origin'];
  cells?: Record<string, number>;
  notes?: Record<string, string>;
  sections?: Record<string, string>;
  signoff?: Partial<Signoff>;
  meta?: ReportMeta;
}

/** Extra facts kept with a report as JSON (reports.meta): additive, read defensively. */
export interface ReportMeta {
  carry?: CarryInfo;
  /** last year's figures typed in by hand because the store had no report for that year */
  manual?: boolean;
  /** imported reports: the section headings as published (ReportData.publishedTitles, for rule G-1) */
  publishedTitles?: ReportData['publishedTitles'];
  /** 表三/表四 source and confirmer (ReportData.confirmations) */
  confirmations?: ReportData['confirmations'];
  /** the county's remarks on this report (a review package opened here, issue 15) and the answers written since */
  review?: ReviewMeta;
}

/** A review package of the county, as kept with the report it remarks on. */
export interface ReviewMeta {
  /** the review package's seal (hex): the next package of this report answers it */
  seal: string;
  createdAt: string;
  /** who sent it back: the county office's name as its package says */
  from: string;
  thread: CommentThread;
}

/**
 * Reports with their cells and prose. The writes that change a report's content (cells, text,
 * notes, acknowledgements, sign-off, state) leave the bookkeeping to `touch`, which the service
 * calls once at the end of its transaction (Store.transaction): the report's time and revision
 * then move once per save, however many edits it held.
 */
export class ReportStore {
  private readonly summaryById;
  private readonly summariesByAgency;
  private readonly byAgencyYear;
  private readonly insertReport;
  private readonly removeReport;
  private readonly touchReport;
  private readonly cellsOf;
  private readonly upsertCell;
  private readonly clearCell;
  private readonly deleteCell;
  private readonly sectionsOf;
  private readonly upsertSection;
  private readonly rowById;
  private readonly acksOf;
  private readonly upsertNote;
  private readonly pruneCell;
  private readonly putMeta;
  private readonly upsertAck;
  private readonly deleteAck;
  private readonly putState;
  private readonly putSignoff;

  constructor(private readonly db: Database.Database) {
    this.summaryById = db.prepare<[number], ReportRow>(`${SUMMARY} WHERE r.id = ?`);
    this.summariesByAgency = db.prepare<[number], ReportRow>(`${SUMMARY} WHERE r.agency_id = ? ORDER BY r.year DESC`);
    this.byAgencyYear = db.prepare<[number, number], { id: number }>('SELECT id FROM reports WHERE agency_id = ? AND year = ?');
    this.insertReport = db.prepare(
      `INSERT INTO reports (agency_id, year, format, origin, signoff, meta, created_at, updated_at)
       VALUES (@agencyId, @year, @format, @origin, @signoff, @meta, @now, @now)`,
    );
    this.removeReport = db.prepare('DELETE FROM reports WHERE id = ?');
    this.touchReport = db.prepare<[string, number], { revision: number }>('UPDATE reports SET updated_at = ?, revision = revision + 1 WHERE id = ? RETURNING revision');
    this.cellsOf = db.prepare<[number], { cell_id: string; value: number | null; note: string | null }>(
      'SELECT cell_id, value, note FROM cells WHERE report_id = ?',
    );
    this.upsertCell = db.prepare(
      `INSERT INTO cells (report_id, cell_id, value) VALUES (?, ?, ?)
       ON CONFLICT (report_id, cell_id) DO UPDATE SET value = excluded.value`,
    );
    this.clearCell = db.prepare('UPDATE cells SET value = NULL WHERE report_id = ? AND cell_id = ?');
    this.deleteCell = db.prepare('DELETE FROM cells WHERE report_id = ? AND cell_id = ? AND note IS NULL');
    this.sectionsOf = db.prepare<[number], { key: string; text: string }>('SELECT key, text FROM sections WHERE report_id = ?');
    this.upsertSection = db.prepare(
      `INSERT INTO sections (report_id, key, text, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (report_id, key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
    );
    this.rowById = db.prepare<[number], ReportRow>('SELECT *, 0 AS filled FROM reports WHERE id = ?');
    this.upsertNote = db.prepare(
      `INSERT INTO cells (report_id, cell_id, value, note) VALUES (?, ?, NULL, ?)
       ON CONFLICT (report_id, cell_id) DO UPDATE SET note = excluded.note`,
    );
    this.pruneCell = db.prepare('DELETE FROM cells WHERE report_id = ? AND cell_id = ? AND note IS NULL AND value IS NULL');
    this.putMeta = db.prepare('UPDATE reports SET meta = ? WHERE id = ?');
    this.acksOf = db.prepare<[number], { finding_key: string; reason: string; created_at: string }>(
      'SELECT finding_key, reason, created_at FROM acknowledgements WHERE report_id = ? ORDER BY created_at',
    );
    this.upsertAck = db.prepare(
      `INSERT INTO acknowledgements (report_id, finding_key, reason, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (report_id, finding_key) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at`,
    );
    this.deleteAck = db.prepare('DELETE FROM acknowledgements WHERE report_id = ? AND finding_key = ?');
    this.putState = db.prepare('UPDATE reports SET state = ? WHERE id = ?');
    this.putSignoff = db.prepare('UPDATE reports SET signoff = ? WHERE id = ?');
  }

  /**
   * Marks a report changed: its time, and its revision one up (returned). Call once at the end of
   * the transaction that changed it.
   */
  touch(id: number, now: string): number {
    return this.touchReport.get(now, id)?.revision ?? 0;
  }

  /**
   * 「定稿」 and 「修改定稿」 (issue 5): call inside the transaction that writes the version. A change
   * of state is a change of the report: it touches it too, and returns the new revision.
   */
  setState(id: number, state: ReportState, now: string): number {
    this.putState.run(state, id);
    return this.touch(id, now);
  }

  /** The people who prepare, review and approve the report, with their dates. */
  setSignoff(id: number, signoff: Partial<Signoff>): void {
    this.putSignoff.run(JSON.stringify(signoff), id);
  }

  summary(id: number): ReportSummary | undefined {
    const row = this.summaryById.get(id);
    return row && toSummary(row);
  }

  listForAgency(agencyId: number): ReportSummary[] {
    return this.summariesByAgency.all(agencyId).map(toSummary);
  }

  findByYear(agencyId: number, year: number): number | undefined {
    return this.byAgencyYear.get(agencyId, year)?.id;
  }

  create(report: NewReport, now: string): number {
    return this.db.transaction(() => {
      const info = this.insertReport.run({
        agencyId: report.agencyId,
        year: report.year,
        format: report.format,
        origin: report.origin,
        signoff: JSON.stringify(report.signoff ?? {}),
        meta: JSON.stringify(report.meta ?? {}),
        now,
      });
      const id = Number(info.lastInsertRowid);
      for (const [cellId, value] of Object.entries(report.cells ?? {})) this.upsertCell.run(id, cellId, value);
      for (const [key, text] of Object.entries(report.sections ?? {})) this.upsertSection.run(id, key, text, now);
      for (const [cellId, note] of Object.entries(report.notes ?? {})) this.upsertNote.run(id, cellId, note);
      return id;
    })();
  }

  delete(id: number): boolean {
    return this.removeReport.run(id).changes > 0;
  }

  /** Sets or clears a cell. A cleared cell that carries a note keeps its row (value NULL). */
  setCell(id: number, cellId: string, value: number | null): void {
    if (value === null) {
      this.clearCell.run(id, cellId);
      this.deleteCell.run(id, cellId);
    } else {
      this.upsertCell.run(id, cellId, value);
    }
  }

  setSection(id: number, key: string, text: string, now: string): void {
    this.upsertSection.run(id, key, text, now);
  }

  /** A cell's note (why a value is what it is); an empty note removes it. */
  setNote(id: number, cellId: string, note: string): void {
    this.upsertNote.run(id, cellId, note || null);
    this.pruneCell.run(id, cellId);
  }

  meta(id: number): ReportMeta {
    const row = this.rowById.get(id);
    return row ? (JSON.parse(row.meta) as ReportMeta) : {};
  }

  setMeta(id: number, meta: ReportMeta): void {
    this.putMeta.run(JSON.stringify(meta), id);
  }

  acknowledgements(id: number): { key: string; reason: string; createdAt: string }[] {
    return this.acksOf.all(id).map((a) => ({ key: a.finding_key, reason: a.reason, createdAt: a.created_at }));
  }

  setAcknowledgement(id: number, key: string, reason: string, now: string): void {
    this.upsertAck.run(id, key, reason, now);
  }

  clearAcknowledgement(id: number, key: string): void {
    this.deleteAck.run(id, key);
  }

  /** The stored report as domain data (totals not yet filled in). */
  load(id: number):
    | { row: ReportSummary; signoff: Partial<Signoff>; meta: ReportMeta; cells: Record<string, number>; notes: Record<string, string>; sections: Record<string, string> }
    | undefined {
    const row = this.rowById.get(id);
    if (!row) return undefined;
    const cells: Record<string, number> = {};
    const notes: Record<string, string> = {};
    for (const c of this.cellsOf.all(id)) {
      if (c.value !== null) cells[c.cell_id] = c.value;
      if (c.note) notes[c.cell_id] = c.note;
    }
    const sections: Record<string, string> = {};
    for (const s of this.sectionsOf.all(id)) sections[s.key] = s.text;
    return { row: this.summary(id)!, signoff: JSON.parse(row.signoff) as Partial<Signoff>, meta: JSON.parse(row.meta) as ReportMeta, cells, notes, sections };
  }
}
