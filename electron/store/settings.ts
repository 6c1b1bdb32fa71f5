import type Database from 'better-sqlite3';

/**
 * The settings table (migration 1): small values by key, for what needs no table of its own — the
 * county workspace's settings, an agency's local publication deadline.
 */
export class SettingsStore {
  private readonly read;
  private readonly write;
  private readonly drop;

  constructor(db: Database.Database) {
    this.read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.drop = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  get(key: string): string | undefined {
    return this.read.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.write.run(key, value);
  }

  remove(key: string): void {
    this.drop.run(key);
  }
}
