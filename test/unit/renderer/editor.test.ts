import { describe, expect, it } from 'vitest';
import type { Acknowledgement } from '../../../core/api.js';
import { emptyAgency, type ReportData } from '../../../core/report/index.js';
import { checkReport, type Finding } from '../../../core/rules/index.js';
import { cellMarks, countsBySection, findingKey, isOpen } from '../../../renderer/report/findings/summary.js';
import { ReportEditor } from '../../../renderer/report/table/editor.js';
import type { CellChange } from '../../../renderer/report/table/history.js';

function report(cells: Record<string, number> = {}, origin: ReportData['origin'] = 'app'): ReportData {
  return { format: '2021', year: 2024, agency: emptyAgency('某镇人民政府'), cells, sections: {}, notes: {}, origin };
}

function makeEditor(data: ReportData, opts: { readOnly?: boolean; acks?: Acknowledgement[] } = {}) {
  const sent: CellChange[][] = [];
  const editor = new ReportEditor({
    data,
    acks: opts.acks ?? [],
    readOnly: opts.readOnly ?? false,
    check: (d) => checkReport(d),
    sendCells: async (changes) => {
      sent.push(changes);
      return true;
    },
    setAck: async (key, reason) => ({ key, reason, createdAt: '2025-01-01T00:00:00Z' }),
    clearAck: async () => true,
  });
  return { editor, sent };
}

describe('ReportEditor', () => {
  it('computes totals live and saves only what the clerk entered', async () => {
    const { editor, sent } = makeEditor(report());
    editor.apply([{ cellId: 't3.r1.np', value: 5 }], '填写');
    editor.apply([{ cellId: 't3.r1.biz', value: 2 }], '填写');
    expect(editor.getSnapshot().shown['t3.r1.total']).toBe(7);
    expect(editor.getSnapshot().data.cells['t3.r1.total']).toBeUndefined();
    await editor.saved();
    expect(sent.flat()).toEqual([
      { cellId: 't3.r1.np', value: 5 },
      { cellId: 't3.r1.biz', value: 2 },
    ]);
  });

  it('starts from report.open\'s cells without their computed totals', () => {
    const { editor } = makeEditor(report({ 't3.r1.np': 4, 't3.r1.total': 4 }));
    expect(editor.getSnapshot().data.cells).toEqual({ 't3.r1.np': 4 });
    expect(editor.getSnapshot().shown['t3.r1.total']).toBe(4);
  });

  it('refuses computed cells in the app\'s reports, allows them in imported ones', () => {
    expect(makeEditor(report()).editor.isEditable('t3.r1.total')).toBe(false);
    expect(makeEditor(report({}, 'imported')).editor.isEditable('t3.r1.total')).toBe(true);
    const { editor } = makeEditor(report());
    expect(editor.apply([{ cellId: 't3.r1.total', value: 3 }], 'x')).toBeUndefined();
  });

  it('undoes and redoes across tables, each step saved', async () => {
    const { editor, sent } = makeEditor(report({ 't4.rev.upheld': 1 }));
    editor.apply([{ cellId: 't3.r1.np', value: 5 }], 'a');
    editor.apply([{ cellId: 't4.rev.upheld', value: 2 }], 'b');
    expect(editor.undo()!.label).toBe('b');
    expect(editor.getSnapshot().data.cells['t4.rev.upheld']).toBe(1);
    expect(editor.undo()!.label).toBe('a');
    expect(editor.getSnapshot().data.cells['t3.r1.np']).toBeUndefined();
    expect(editor.getSnapshot().canUndo).toBe(false);
    expect(editor.redo()!.label).toBe('a');
    expect(editor.getSnapshot().shown['t3.r1.total']).toBe(5);
    await editor.saved();
    // what the store ends up with (edits made while a save was on its way go together)
    const stored = Object.fromEntries(sent.flat().map((c) => [c.cellId, c.value]));
    expect(stored).toEqual({ 't3.r1.np': 5, 't4.rev.upheld': 1 });
  });

  it('leaves unchanged cells out of a step; a step with no change is not recorded', () => {
    const { editor } = makeEditor(report({ 't3.r1.np': 5 }));
    expect(editor.apply([{ cellId: 't3.r1.np', value: 5 }], 'same')).toBeUndefined();
    expect(editor.getSnapshot().canUndo).toBe(false);
  });

  it('re-checks the rules on every change: A-3 fires and clears', () => {
    const { editor } = makeEditor(report());
    editor.apply(
      [
        { cellId: 't3.r1.np', value: 5 },
        { cellId: 't3.r2.np', value: 0 },
        { cellId: 't3.r3_1.np', value: 3 },
        { cellId: 't3.r4.np', value: 0 },
      ],
      'a',
    );
    const a3 = editor.getSnapshot().findings.find((f) => f.ruleId === 'A-3');
    expect(a3?.cells[0]).toBe('t3.r1.np');
    editor.apply([{ cellId: 't3.r4.np', value: 2 }], 'fix');
    expect(editor.getSnapshot().findings.some((f) => f.ruleId === 'A-3')).toBe(false);
  });

  it('a signed report takes no edits', () => {
    const { editor } = makeEditor(report(), { readOnly: true });
    expect(editor.apply([{ cellId: 't3.r1.np', value: 1 }], 'x')).toBeUndefined();
    expect(editor.isEditable('t3.r1.np')).toBe(false);
  });

  it('accepts and withdraws warnings', async () => {
    const { editor } = makeEditor(report());
    await editor.accept('P-1|t2.norm.valid', '有文件到期失效');
    expect(editor.getSnapshot().acks.get('P-1|t2.norm.valid')?.reason).toBe('有文件到期失效');
    await editor.withdraw('P-1|t2.norm.valid');
    expect(editor.getSnapshot().acks.size).toBe(0);
  });

  it('focus requests are handed to the table that holds the cell, once', () => {
    const { editor } = makeEditor(report());
    editor.requestFocus('t4.rev.upheld');
    const focus = editor.getSnapshot().focus!;
    expect(editor.sectionOf(focus.cellId)).toBe('s4');
    editor.focusDone(focus.seq);
    expect(editor.getSnapshot().focus).toBeUndefined();
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

  it('counts open errors and warnings per section; accepted warnings and guidance do not count', () => {
    const acks = new Map([[findingKey(warning), { key: findingKey(warning), reason: 'r', createdAt: '' }]]);
    expect(isOpen(warning, acks)).toBe(false);
    const counts = countsBySection([warning, error, info, blanks], acks);
    expect(counts.get('s2')).toBeUndefined();
    expect(counts.get('s3')).toEqual({ errors: 1, warnings: 1 });
  });

  it('marks cells with the worst open finding, but not every blank cell', () => {
    const marks = cellMarks([warning, error, blanks, { ...warning, cells: ['t3.r1.np'] }], new Map());
    expect(marks.get('t3.r1.np')?.mark).toBe('error');
    expect(marks.get('t2.norm.valid')?.mark).toBe('warning');
    expect(marks.has('t3.r2.np')).toBe(false);
  });
});
