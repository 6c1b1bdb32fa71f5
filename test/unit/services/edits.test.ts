import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

async function withReport() {
  const backend = testBackend();
  const agency = await backend.handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const report = await backend.handlers['report.create']({ agencyId: agency.id, year: 2024 });
  return { ...backend, reportId: report.id };
}

describe('report.save: the window’s one way to save', () => {
  it('stores a mix of figures, text, a note and an acceptance in one save, and moves the revision once', async () => {
    const { handlers, store, reportId } = await withReport();
    const before = (await handlers['report.open']({ reportId })).summary.revision;
    const ack = await handlers['report.save']({
      reportId,
      edits: [
        { kind: 'cell', cellId: 't3.r1.np', value: 4 },
        { kind: 'section', key: 's1', text: '本年度主动公开信息。' },
        { kind: 'note', cellId: 't3.r1.np', note: '含 1 件转办' },
        { kind: 'ack', key: 'P-1|t2.reg.valid', reason: '有文件到期失效' },
      ],
    });
    expect(ack.revision).toBe(before + 1);
    const opened = await handlers['report.open']({ reportId });
    expect(opened.summary.revision).toBe(ack.revision);
    expect(opened.data.cells['t3.r1.np']).toBe(4);
    expect(opened.data.sections.s1).toBe('本年度主动公开信息。');
    expect(opened.data.notes['t3.r1.np']).toBe('含 1 件转办');
    expect(opened.acknowledgements.map((a) => a.key)).toEqual(['P-1|t2.reg.valid']);

    // withdrawing is an edit too
    const again = await handlers['report.save']({ reportId, edits: [{ kind: 'ack', key: 'P-1|t2.reg.valid', reason: null }] });
    expect(again.revision).toBe(ack.revision + 1);
    expect((await handlers['report.open']({ reportId })).acknowledgements).toEqual([]);
    store.close();
  });

  it('a save with one bad edit is refused whole: nothing of it is stored, the revision stays', async () => {
    const { handlers, store, reportId } = await withReport();
    const before = (await handlers['report.open']({ reportId })).summary.revision;
    const refused = await dispatch(handlers, 'report.save', {
      reportId,
      edits: [
        { kind: 'section', key: 's5', text: '存在的问题' },
        { kind: 'cell', cellId: 't3.r1.np', value: 2 },
        { kind: 'cell', cellId: 't3.r1.total', value: 2 },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('自动计算的合计') } });
    const opened = await handlers['report.open']({ reportId });
    expect(opened.data.cells).toEqual({});
    expect(opened.data.sections.s5).toBeUndefined();
    expect(opened.summary.revision).toBe(before);
    store.close();
  });

  it('the one-kind methods are the same path: each moves the revision', async () => {
    const { handlers, store, reportId } = await withReport();
    const a = await handlers['cells.set']({ reportId, changes: [{ cellId: 't3.r1.np', value: 1 }] });
    const b = await handlers['section.set']({ reportId, key: 's6', text: '无' });
    const c = await handlers['signoff.save']({ reportId, signoff: { preparer: '张某', reviewer: '', approver: '' } });
    expect([b.revision - a.revision, c.revision - b.revision]).toEqual([1, 1]);
    store.close();
  });
});
