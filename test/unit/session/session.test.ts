import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../../core/rules/index.js';
import { cellMarks, countsBySection, findingKey, isOpen } from '../../../renderer/report/findings/summary.js';
import { makeSession, report } from './fixture.js';

/** The figures of the open report in its session (renderer/report/state/ReportSession.ts). */
describe('ReportSession: the tables', () => {
  it('computes totals live and saves only what the clerk entered', async () => {
    const { session, sent } = makeSession(report());
    session.apply([{ cellId: 't3.r1.np', value: 5 }], '填写');
    session.apply([{ cellId: 't3.r1.biz', value: 2 }], '填写');
    expect(session.getState().shown['t3.r1.total']).toBe(7);
    expect(session.getState().report.cells['t3.r1.total']).toBeUndefined();
    await session.saved();
    expect(sent.flat()).toEqual([
      { cellId: 't3.r1.np', value: 5 },
      { cellId: 't3.r1.biz', value: 2 },
    ]);
  });

  it('starts from report.open\'s cells without their computed totals', () => {
    const { session } = makeSession(report({ 't3.r1.np': 4, 't3.r1.total': 4 }));
    expect(session.getState().report.cells).toEqual({ 't3.r1.np': 4 });
    expect(session.getState().shown['t3.r1.total']).toBe(4);
  });

  it('refuses computed cells in the app\'s reports, allows them in imported ones', () => {
    expect(makeSession(report()).session.isEditable('t3.r1.total')).toBe(false);
    expect(makeSession(report({}, 'imported')).session.isEditable('t3.r1.total')).toBe(true);
    const { session } = makeSession(report());
    expect(session.apply([{ cellId: 't3.r1.total', value: 3 }], 'x')).toBeUndefined();
  });

  it('undoes and redoes across tables, each step saved', async () => {
    const { session, sent } = makeSession(report({ 't4.rev.upheld': 1 }));
    session.apply([{ cellId: 't3.r1.np', value: 5 }], 'a');
    session.apply([{ cellId: 't4.rev.upheld', value: 2 }], 'b');
    expect(session.undo()!.label).toBe('b');
    expect(session.getState().report.cells['t4.rev.upheld']).toBe(1);
    expect(session.undo()!.label).toBe('a');
    expect(session.getState().report.cells['t3.r1.np']).toBeUndefined();
    expect(session.getState().history.canUndo).toBe(false);
    expect(session.redo()!.label).toBe('a');
    expect(session.getState().shown['t3.r1.total']).toBe(5);
    await session.saved();
    // what the store ends up with (edits made while a save was on its way go together)
    const stored = Object.fromEntries(sent.flat().map((c) => [c.cellId, c.value]));
    expect(stored).toEqual({ 't3.r1.np': 5, 't4.rev.upheld': 1 });
  });

  it('leaves unchanged cells out of a step; a step with no change is not recorded', () => {
    const { session } = makeSession(report({ 't3.r1.np': 5 }));
    expect(session.apply([{ cellId: 't3.r1.np', value: 5 }], 'same')).toBeUndefined();
    expect(session.getState().history.canUndo).toBe(false);
  });

  it('re-checks the rules on every change: A-3 fires and clears', () => {
    const { session } = makeSession(report());
    session.apply(
      [
        { cellId: 't3.r1.np', value: 5 },
        { cellId: 't3.r2.np', value: 0 },
        { cellId: 't3.r3_1.np', value: 3 },
        { cellId: 't3.r4.np', value: 0 },
      ],
      'a',
    );
    const a3 = session.getState().findings.find((f) => f.ruleId === 'A-3');
    expect(a3?.cells[0]).toBe('t3.r1.np');
    session.apply([{ cellId: 't3.r4.np', value: 2 }], 'fix');
    expect(session.getState().findings.some((f) => f.ruleId === 'A-3')).toBe(false);
  });

  it('a signed report takes no edits', () => {
    const { session } = makeSession(report(), { readOnly: true });
    expect(session.apply([{ cellId: 't3.r1.np', value: 1 }], 'x')).toBeUndefined();
    expect(session.isEditable('t3.r1.np')).toBe(false);
  });

  it('accepts and withdraws warnings', async () => {
    const { session } = makeSession(report());
    await session.accept('P-1|t2.norm.valid', '有文件到期失效');
    expect(session.getState().acks.get('P-1|t2.norm.valid')?.reason).toBe('有文件到期失效');
    await session.withdraw('P-1|t2.norm.valid');
    expect(session.getState().acks.size).toBe(0);
  });

  it('focus requests are handed to the table that holds the cell, once', () => {
    const { session } = makeSession(report());
    session.requestFocus('t4.rev.upheld');
    const focus = session.getState().focus!;
    expect(session.sectionOf(focus.cellId)).toBe('s4');
    session.focusDone(focus.seq);
    expect(session.getState().focus).toBeUndefined();
  });
});

describe('findings summary', () => {
  const warning: Finding = { ruleId: 'P-1', severity: 'warning', section: 's2', cells: ['t2.norm.valid', 't2.norm.made'], message: 'w' };
  const error: Finding = { ruleId: 'A-3', severity: 'error', section: 's3', cells: ['t3.r1.np', 't3.r4.np'], message: 'e' };
  const info: Finding = { ruleId: 'A-4', severity: 'info', section: 's3', cells: [], message: 'i' };
  const blanks: Finding = { ruleId: 'D-4', severity: 'warning', section: 's3', cells: ['t3.r2.np'], message: 'b' };

  it('keys an acceptance by rule id and cells', () => {
    expect(findingKey(warning)).toBe('P-1|t2.norm.valid,t2.norm.made');
  });

  it('counts what must be corrected and what to check per section, by the one classification (blanks must be filled); accepted warnings and guidance do not count', () => {
    const acks = new Map([[findingKey(warning), { key: findingKey(warning), reason: 'r', createdAt: '' }]]);
    expect(isOpen(warning, acks)).toBe(false);
    const counts = countsBySection([warning, error, info, blanks], acks);
    expect(counts.get('s2')).toBeUndefined();
    expect(counts.get('s3')).toEqual({ must: 2, check: 0 });
  });

  it('marks cells with the worst open finding, but not every blank cell', () => {
    const marks = cellMarks([warning, error, blanks, { ...warning, cells: ['t3.r1.np'] }], new Map());
    expect(marks.get('t3.r1.np')?.mark).toBe('error');
    expect(marks.get('t2.norm.valid')?.mark).toBe('warning');
    expect(marks.has('t3.r2.np')).toBe(false);
  });
});

describe('ReportSession: prose, notes, acceptances and saving', () => {
  it('shows typed text at once, saves it after a pause, and saved() sends what is held without waiting', async () => {
    const { session, saves } = makeSession(report(), { proseDelayMs: 60_000 });
    session.setProse('s6', '本年度未收取信息处理费。');
    expect(session.prose('s6')).toBe('本年度未收取信息处理费。');
    expect(session.getState().report.sections.s6).toBe('本年度未收取信息处理费。');
    expect(session.getState().save.kind).toBe('saving');
    expect(saves).toEqual([]);
    await session.saved();
    expect(saves).toEqual([[{ kind: 'section', key: 's6', text: '本年度未收取信息处理费。' }]]);
    expect(session.getState().save.kind).toBe('saved');
    expect(session.getState().revision).toBe(4);
  });

  it('runs the rules on the text in the window, without a round trip: G-5 fires and clears', async () => {
    const { session } = makeSession(report(), { checkDelayMs: 0 });
    const g5 = () => session.getState().findings.filter((f) => f.ruleId === 'G-5');
    expect(g5()).toEqual([]);
    session.setProse('s5', '下一步，2024年我镇将进一步规范依申请公开答复。');
    await vi.waitFor(() => expect(g5()).toHaveLength(1));
    session.setProse('s5', '下一步，2025年我镇将进一步规范依申请公开答复。');
    await vi.waitFor(() => expect(g5()).toEqual([]));
  });

  it('a keystroke in a text leaves the figures, the totals and the history as they were (nothing showing them re-renders)', () => {
    const { session } = makeSession(report({ 't3.r1.np': 2 }));
    const before = session.getState();
    session.setProse('s1', '总体情况');
    const after = session.getState();
    expect(after.report).not.toBe(before.report);
    expect(after.figures).toBe(before.figures);
    expect(after.shown).toBe(before.shown);
    expect(after.history).toBe(before.history);
    expect(after.acks).toBe(before.acks);
  });

  it('notes, confirmed mentions and acceptances are shown once stored; a refused one changes nothing and says so', async () => {
    const base = { ...report(), carry: { fromYear: 2023, cells: {}, base: {}, pending: { s1: ['2023年', '5件'] }, notices: [] } };
    const { session } = makeSession(base);
    expect(await session.setNote('t3.r2.np', ' 撤回 1 件 ')).toBe(true);
    expect(session.getState().figures.notes).toEqual({ 't3.r2.np': '撤回 1 件' });
    expect(await session.confirmMention('s1', '2023年')).toBe(true);
    expect(session.getState().figures.carry?.pending).toEqual({ s1: ['5件'] });

    const refusing = makeSession(report(), {
      send: async () => {
        throw new Error('报告已定稿');
      },
    }).session;
    expect(await refusing.accept('P-1|t2.reg.valid', '到期失效')).toBe(false);
    expect(refusing.getState().acks.size).toBe(0);
    expect(refusing.getState().save).toEqual({ kind: 'failed', message: '操作没有完成：报告已定稿' });
    refusing.dispose();
  });

  it('a signed report takes no text either', () => {
    const { session, saves } = makeSession(report(), { readOnly: true });
    session.setProse('s1', '改动');
    expect(session.prose('s1')).toBe('');
    expect(saves).toEqual([]);
  });
});
