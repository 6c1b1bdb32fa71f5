import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

async function withReport() {
  const backend = testBackend();
  const agency = await backend.handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const report = await backend.handlers['report.create']({ agencyId: agency.id, year: 2024 });
  return { ...backend, reportId: report.id };
}

const P1 = 'P-1|t2.reg.valid,t2.reg.made,t2.reg.repealed';

describe('report.save: the window’s one way to save', () => {
  it('accepts only a warning the report raises: a key naming no finding, or an error, is refused and nothing of the save is kept', async () => {
    const { handlers, store, reportId } = await withReport();
    const before = (await handlers['report.open']({ reportId })).summary.revision;
    for (const key of ['P-1|t2.reg.valid', P1, 'G-1|', 'made-up', 'P-1|t2.reg.valid,t2.reg.made,t2.reg.repealed,t3.r1.np']) {
      const refused = await dispatch(handlers, 'report.save', {
        reportId,
        edits: [{ kind: 'section', key: 's5', text: '存在的问题' }, { kind: 'ack', key, reason: '理由' }],
      });
      expect(refused, key).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('这条提醒在报告里已经没有了') } });
      expect((await dispatch(handlers, 'ack.set', { reportId, key, reason: '理由' })).ok, key).toBe(false);
    }
    const opened = await handlers['report.open']({ reportId });
    expect(opened.acknowledgements).toEqual([]);
    expect(opened.data.sections.s5).toBeUndefined();
    expect(opened.summary.revision).toBe(before);
    // withdrawing what is not there is harmless
    expect((await dispatch(handlers, 'ack.clear', { reportId, key: 'made-up' })).ok).toBe(true);
    store.close();
  });

  it('control characters are refused at the contract in every text a report or agency keeps; line breaks and tabs only where text has lines', async () => {
    const { handlers, store, reportId } = await withReport();
    const refusedArgs = [
      ['agency.create', { agency: { ...SAMPLE_AGENCY, name: '\u0000' } }],
      ['agency.create', { agency: { ...SAMPLE_AGENCY, name: '某某镇\n人民政府' } }],
      ['agency.create', { agency: { ...SAMPLE_AGENCY, region: '某某县\u001b[31m' } }],
      ['section.set', { reportId, key: 's1', text: '正文\u0000' }],
      ['report.save', { reportId, edits: [{ kind: 'section', key: 's1', text: '正文\u0007' }] }],
      ['report.save', { reportId, edits: [{ kind: 'note', cellId: 't3.r1.np', note: '\u0085说明' }] }],
      ['cell.note', { reportId, cellId: 't3.r1.np', note: '说明\u007f' }],
      ['version.create', { reportId, label: '初稿\u0000', author: '王敏' }],
      ['version.create', { reportId, label: '初稿', author: '王\t敏' }],
      ['ack.set', { reportId, key: 'P-1|\u0000', reason: '理由' }],
      ['ack.set', { reportId, key: P1, reason: '理由\u0000' }],
      ['carry.confirm', { reportId, key: 's1', mention: '2023\u0000年' }],
      ['signoff.save', { reportId, signoff: { preparer: '张\u0000', reviewer: '', approver: '' } }],
    ] as const;
    for (const [method, args] of refusedArgs) {
      const answer = await dispatch(handlers, method, args);
      expect(answer, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringContaining('控制字符') } });
    }
    const email = await dispatch(handlers, 'agency.create', { agency: { ...SAMPLE_AGENCY, contact: { ...SAMPLE_AGENCY.contact, email: 'a\u0000@b.cn' } } });
    expect(email).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringContaining('电子邮箱格式不对') } });
    expect((await handlers['agency.list']({})).map((a) => a.name)).toEqual([SAMPLE_AGENCY.name]);
    const opened = await handlers['report.open']({ reportId });
    expect(opened.data.sections.s1).toBeUndefined();
    expect(opened.data.notes).toEqual({});
    // text with lines keeps its line breaks and tabs
    const prose = '一、总体情况\r\n\t本年度……\n二、主动公开';
    expect((await dispatch(handlers, 'section.set', { reportId, key: 's1', text: prose })).ok).toBe(true);
    expect((await dispatch(handlers, 'cell.note', { reportId, cellId: 't3.r1.np', note: '第一行\n第二行' })).ok).toBe(true);
    expect((await handlers['report.open']({ reportId })).data.sections.s1).toBe(prose);
    store.close();
  });

  it('stores a mix of figures, text, a note and an acceptance in one save, and moves the revision once', async () => {
    const { handlers, store, reportId } = await withReport();
    const before = (await handlers['report.open']({ reportId })).summary.revision;
    const ack = await handlers['report.save']({
      reportId,
      edits: [
        { kind: 'cell', cellId: 't3.r1.np', value: 4 },
        // 现行有效 below 制发 less 废止: raises P-1, which the same save accepts
        { kind: 'cell', cellId: 't2.reg.made', value: 5 },
        { kind: 'cell', cellId: 't2.reg.repealed', value: 0 },
        { kind: 'cell', cellId: 't2.reg.valid', value: 1 },
        { kind: 'section', key: 's1', text: '本年度主动公开信息。' },
        { kind: 'note', cellId: 't3.r1.np', note: '含 1 件转办' },
        { kind: 'ack', key: P1, reason: '有文件到期失效' },
      ],
    });
    expect(ack.revision).toBe(before + 1);
    const opened = await handlers['report.open']({ reportId });
    expect(opened.summary.revision).toBe(ack.revision);
    expect(opened.data.cells['t3.r1.np']).toBe(4);
    expect(opened.data.sections.s1).toBe('本年度主动公开信息。');
    expect(opened.data.notes['t3.r1.np']).toBe('含 1 件转办');
    expect(opened.acknowledgements.map((a) => a.key)).toEqual([P1]);

    // withdrawing is an edit too
    const again = await handlers['report.save']({ reportId, edits: [{ kind: 'ack', key: P1, reason: null }] });
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

  it('a save made on an old revision is refused as stale and stores nothing; on the latest it is stored (two windows, issue 12)', async () => {
    const { handlers, store, reportId } = await withReport();
    const base = (await handlers['report.open']({ reportId })).summary.revision;
    // window A saves on the revision it opened
    const a = await handlers['report.save']({ reportId, baseRevision: base, edits: [{ kind: 'section', key: 's5', text: '甲窗口的文字' }] });
    expect(a.revision).toBe(base + 1);
    // window B still holds the revision it opened: refused, whole
    const b = await dispatch(handlers, 'report.save', {
      reportId,
      baseRevision: base,
      edits: [{ kind: 'section', key: 's5', text: '乙窗口的文字' }, { kind: 'cell', cellId: 't3.r1.np', value: 4 }],
    });
    expect(b).toMatchObject({ ok: false, error: { code: 'stale', message: expect.stringContaining('另一个窗口') } });
    let opened = await handlers['report.open']({ reportId });
    expect(opened.data.sections.s5).toBe('甲窗口的文字');
    expect(opened.data.cells['t3.r1.np']).toBeUndefined();
    expect(opened.summary.revision).toBe(base + 1);
    // on the fresh revision it goes through
    await handlers['report.save']({ reportId, baseRevision: opened.summary.revision, edits: [{ kind: 'section', key: 's5', text: '乙窗口的文字' }] });
    opened = await handlers['report.open']({ reportId });
    expect(opened.data.sections.s5).toBe('乙窗口的文字');
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
