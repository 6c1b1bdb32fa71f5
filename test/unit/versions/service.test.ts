import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { tokenFor } from '../../../core/report/prose.js';
import { BEFORE_RESTORE_LABEL } from '../../../electron/services/versions.js';
import { openStore } from '../../../electron/store/index.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

/** A report with a few figures, some prose and a cell note. */
async function setup() {
  const backend = testBackend();
  const { handlers } = backend;
  const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
  const reportId = report.id;
  await handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 4 }, { cellId: 't3.r3_1.np', value: 3 }] });
  await handlers['section.set']({
    reportId,
    key: 's1',
    text: `（一）主动公开\n全年收到申请${tokenFor('t3.r1.total')}件。\n本年度主动公开信息120条。`,
  });
  await handlers['section.set']({ reportId, key: 's6', text: '本年度未收取信息处理费。' });
  return { ...backend, reportId };
}

describe('versions at the service level (real SQLite)', () => {
  it('saves a named version, lists it, and keeps it unchanged while the draft moves on', async () => {
    const { handlers, reportId } = await setup();
    const v1 = await handlers['version.create']({ reportId, label: '初稿', author: '王敏' });
    expect(v1).toMatchObject({ reportId, label: '初稿', author: '王敏', kind: 'manual' });
    expect(v1.fingerprint).toMatch(/^fnv1a:[0-9a-f]{16}$/);

    await handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 6 }] });
    await handlers['section.set']({ reportId, key: 's1', text: '（一）主动公开\n本年度主动公开信息135条。' });

    const got = await handlers['version.get']({ reportId, versionId: v1.id });
    expect(got.snapshot.cells['t3.r1.np']).toBe(4);
    expect(got.snapshot.sections.s1).toContain('120条');
    expect(got.fingerprint).toBe(v1.fingerprint);
    const list = await handlers['version.list']({ reportId });
    expect(list.map((v) => v.label)).toEqual(['初稿']);
  });

  it('compares a version with the draft: changed lines with their characters, changed cells by name', async () => {
    const { handlers, reportId } = await setup();
    const v1 = await handlers['version.create']({ reportId, label: '初稿', author: '王敏' });
    await handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 6 }] });
    await handlers['section.set']({
      reportId,
      key: 's1',
      text: `（一）主动公开\n全年收到申请${tokenFor('t3.r1.total')}件。\n本年度主动公开信息135条。`,
    });

    const cmp = await handlers['version.compare']({ reportId, from: v1.id, to: 'current' });
    expect(cmp.same).toBe(false);
    expect(cmp.from).toMatchObject({ kind: 'version', version: { label: '初稿' } });
    expect(cmp.to.kind).toBe('current');
    // the text: one line changed, 120 → 135
    expect(cmp.sections.map((s) => s.key)).toEqual(['s1']);
    const change = cmp.sections[0]!.rows.find((r) => r.kind === 'change');
    expect(change).toBeDefined();
    if (change?.kind !== 'change') throw new Error('no change row');
    expect(change.left).toBe('本年度主动公开信息120条。');
    expect(change.right).toBe('本年度主动公开信息135条。');
    // the cells: the entered cell and the totals computed from it, with their names
    const byId = new Map(cmp.cells.map((c) => [c.cellId, c]));
    expect(byId.get('t3.r1.np')).toMatchObject({ before: '4', after: '6', computed: false });
    expect(byId.get('t3.r1.np')!.name).toBe('表三「一、本年新收政府信息公开申请数量」·自然人');
    expect(byId.get('t3.r1.total')).toMatchObject({ before: '4', after: '6', computed: true });

    // two versions compare the same way; a version with itself is the same
    const v2 = await handlers['version.create']({ reportId, label: '送审稿', author: '王敏' });
    const between = await handlers['version.compare']({ reportId, from: v1.id, to: v2.id });
    expect(between.cells).toEqual(cmp.cells);
    expect((await handlers['version.compare']({ reportId, from: v2.id, to: 'current' })).same).toBe(true);
  });

  it('restoring keeps the current state as a version, writes the old content back, and records a new version', async () => {
    const { handlers, reportId, store } = await setup();
    await handlers['cell.note']({ reportId, cellId: 't3.r2.np', note: '上年结转的申请' });
    const v1 = await handlers['version.create']({ reportId, label: '初稿', author: '王敏' });
    // more work after the version
    await handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 9 }, { cellId: 't3.r1.biz', value: 2 }] });
    await handlers['section.set']({ reportId, key: 's1', text: '全部重写的一段。' });
    await handlers['section.set']({ reportId, key: 's5', text: '新写的第五部分。' });
    await handlers['cell.note']({ reportId, cellId: 't3.r2.np', note: '' });
    const beforeRestore = (await handlers['report.open']({ reportId })).data;

    const result = await handlers['version.restore']({ reportId, versionId: v1.id, author: '李强' });
    expect(result.before).toMatchObject({ label: BEFORE_RESTORE_LABEL, kind: 'auto', author: '李强' });
    expect(result.restored).toMatchObject({ label: '恢复自：初稿', kind: 'restore', author: '李强', fingerprint: v1.fingerprint });

    // the report holds the old content again: cells (incl. blanks), prose (incl. removed parts), notes
    const now = (await handlers['report.open']({ reportId })).data;
    expect(now.cells['t3.r1.np']).toBe(4);
    expect(now.cells['t3.r1.biz']).toBeUndefined();
    expect(now.cells['t3.r1.total']).toBe(4);
    expect(now.sections.s1).toContain('120条');
    expect(now.sections.s5 ?? '').toBe('');
    expect(now.notes['t3.r2.np']).toBe('上年结转的申请');

    // nothing was destroyed: every version is still there, and the one before the restore holds the replaced work
    const list = await handlers['version.list']({ reportId });
    expect(list.map((v) => v.label)).toEqual(['恢复自：初稿', BEFORE_RESTORE_LABEL, '初稿']);
    const kept = await handlers['version.get']({ reportId, versionId: result.before!.id });
    expect(kept.snapshot.cells['t3.r1.np']).toBe(9);
    expect(kept.snapshot.sections.s1).toBe(beforeRestore.sections.s1);
    expect(kept.snapshot.sections.s5).toBe('新写的第五部分。');
    expect((await handlers['version.get']({ reportId, versionId: v1.id })).snapshot).toEqual((await handlers['version.get']({ reportId, versionId: result.restored.id })).snapshot);

    // restoring the replaced work brings it back in turn: restore is reversible
    await handlers['version.restore']({ reportId, versionId: result.before!.id, author: '李强' });
    const again = (await handlers['report.open']({ reportId })).data;
    expect(again.cells['t3.r1.np']).toBe(9);
    expect(again.sections.s5).toBe('新写的第五部分。');
    // the state being replaced was exactly the latest version (the restore), so no extra copy was made
    expect((await handlers['version.list']({ reportId })).map((v) => v.kind)).toEqual(['restore', 'restore', 'auto', 'manual']);
    store.close();
  });

  it('versions survive closing and reopening the store; a version of another report is refused', async () => {
    const { handlers, reportId, store, dataDir } = await setup();
    const v1 = await handlers['version.create']({ reportId, label: '初稿', author: '' });
    store.close();
    const reopened = openStore(dataDir);
    try {
      expect(reopened.versions.list(reportId).map((v) => v.id)).toEqual([v1.id]);
    } finally {
      reopened.close();
    }
    const other = testBackend();
    const agency = await other.handlers['agency.create']({ agency: SAMPLE_AGENCY });
    await other.handlers['report.create']({ agencyId: agency.id, year: 2023 });
    const r2 = await other.handlers['report.create']({ agencyId: agency.id, year: 2024 });
    const v = await other.handlers['version.create']({ reportId: r2.id, label: '初稿', author: '' });
    const wrong = await dispatch(other.handlers, 'version.get', { reportId: r2.id - 1, versionId: v.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unnamed = await dispatch(other.handlers, 'version.create', { reportId: r2.id, label: '  ', author: '' });
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(!unnamed.ok && unnamed.error.message).toContain('请给这个版本起个名字');
    other.store.close();
  });

  it('the store has no way to change or remove a version', async () => {
    const { store } = await setup();
    const proto = Object.getOwnPropertyNames(Object.getPrototypeOf(store.versions));
    expect(proto.filter((n) => /update|delete|remove|set/i.test(n))).toEqual([]);
    store.close();
  });
});
