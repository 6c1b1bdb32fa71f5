import type Database from 'better-sqlite3';
import type { AgencyRecord } from '../../core/api.js';
import type { Agency, AgencyLevel, Signoff } from '../../core/report/model.js';
import { SettingsStore } from './settings.js';

interface AgencyRow {
  id: number;
  name: string;
  level: string;
  region: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  website: string;
  signoff: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: AgencyRow): AgencyRecord {
  return {
    id: row.id,
    name: row.name,
    level: row.level as AgencyLevel,
    region: row.region,
    contact: { address: row.address, postcode: row.postcode, phone: row.phone, email: row.email },
    website: row.website,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const zhCollator = new Intl.Collator('zh-CN');

export class AgencyStore {
  private readonly byId;
  private readonly all;
  private readonly insert;
  private readonly update;
  private readonly getSignoff;
  private readonly putSignoff;
  private readonly settings;

  constructor(db: Database.Database) {
    this.byId = db.prepare<[number], AgencyRow>('SELECT * FROM agencies WHERE id = ?');
    this.all = db.prepare<[], AgencyRow>('SELECT * FROM agencies');
    this.insert = db.prepare(
      `INSERT INTO agencies (name, level, region, address, postcode, phone, email, website, created_at, updated_at)
       VALUES (@name, @level, @region, @address, @postcode, @phone, @email, @website, @now, @now)`,
    );
    this.update = db.prepare(
      `UPDATE agencies SET name = @name, level = @level, region = @region, address = @address, postcode = @postcode,
       phone = @phone, email = @email, website = @website, updated_at = @now WHERE id = @id`,
    );
    this.getSignoff = db.prepare<[number], { signoff: string }>('SELECT signoff FROM agencies WHERE id = ?');
    this.putSignoff = db.prepare('UPDATE agencies SET signoff = ? WHERE id = ?');
    // an agency's own settings live in the settings table under a key naming it (no migration needed)
    this.settings = new SettingsStore(db);
  }

  get(id: number): AgencyRecord | undefined {
    const row = this.byId.get(id);
    return row && toRecord(row);
  }

  /** Sorted by name in Chinese (pinyin) order; SQLite has no ICU collation. */
  list(): AgencyRecord[] {
    return this.all.all().map(toRecord).sort((a, b) => zhCollator.compare(a.name, b.name));
  }

  private params(agency: Agency, now: string) {
    return { ...agency.contact, name: agency.name, level: agency.level, region: agency.region, website: agency.website, now };
  }

  create(agency: Agency, now: string): AgencyRecord {
    const info = this.insert.run(this.params(agency, now));
    return this.get(Number(info.lastInsertRowid))!;
  }

  save(id: number, agency: Agency, now: string): AgencyRecord | undefined {
    const info = this.update.run({ ...this.params(agency, now), id });
    return info.changes ? this.get(id) : undefined;
  }

  /** The sign-off people last used by this agency, offered again next year. */
  signoff(id: number): Partial<Signoff> {
    const row = this.getSignoff.get(id);
    return row ? (JSON.parse(row.signoff) as Partial<Signoff>) : {};
  }

  setSignoff(id: number, signoff: Partial<Signoff>): void {
    this.putSignoff.run(JSON.stringify(signoff), id);
  }

  /**
   * The publication deadline local rules set this agency, as 「月-日」 (e.g. 「1-20」), or '' when
   * none is set and the statutory deadline of its level applies (rule G-3).
   */
  deadline(id: number): string {
    return this.settings.get(`publication-deadline:${id}`) ?? '';
  }

  setDeadline(id: number, deadline: string): void {
    if (deadline) this.settings.set(`publication-deadline:${id}`, deadline);
    else this.settings.remove(`publication-deadline:${id}`);
  }
}
