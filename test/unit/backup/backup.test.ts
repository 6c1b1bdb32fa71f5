import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import {
  backupDir,
  dailyBackupDue,
  DAILY_KEPT,
  listBackups,
  makeBackup,
  newBackupPath,
  pruneBackups,
  readBackup,
} from '../../../electron/store/backup.js';
import { DB_FILE_NAME, openStore } from '../../../electron/store/index.js';
import { LATEST_VERSION } from '../../../electron/store/migrations.js';
import { testBackend } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';
import { fillReport, runningBackend, sign } from './helpers.js';

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('a backup is one complete file', () => {
  it('holds what is still only in the -wal, stands alone (no -wal beside it) and reads without changing', async () => {
    const { store, handlers, dataDir } = testBackend();
    const { reportId } = await fillReport(handlers);
    // the edits are in nianbao.db-wal, not yet in nianbao.db: a copy of the file alone would miss them
    expect(fs.statSync(path.join(dataDir, `${DB_FILE_NAME}-wal`)).size).toBeGreaterThan(0);
    const made = await makeBackup(store.opened.db, dataDir, 'manual');
    expect(path.dirname(made.path)).toBe(backupDir(dataDir));
    expect(made.name).toMatch(/^nianbao-\d{4}-\d{2}-\d{2}-\d{6}-manual\.db$/);
    const before = fs.readFileSync(made.path);
    expect(count(made.path, 'SELECT count(*) FROM cells WHERE report_id = ' + reportId)).toBeGreaterThan(100);
    expect(count(made.path, "SELECT count(*) FROM sections WHERE key = 's1'")).toBe(1);
    expect(fs.readdirSync(backupDir(dataDir))).toEqual([made.name]);
    expect(fs.readFileSync(made.path).equals(before)).toBe(true);
    const read = readBackup(made.path);
    expect(read).toEqual({ ok: true, contents: { schemaVersion: LATEST_VERSION, agencies: [{ name: '某某县清河镇人民政府', reports: [{ year: 2024, state: 'draft' }] }] } });
    store.close();
  });

  it('made in steps while the app writes through the same connection, it holds the writes made meanwhile', async () => {
    const { store, handlers, dataDir } = testBackend();
    const { reportId } = await fillReport(handlers);
    // enough text for several steps of 50 pages
    await handlers['section.set']({ reportId, key: 's6', text: '其他事项。'.repeat(200_000) });
    let steps = 0;
    const db = store.opened.db;
    const original = db.backup.bind(db);
    // a write between two steps, as a clerk typing while a backup runs
    db.backup = (file, options) =>
      original(file, {
        progress: (p) => {
          steps++;
          if (steps === 2) db.prepare("UPDATE sections SET text = '备份途中写的。' WHERE key = 's5'").run();
          return options!.progress!(p);
        },
      });
    const made = await makeBackup(db, dataDir, 'manual', { stepPages: 50 });
    expect(steps).toBeGreaterThan(3);
    expect(count(made.path, "SELECT text FROM sections WHERE key = 's5'")).toBe('备份途中写的。');
    store.close();
  });

  it('a failed backup leaves no file that looks like a backup', async () => {
    const { store, dataDir } = testBackend();
    const into = path.join(tmpDir(), 'no-such-folder', 'x.db');
    await expect(makeBackup(store.opened.db, dataDir, 'manual', { into })).rejects.toThrow();
    expect(listBackups(dataDir)).toEqual([]);
    store.close();
  });
});

describe('which backups are kept', () => {
  const touch = (dataDir: string, kind: Parameters<typeof newBackupPath>[1], at: Date) => {
    const file = newBackupPath(dataDir, kind, at);
    fs.writeFileSync(file, '');
    return path.basename(file);
  };

  it('the last 7 daily backups and every other kind', () => {
    const dataDir = tmpDir();
    const day = (n: number) => new Date(2025, 0, n, 9, 0, 0);
    const dailies = Array.from({ length: 10 }, (_, i) => touch(dataDir, 'daily', day(i + 1)));
    const kept = [touch(dataDir, 'pre-sign', day(1)), touch(dataDir, 'manual', day(2)), touch(dataDir, 'pre-migration', day(1)), touch(dataDir, 'pre-restore', day(3))];
    const removed = pruneBackups(dataDir);
    expect(removed.sort()).toEqual(dailies.slice(0, 3).sort());
    const names = listBackups(dataDir).map((b) => b.name);
    expect(names.filter((n) => n.endsWith('-daily.db'))).toHaveLength(DAILY_KEPT);
    for (const name of kept) expect(names).toContain(name);
  });

  it('a daily backup is due when the newest backup of any kind is a day old, or there is none', () => {
    const dataDir = tmpDir();
    const now = new Date(2025, 0, 10, 9, 0, 0);
    expect(dailyBackupDue(dataDir, now)).toBe(true);
    touch(dataDir, 'pre-sign', new Date(2025, 0, 9, 10, 0, 0));
    expect(dailyBackupDue(dataDir, now)).toBe(false);
    expect(dailyBackupDue(dataDir, new Date(2025, 0, 10, 10, 0, 1))).toBe(true);
    touch(dataDir, 'damaged', new Date(2025, 0, 10, 10, 0, 0));
    expect(dailyBackupDue(dataDir, new Date(2025, 0, 10, 10, 0, 1))).toBe(true);
  });

  it('two backups in the same second get two names', () => {
    const dataDir = tmpDir();
    const at = new Date(2025, 0, 10, 9, 0, 0);
    const a = touch(dataDir, 'manual', at);
    const b = touch(dataDir, 'manual', at);
    expect(a).not.toBe(b);
    expect(listBackups(dataDir)).toHaveLength(2);
  });
});

describe('backups made by themselves', () => {
  it('at start when the newest is older than a day (not for an empty store), and not again the same day', async () => {
    const empty = runningBackend();
    expect((await empty.keeper.maintenance()).backup).toBeUndefined();

    const app = runningBackend();
    await fillReport(app.handlers);
    const first = await app.keeper.maintenance();
    expect(first.backup?.kind).toBe('daily');
    expect(first.damaged).toBe(false);
    expect((await app.keeper.maintenance()).backup).toBeUndefined();
  });

  it('before every 定稿, holding the report as it was before; a refused 定稿 makes none', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    const refused = await dispatch(app.handlers, 'report.sign', { reportId, signoff: { preparer: '', reviewer: '', approver: '' }, confirmWarnings: true, author: '' });
    expect(refused.ok).toBe(false);
    expect(listBackups(app.dataDir).filter((b) => b.kind === 'pre-sign')).toEqual([]);

    await sign(app.handlers, reportId);
    const [preSign] = listBackups(app.dataDir).filter((b) => b.kind === 'pre-sign');
    expect(readBackup(preSign!.path)).toMatchObject({ ok: true, contents: { agencies: [{ reports: [{ year: 2024, state: 'draft' }] }] } });
    // the second 定稿 (after 修改定稿) makes a second one; both are kept
    await app.handlers['report.reopen']({ reportId, reason: '表三数字有误', author: '张敏' });
    await sign(app.handlers, reportId);
    expect(listBackups(app.dataDir).filter((b) => b.kind === 'pre-sign')).toHaveLength(2);
  });

  it('before a migration: the file as it was, with its tables', () => {
    const dir = tmpDir();
    const db = new Database(path.join(dir, DB_FILE_NAME));
    db.exec("CREATE TABLE leftover (x); INSERT INTO leftover VALUES ('旧数据')");
    db.close();
    const store = openStore(dir);
    const [backup] = listBackups(dir);
    expect(backup?.kind).toBe('pre-migration');
    expect(store.opened.backup).toBe(backup?.path);
    expect(count(backup!.path, 'SELECT x FROM leftover')).toBe('旧数据');
    store.close();
  });
});

describe('「备份与恢复」 through the services', () => {
  it('lists each backup with its date, kind, size and the reports and years inside; saves a copy for the clerk', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    // last year's report carried 1 application over, as this year's says
    await fillReport(app.handlers, 2023, { 't3.r4.np': 1 });
    await sign(app.handlers, reportId);
    const made = await app.handlers['backup.create']({});
    expect(made).toMatchObject({ kind: 'manual', label: '手动备份' });
    const list = await app.handlers['backup.list']({});
    expect(list.folder).toBe(backupDir(app.dataDir));
    expect(list.entries.map((e) => e.kind)).toEqual(['manual', 'pre-sign']);
    expect(list.entries[0]!.contents).toEqual({
      agencies: [{ name: '某某县清河镇人民政府', reports: [{ year: 2024, state: 'signed' }, { year: 2023, state: 'draft' }] }],
    });
    expect(list.entries[0]!.size).toBe(fs.statSync(path.join(list.folder, made.name)).size);

    const saved = await app.handlers['backup.save']({ name: made.name });
    expect(saved.kind).toBe('download');
    if (saved.kind !== 'download') return;
    expect(saved.fileName).toMatch(/^年报助手备份-.*\.db$/);
    expect(Buffer.from(saved.base64, 'base64').equals(fs.readFileSync(path.join(list.folder, made.name)))).toBe(true);
  });

  it('restore: checked first, the data it replaces kept as a backup, then the data is as it was', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    const before = await app.handlers['backup.create']({});
    await app.handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 99 }] });
    await app.handlers['report.delete']({ reportId, confirm: true });

    const result = await app.handlers['backup.restore']({ name: before.name, confirm: true });
    expect(result.restored.name).toBe(before.name);
    expect(result.kept).toMatchObject({ kind: 'pre-restore', label: '恢复前的数据' });
    // the handlers now speak for the restored file
    const [agency] = await app.handlers['agency.list']({});
    const [report] = await app.handlers['report.list']({ agencyId: agency!.id });
    expect((await app.handlers['report.open']({ reportId: report!.id })).data.cells['t3.r1.np']).toBe(5);
    // and the replaced state is in the kept backup: the report deleted
    expect(readBackup(path.join(backupDir(app.dataDir), result.kept!.name))).toMatchObject({ ok: true, contents: { agencies: [{ reports: [] }] } });
    expect(fs.existsSync(path.join(app.dataDir, `${DB_FILE_NAME}-wal`)) ? fs.statSync(path.join(app.dataDir, `${DB_FILE_NAME}-wal`)).size : 0).toBe(0);
  });

  it('a damaged backup, a foreign file or a missing one is refused, and nothing changes', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    const good = await app.handlers['backup.create']({});
    const file = path.join(backupDir(app.dataDir), good.name);
    // damage a page in the middle of the copy (the header stays intact)
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 3);
    const damaged = newBackupPath(app.dataDir, 'daily', new Date(2030, 0, 1));
    fs.writeFileSync(damaged, bytes);
    const foreign = newBackupPath(app.dataDir, 'daily', new Date(2030, 0, 2));
    fs.writeFileSync(foreign, 'not a database'.repeat(500));

    for (const name of [path.basename(damaged), path.basename(foreign), 'nianbao-2031-01-01-000000-daily.db']) {
      const result = await dispatch(app.handlers, 'backup.restore', { name, confirm: true });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toMatch(/不能用来恢复|找不到备份/);
        expect(result.error.message).not.toMatch(/SQLITE|malformed/);
      }
    }
    expect((await app.handlers['report.open']({ reportId })).data.cells['t3.r1.np']).toBe(5);
    expect(listBackups(app.dataDir).filter((b) => b.kind === 'pre-restore')).toEqual([]);
  });

  it('the services without a running host (tests of other services) list and make backups but send restores to the window', async () => {
    const { handlers, store } = testBackend();
    await fillReport(handlers);
    const made = await handlers['backup.create']({});
    const refused = await dispatch(handlers, 'backup.restore', { name: made.name, confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    store.close();
  });
});
