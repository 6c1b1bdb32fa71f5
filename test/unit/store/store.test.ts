import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../electron/store/migrations.js';
import { DB_FILE_NAME, StoreFault, backupDir, dataDirFromArgs, openStore, platformDataDir } from '../../../electron/store/index.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';

describe('store', () => {
  it('migrates an empty folder to the latest schema with WAL, synchronous=FULL and foreign keys', () => {
    const dir = tmpDir();
    const store = openStore(dir);
    const db = store.opened.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['acknowledgements', 'agencies', 'cells', 'county_reports', 'county_units', 'reports', 'sections', 'settings', 'versions']);
    expect(store.opened.backup).toBeUndefined(); // nothing to back up in a new file
    store.close();
  });

  it('keeps agencies, reports, cells and text across closing and reopening the file', async () => {
    const { store, handlers, dataDir } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
    await handlers['cells.set']({ reportId: report.id, changes: [{ cellId: 't3.r1.np', value: 5 }, { cellId: 't2.fee.amount', value: 17732 }] });
    await handlers['section.set']({ reportId: report.id, key: 's1', text: '第一段\n第二段' });
    store.close();

    const again = testBackend(dataDir);
    const [stored] = await again.handlers['agency.list']({});
    expect(stored).toMatchObject(SAMPLE_AGENCY);
    const opened = await again.handlers['report.open']({ reportId: report.id });
    expect(opened.data.cells['t3.r1.np']).toBe(5);
    expect(opened.data.cells['t3.r1.total']).toBe(5); // computed on load
    expect(opened.data.cells['t2.fee.amount']).toBe(17732);
    expect(opened.data.sections.s1).toBe('第一段\n第二段');
    expect(opened.data.format).toBe('2021');
    again.store.close();
  });

  it('backs the file up before migrating an existing database', () => {
    const dir = tmpDir();
    const db = new Database(path.join(dir, DB_FILE_NAME));
    db.exec('CREATE TABLE leftover (x)');
    db.close();
    const store = openStore(dir);
    expect(store.opened.backup).toBeDefined();
    expect(fs.existsSync(store.opened.backup!)).toBe(true);
    expect(path.dirname(store.opened.backup!)).toBe(backupDir(dir));
    store.close();
  });

  it('refuses a database written by a newer version, without touching it', () => {
    const dir = tmpDir();
    const file = path.join(dir, DB_FILE_NAME);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(dir)).toThrowError(StoreFault);
    try {
      openStore(dir);
    } catch (err) {
      expect((err as StoreFault).kind).toBe('newer');
      expect((err as StoreFault).message).toContain('更新版本');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says so when the file is not a database', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'garbage'.repeat(1000));
    try {
      openStore(dir);
      expect.unreachable();
    } catch (err) {
      expect((err as StoreFault).kind).toBe('corrupt');
      expect((err as StoreFault).message).toContain('已损坏');
    }
  });

  it('says so when the data folder cannot be written', () => {
    const dir = tmpDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    try {
      openStore(path.join(blocker, 'data'));
      expect.unreachable();
    } catch (err) {
      expect((err as StoreFault).kind).toBe('unwritable');
      expect((err as StoreFault).message).toContain('无法写入');
    }
  });

  it('deleting a report removes its cells and text', async () => {
    const { store, handlers } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
    await handlers['cells.set']({ reportId: report.id, changes: [{ cellId: 't3.r1.np', value: 5 }] });
    await handlers['report.delete']({ reportId: report.id, confirm: true });
    expect(store.opened.db.prepare('SELECT count(*) FROM cells').pluck().get()).toBe(0);
    expect(await handlers['report.list']({ agencyId: agency.id })).toEqual([]);
    store.close();
  });
});

describe('data directory', () => {
  it('follows NIANBAO_DATA_DIR, then the platform convention', () => {
    expect(platformDataDir({ NIANBAO_DATA_DIR: '/x/y' })).toBe('/x/y');
    expect(platformDataDir({ XDG_DATA_HOME: '/home/u/.data' }, 'linux')).toBe('/home/u/.data/nianbao');
    expect(platformDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('nianbao');
  });

  it('reads --data-dir in both spellings', () => {
    expect(dataDirFromArgs(['--data-dir', '/a'])).toBe('/a');
    expect(dataDirFromArgs(['--data-dir=/b'])).toBe('/b');
    expect(dataDirFromArgs(['--web'])).toBeUndefined();
  });
});

describe('Store.transaction', () => {
  it('keeps all the writes of a piece of work, or none when it throws', async () => {
    const { store, handlers } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
    expect(() =>
      store.transaction(() => {
        store.reports.setCell(report.id, 't3.r1.np', 7);
        store.reports.touch(report.id, '2025-01-10T00:00:00.000Z');
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(store.reports.load(report.id)!.cells).toEqual({});
    expect(store.reports.summary(report.id)!.revision).toBe(report.revision);
    const revision = store.transaction(() => {
      store.reports.setCell(report.id, 't3.r1.np', 7);
      return store.reports.touch(report.id, '2025-01-10T00:00:00.000Z');
    });
    expect(revision).toBe(report.revision + 1);
    expect(store.reports.load(report.id)!.cells).toEqual({ 't3.r1.np': 7 });
    store.close();
  });
});
