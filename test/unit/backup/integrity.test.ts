import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { fullCheckInBackground } from '../../../electron/store/integrity.js';
import { listBackups } from '../../../electron/store/backup.js';
import { DB_FILE_NAME, openStore, StoreFault } from '../../../electron/store/index.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';
import { damageIndexOnly, damageTable } from './damage.js';
import { fillReport, runningBackend } from './helpers.js';

/** A data folder with a report in it and a backup of it, closed: ready to be damaged. */
async function folderWithBackup() {
  const app = runningBackend();
  const { reportId } = await fillReport(app.handlers);
  const backup = await app.handlers['backup.create']({});
  await app.handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 7 }] });
  app.close();
  return { dataDir: app.dataDir, file: path.join(app.dataDir, DB_FILE_NAME), backup, reportId };
}

describe('damage inside the data file is noticed', () => {
  it('at start (quick_check): the store is not opened, the file is left exactly as it was, and the message does not promise what it cannot', async () => {
    const { dataDir, file } = await folderWithBackup();
    damageTable(file);
    const before = fs.readFileSync(file);
    let fault: StoreFault | undefined;
    try {
      openStore(dataDir).close();
    } catch (err) {
      fault = err as StoreFault;
    }
    expect(fault?.kind).toBe('corrupt');
    expect(fault?.message).toContain('数据文件已损坏');
    expect(fault?.message).toContain('不会再往里面写入');
    expect(fault?.message).not.toContain('不受影响');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('the fault screen gets the newest good backup, and restoring it moves the damaged file aside for rescue', async () => {
    const { dataDir, file, backup } = await folderWithBackup();
    damageTable(file);
    const damagedBytes = fs.readFileSync(file);
    const app = runningBackend(dataDir);
    const info = await app.handlers['app.info']({});
    expect(info.fault?.kind).toBe('corrupt');
    const refused = await dispatch(app.handlers, 'agency.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });

    const list = await app.handlers['backup.list']({ checkNewest: true });
    expect(list.newestGood).toBe(backup.name);
    const result = await app.handlers['backup.restore']({ name: backup.name, confirm: true });
    expect(result.kept?.kind).toBe('damaged');
    // the damaged file, byte for byte, is in backups/ and is not offered for restore
    const [aside] = listBackups(dataDir).filter((b) => b.kind === 'damaged');
    expect(fs.readFileSync(aside!.path).equals(damagedBytes)).toBe(true);
    expect(await dispatch(app.handlers, 'backup.restore', { name: aside!.name, confirm: true })).toMatchObject({ ok: false, error: { code: 'refused' } });

    expect((await app.handlers['app.info']({})).fault).toBeUndefined();
    const [agency] = await app.handlers['agency.list']({});
    const [report] = await app.handlers['report.list']({ agencyId: agency!.id });
    // the backup was made before 7 was typed
    expect((await app.handlers['report.open']({ reportId: report!.id })).data.cells['t3.r1.np']).toBe(5);
  });

  it('in the background (integrity_check): damage quick_check cannot see stops all writing, and makes no daily backup', async () => {
    const { dataDir, file } = await folderWithBackup();
    damageIndexOnly(file);
    // no backup today yet: a daily one would be due, were the file sound
    for (const b of listBackups(dataDir)) fs.rmSync(b.path);
    const app = runningBackend(dataDir);
    // quick_check passes: the window opens as usual
    expect((await app.handlers['app.info']({})).fault).toBeUndefined();
    const [agency] = await app.handlers['agency.list']({});
    const { damaged, backup } = await app.keeper.maintenance();
    expect(damaged).toBe(true);
    expect(backup).toBeUndefined();
    expect(listBackups(dataDir)).toEqual([]);

    const before = fs.readFileSync(file);
    const write = await dispatch(app.handlers, 'agency.update', { id: agency!.id, agency: { ...SAMPLE_AGENCY, name: '改名' } });
    expect(write).toMatchObject({ ok: false, error: { code: 'damaged' } });
    if (!write.ok) expect(write.error.message).toContain('不会再往里面写入');
    expect((await app.handlers['app.info']({})).fault?.kind).toBe('corrupt');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('the full check runs off the main thread and reports what it found; a sound file passes', async () => {
    const { file } = await folderWithBackup();
    expect(await fullCheckInBackground(file)).toEqual({ ok: true });
    damageIndexOnly(file);
    const result = await fullCheckInBackground(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/probe_t/);
  });

  it('while running: a read that meets a damaged page turns the store into the fault, not into 「已保存的内容不受影响」', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    const db = app.store!.opened.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    damageTable(path.join(app.dataDir, DB_FILE_NAME));
    db.pragma('shrink_memory'); // forget the cached pages: the next read goes to the file
    const open = await dispatch(app.handlers, 'report.open', { reportId });
    expect(open).toMatchObject({ ok: false, error: { code: 'damaged' } });
    if (!open.ok) expect(open.error.message).not.toContain('不受影响');
    expect(await dispatch(app.handlers, 'cells.set', { reportId, changes: [{ cellId: 't3.r1.np', value: 1 }] })).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });

  it('a healthy store passes both checks', async () => {
    const { store, handlers } = testBackend();
    await fillReport(handlers);
    expect(await fullCheckInBackground(store.file)).toEqual({ ok: true });
    store.close();
  });
});
