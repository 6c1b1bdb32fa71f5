import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { storageMessage, storageProblem } from '../../../electron/store/storage-errors.js';
import { CAN_MOUNT, fillReport, runningBackend, smallDisk } from './helpers.js';

const LONG = '本年度继续推进政务公开标准化规范化建设。'.repeat(12_000);

describe('storage errors in the words of a clerk', () => {
  it('SQLite and file-system codes map to what happened', () => {
    expect(storageProblem({ code: 'SQLITE_FULL' })).toBe('full');
    expect(storageProblem({ code: 'ENOSPC' })).toBe('full');
    expect(storageProblem({ code: 'SQLITE_READONLY_DBMOVED' })).toBe('read-only');
    expect(storageProblem({ code: 'EROFS' })).toBe('read-only');
    expect(storageProblem({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe('busy');
    expect(storageProblem({ code: 'SQLITE_IOERR_WRITE' })).toBe('io');
    expect(storageProblem({ code: 'SQLITE_CORRUPT_INDEX' })).toBe('damaged');
    expect(storageProblem({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeUndefined();
    expect(storageProblem(new Error('x'))).toBeUndefined();
    for (const p of ['full', 'read-only', 'busy', 'io'] as const) {
      const text = storageMessage(p, '/数据/nianbao.db');
      expect(text).toContain('/数据/nianbao.db');
      expect(text).toContain('会自动重新保存');
      expect(text).not.toMatch(/[A-Z]{4,}/);
    }
  });

  it('a full file: 「磁盘已满」 with what to do, nothing half written, and the same write goes through once there is room', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    const db = app.store!.opened.db;
    // SQLite's own limit on the file's size stands in for a full disk here (the real disk below)
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
    const failed = await dispatch(app.handlers, 'section.set', { reportId, key: 's6', text: LONG });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!failed.ok) {
      expect(failed.error.message).toContain('磁盘已满');
      expect(failed.error.message).not.toMatch(/SQLITE|database or disk/);
    }
    expect((await app.handlers['report.open']({ reportId })).data.sections.s6).toBe('本年度未收取信息处理费。');
    db.pragma('max_page_count = 1073741823');
    await app.handlers['section.set']({ reportId, key: 's6', text: LONG });
    expect((await app.handlers['report.open']({ reportId })).data.sections.s6).toBe(LONG);
  });

  it('a file that cannot be written: 「只读」 with what to check', async () => {
    const app = runningBackend();
    const { reportId } = await fillReport(app.handlers);
    app.store!.opened.db.pragma('query_only = 1');
    const failed = await dispatch(app.handlers, 'cells.set', { reportId, changes: [{ cellId: 't3.r1.np', value: 8 }] });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!failed.ok) expect(failed.error.message).toContain('只读');
    app.store!.opened.db.pragma('query_only = 0');
    await app.handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 8 }] });
  });

  it.skipIf(!CAN_MOUNT)('on a real disk that fills up, then is read-only at the next start (a tmpfs of its own; needs root)', async () => {
    const disk = smallDisk(2048)!;
    try {
      const app = runningBackend(disk.dir);
      const { reportId } = await fillReport(app.handlers);
      const free = disk.fill(16);
      const full = await dispatch(app.handlers, 'section.set', { reportId, key: 's6', text: LONG });
      expect(full).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (!full.ok) expect(full.error.message).toContain('磁盘已满');
      free();
      await app.handlers['section.set']({ reportId, key: 's6', text: LONG });

      expect((await app.handlers['report.open']({ reportId })).data.sections.s6).toBe(LONG);
      app.close();

      // a write-protected stick: the next start says so instead of failing on SQLite's words
      disk.readOnly(true);
      const again = runningBackend(disk.dir);
      const info = await again.handlers['app.info']({});
      expect(info.fault?.kind).toBe('unwritable');
      expect(info.fault?.message).toMatch(/只读|无法写入/);
      expect(info.fault?.message).not.toMatch(/SQLITE|readonly database/);
      again.close();
      disk.readOnly(false);
    } finally {
      disk.unmount();
    }
  });
});
