import type Database from 'better-sqlite3';
import type { AgencyLevel, ReportData } from '../../core/report/model.js';
import { parseReportFile, serializeReportFile } from '../../core/report/file.js';
import type { CommentThread } from '../../core/package/index.js';
import type { UnitRecord } from '../../core/api-county.js';
import { SettingsStore } from './settings.js';

/**
 * The county workspace's tables (migration 4): its units (「所属单位」) and the one report of each
 * unit and year it has collected. A collected report is kept here as its report file, whole, and
 * never mixed with the office's own reports (tables reports/cells): it is read, checked and summed,
 * never edited. A newer arrival from the same unit replaces the older one.
 */

/** A unit as stored is the unit the contract knows (core/api-county's UnitRecord). */
export type UnitRow = UnitRecord;

export type NewUnit = Omit<UnitRow, 'id'>;

export interface CollectedRow {
  id: number;
  unitId: number;
  year: number;
  source: 'package' | 'import' | 'paper';
  fileName: string;
  state: 'draft' | 'signed';
  report: ReportData;
  /** the report's own rules when it arrived: errors and warnings */
  errors: number;
  warnings: number;
  /** the package's seal (hex), when it came as one */
  seal: string;
  publishedOn: string;
  publishedUrl: string;
  /** the remarks and answers exchanged about it */
  thread?: CommentThread;
  returnedAt: string;
  /** the seal of the review package the county sent back */
  returnSeal: string;
  receivedAt: string;
}

export type NewCollected = Omit<CollectedRow, 'id' | 'returnedAt' | 'returnSeal' | 'publishedOn' | 'publishedUrl'> &
  Partial<Pick<CollectedRow, 'publishedOn' | 'publishedUrl' | 'returnedAt' | 'returnSeal'>>;

interface RawUnit {
  id: number;
  name: string;
  level: string;
  parent_id: number | null;
  code: string;
  must_report: number;
  contact: string;
}

interface RawCollected {
  id: number;
  unit_id: number;
  year: number;
  source: CollectedRow['source'];
  file_name: string;
  state: CollectedRow['state'];
  report: string;
  errors: number;
  warnings: number;
  seal: string;
  published_on: string;
  published_url: string;
  thread: string;
  returned_at: string;
  return_seal: string;
  received_at: string;
}

function toUnit(r: RawUnit): UnitRow {
  return {
    id: r.id,
    name: r.name,
    level: r.level as AgencyLevel,
    ...(r.parent_id ? { parentId: r.parent_id } : {}),
    code: r.code,
    mustReport: r.must_report === 1,
    contact: r.contact,
  };
}

/** A collected report without its content: what the status board lists. */
export type CollectedMeta = Omit<CollectedRow, 'report'>;

function toMeta(r: Omit<RawCollected, 'report'>): CollectedMeta {
  return {
    id: r.id,
    unitId: r.unit_id,
    year: r.year,
    source: r.source,
    fileName: r.file_name,
    state: r.state,
    errors: r.errors,
    warnings: r.warnings,
    seal: r.seal,
    publishedOn: r.published_on,
    publishedUrl: r.published_url,
    ...(r.thread ? { thread: JSON.parse(r.thread) as CommentThread } : {}),
    returnedAt: r.returned_at,
    returnSeal: r.return_seal,
    receivedAt: r.received_at,
  };
}

const zh = new Intl.Collator('zh-CN');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The columns of county_reports but the report itself. */
const META_COLUMNS = 'id, unit_id, year, source, file_name, state, errors, warnings, seal, published_on, published_url, thread, returned_at, return_seal, received_at';

export class CountyStore {
  /**
   * Reports as parsed from their files, by row id and content: a roll-up of hundreds of units reads
   * every report, and parsing them again each time would be most of its cost.
   */
  private readonly parsed = new Map<number, { text: string; report: ReportData }>();

  private readonly settings: SettingsStore;

  constructor(private readonly db: Database.Database) {
    this.settings = new SettingsStore(db);
  }

  private toCollected(r: RawCollected): CollectedRow {
    const cached = this.parsed.get(r.id);
    let report = cached?.text === r.report ? cached.report : undefined;
    if (!report) {
      const read = parseReportFile(r.report);
      if (!read.ok) throw new Error(`collected report ${r.id} does not read: ${read.message}`);
      // frozen: every caller shares the one parsed report, and none may change it
      report = deepFreeze(read.report);
      this.parsed.set(r.id, { text: r.report, report });
    }
    return { ...toMeta(r), report };
  }

  /** The year's collected reports without their content (the status board). */
  collectedMeta(year: number): CollectedMeta[] {
    return (this.db.prepare(`SELECT ${META_COLUMNS} FROM county_reports WHERE year = ?`).all(year) as Omit<RawCollected, 'report'>[]).map(toMeta);
  }

  units(): UnitRow[] {
    return (this.db.prepare('SELECT * FROM county_units').all() as RawUnit[]).map(toUnit).sort((a, b) => zh.compare(a.name, b.name));
  }

  unit(id: number): UnitRow | undefined {
    const r = this.db.prepare('SELECT * FROM county_units WHERE id = ?').get(id) as RawUnit | undefined;
    return r && toUnit(r);
  }

  unitByName(name: string): UnitRow | undefined {
    const r = this.db.prepare('SELECT * FROM county_units WHERE name = ?').get(name) as RawUnit | undefined;
    return r && toUnit(r);
  }

  addUnit(u: NewUnit, now: string): UnitRow {
    const info = this.db
      .prepare('INSERT INTO county_units (name, level, parent_id, code, must_report, contact, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(u.name, u.level, u.parentId ?? null, u.code, u.mustReport ? 1 : 0, u.contact, now, now);
    return this.unit(Number(info.lastInsertRowid))!;
  }

  updateUnit(id: number, u: NewUnit, now: string): UnitRow | undefined {
    this.db
      .prepare('UPDATE county_units SET name = ?, level = ?, parent_id = ?, code = ?, must_report = ?, contact = ?, updated_at = ? WHERE id = ?')
      .run(u.name, u.level, u.parentId ?? null, u.code, u.mustReport ? 1 : 0, u.contact, now, id);
    return this.unit(id);
  }

  removeUnit(id: number): void {
    this.db.prepare('DELETE FROM county_units WHERE id = ?').run(id);
  }

  collected(year: number): CollectedRow[] {
    return (this.db.prepare('SELECT * FROM county_reports WHERE year = ?').all(year) as RawCollected[]).map((r) => this.toCollected(r));
  }

  collectedOne(id: number): CollectedRow | undefined {
    const r = this.db.prepare('SELECT * FROM county_reports WHERE id = ?').get(id) as RawCollected | undefined;
    return r && this.toCollected(r);
  }

  collectedOf(unitId: number, year: number): CollectedRow | undefined {
    const r = this.db.prepare('SELECT * FROM county_reports WHERE unit_id = ? AND year = ?').get(unitId, year) as RawCollected | undefined;
    return r && this.toCollected(r);
  }

  years(): number[] {
    return (this.db.prepare('SELECT DISTINCT year FROM county_reports ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
  }

  /** Stores a unit's report of a year, replacing the one it had (publication facts and the thread carry over unless given). */
  putCollected(c: NewCollected): CollectedRow {
    const before = this.collectedOf(c.unitId, c.year);
    const thread = c.thread ?? before?.thread;
    this.db
      .prepare(
        `INSERT INTO county_reports (unit_id, year, source, file_name, state, report, errors, warnings, seal, published_on, published_url, thread, returned_at, return_seal, received_at)
         VALUES (@unitId, @year, @source, @fileName, @state, @report, @errors, @warnings, @seal, @publishedOn, @publishedUrl, @thread, @returnedAt, @returnSeal, @receivedAt)
         ON CONFLICT (unit_id, year) DO UPDATE SET source = excluded.source, file_name = excluded.file_name, state = excluded.state,
           report = excluded.report, errors = excluded.errors, warnings = excluded.warnings, seal = excluded.seal, published_on = excluded.published_on, published_url = excluded.published_url,
           thread = excluded.thread, returned_at = excluded.returned_at, return_seal = excluded.return_seal, received_at = excluded.received_at`,
      )
      .run({
        unitId: c.unitId,
        year: c.year,
        source: c.source,
        fileName: c.fileName,
        state: c.state,
        report: serializeReportFile(c.report),
        errors: c.errors,
        warnings: c.warnings,
        seal: c.seal,
        publishedOn: c.publishedOn ?? before?.publishedOn ?? '',
        publishedUrl: c.publishedUrl ?? before?.publishedUrl ?? '',
        thread: thread ? JSON.stringify(thread) : '',
        returnedAt: c.returnedAt ?? before?.returnedAt ?? '',
        returnSeal: c.returnSeal ?? before?.returnSeal ?? '',
        receivedAt: c.receivedAt,
      });
    return this.collectedOf(c.unitId, c.year)!;
  }

  setPublished(id: number, publishedOn: string, publishedUrl: string): void {
    this.db.prepare('UPDATE county_reports SET published_on = ?, published_url = ? WHERE id = ?').run(publishedOn, publishedUrl, id);
  }

  setReturned(id: number, thread: CommentThread, returnedAt: string, returnSeal: string): void {
    this.db.prepare('UPDATE county_reports SET thread = ?, returned_at = ?, return_seal = ? WHERE id = ?').run(JSON.stringify(thread), returnedAt, returnSeal, id);
  }

  setThread(id: number, thread: CommentThread): void {
    this.db.prepare('UPDATE county_reports SET thread = ? WHERE id = ?').run(JSON.stringify(thread), id);
  }

  setting(key: string): string | undefined {
    return this.settings.get(key);
  }

  setSetting(key: string, value: string): void {
    this.settings.set(key, value);
  }
}
