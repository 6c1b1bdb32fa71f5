import { describe, expect, it } from 'vitest';
import { carryForward, emptyAgency, staleMentions, type ReportData } from '../../../core/report/index.js';
import { makeSession } from '../session/fixture.js';
import { carriedCells, carryEvents, cellCarryMarks, freshCarry } from '../../../renderer/report/carry/cells.js';
import { lastYearForm, readLastYearFigures } from '../../../renderer/report/carry/lastYear.js';
import { findMentions, hitAt, stillPending } from '../../../renderer/report/carry/mentions.js';

describe('「待更新」 mentions in a carried text', () => {
  it('finds each mention where the text still says it, white space allowed back in', () => {
    const text = '2023 年，我镇共收到申请5件，办结率100%。2023年度工作平稳。';
    const mentions = staleMentions(text);
    expect(mentions).toEqual(['2023年', '5件', '100%', '2023年度']);
    const hits = findMentions(text, mentions);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['2023 年', '5件', '100%', '2023年度']);
    expect(hitAt(hits, hits[1]!.start + 1)?.mention).toBe('5件');
  });

  it('an edited figure is no longer pending, even where the new one ends in the old', () => {
    expect(stillPending('我镇共收到申请15件。', ['5件'])).toEqual([]);
    expect(stillPending('我镇共收到申请2.5件。', ['5件'])).toEqual([]);
    expect(stillPending('共收到申请十三件。', ['三件'])).toEqual([]);
    expect(stillPending('2024年，我镇共收到申请5件。', ['2023年', '5件'])).toEqual(['5件']);
  });

  it('never marks inside a figure taken from the tables', () => {
    const shown = '共收到申请⟦本年新收申请·总计：5件⟧，另5件。';
    const hits = findMentions(shown, ['5件']);
    expect(hits).toHaveLength(1);
    expect(shown.slice(hits[0]!.start)).toBe('5件。');
    expect(findMentions('{{cell:t3.r1.total}}件', ['1件'])).toEqual([]);
  });

  it('takes a mention with special characters literally', () => {
    expect(stillPending('增长了3.5%。', ['3.5%'])).toEqual(['3.5%']);
    expect(stillPending('增长了305%。', ['3.5%'])).toEqual([]);
  });
});

function lastYear(cells: Record<string, number>): ReportData {
  return { format: '2021', year: 2023, agency: emptyAgency('某镇'), cells, sections: {}, notes: {}, origin: 'app' };
}

describe('carried cells', () => {
  const previous = lastYear({ 't3.r4.np': 3, 't3.r4.biz': 1, 't2.norm.valid': 12 });
  const started = carryForward(previous, 2024).report;

  it('are listed with what was carried; a hand change is marked, last year’s corrected figure is not', () => {
    const data = { ...started, cells: { ...started.cells, 't3.r2.np': 5 } };
    const fresh = freshCarry(previous, 2024);
    const cells = carriedCells(data, fresh);
    expect(cells.find((c) => c.cellId === 't3.r2.np')).toMatchObject({ carried: 3, now: 5, changed: true, fromYear: 2023 });
    expect(cells.find((c) => c.cellId === 't3.r2.biz')).toMatchObject({ carried: 1, now: 1, changed: false });
    // last year's 四 was corrected to 5 after the carry: 5 is what last year says, not a hand change
    const corrected = freshCarry(lastYear({ ...previous.cells, 't3.r4.np': 5 }), 2024);
    expect(carriedCells(data, corrected).find((c) => c.cellId === 't3.r2.np')?.changed).toBe(false);
    expect(freshCarry(previous, 2025)).toBeUndefined();
  });

  it('ask for a reason when a carried value is changed by hand, once, and not for other cells', () => {
    const before = started.cells;
    const after = { ...before, 't3.r2.np': 5, 't3.r1.np': 9 };
    expect(carryEvents(started.carry, {}, before, after)).toEqual([{ kind: 'ask', cellId: 't3.r2.np', carried: 3, before: 3, after: 5 }]);
    // with a reason written, another change does not ask again
    expect(carryEvents(started.carry, { 't3.r2.np': '撤回 1 件' }, after, { ...after, 't3.r2.np': 6 })).toEqual([]);
    // clearing a carried value asks too
    const cleared = { ...before };
    delete cleared['t3.r2.biz'];
    expect(carryEvents(started.carry, {}, before, cleared)[0]).toMatchObject({ kind: 'ask', cellId: 't3.r2.biz', after: undefined });
    // taking last year's corrected figure needs no reason
    expect(carryEvents(started.carry, {}, before, { ...before, 't3.r2.np': 5 }, { cells: { 't3.r2.np': 5 }, base: {} })).toEqual([]);
  });

  it('say so when an undo brings the carried value back while a reason is stored', () => {
    const changed = { ...started.cells, 't3.r2.np': 5 };
    expect(carryEvents(started.carry, { 't3.r2.np': '撤回 1 件' }, changed, started.cells)).toEqual([
      { kind: 'restored', cellId: 't3.r2.np', carried: 3, note: '撤回 1 件' },
    ]);
    expect(carryEvents(undefined, {}, changed, started.cells)).toEqual([]);
  });

  it('mark carried cells, last year’s base and notes for the tooltip', () => {
    const data = { ...started, cells: { ...started.cells, 't3.r2.np': 5 }, notes: { 't3.r2.np': '撤回 1 件' } };
    expect(cellCarryMarks(data, 't3.r2.np')).toEqual({
      classes: ['carried', 'carry-changed', 'has-note'],
      lines: ['结转：2023 年报告结转来的是 3，已改动', '说明：撤回 1 件'],
    });
    expect(cellCarryMarks(data, 't3.r2.biz').lines).toEqual(['结转：来自 2023 年报告（1）']);
    expect(cellCarryMarks(data, 't2.norm.valid').lines).toEqual(['2023 年报告的现行有效件数：12']);
    // last year's report corrected since: its figure now
    const fresh = freshCarry(lastYear({ ...previous.cells, 't2.norm.valid': 14 }), 2024);
    expect(fresh?.base).toEqual({ 't2.norm.valid': 14 });
    expect(cellCarryMarks(data, 't2.norm.valid', fresh).lines).toEqual(['2023 年报告的现行有效件数：14']);
    expect(cellCarryMarks(data, 't3.r1.np')).toEqual({ classes: [], lines: [] });
  });
});

describe('last year’s figures typed in by hand', () => {
  it('the form has 四’s six columns, the computed total, and 现行有效件数 in the 2021 format only', () => {
    const form = lastYearForm(2024)!;
    expect(form.row.map((f) => f.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(form.total.cellId).toBe('t3.r4.total');
    expect(form.valid.map((f) => [f.cellId, f.label])).toEqual([
      ['t2.reg.valid', '规章'],
      ['t2.norm.valid', '行政规范性文件'],
    ]);
    // 2020 used the 2019 format: no 现行有效件数 there
    expect(lastYearForm(2021)!.valid).toEqual([]);
    expect(lastYearForm(2019)).toBeNull();
  });

  it('reads what was typed: blank stays blank, full-width digits read, the total computed, bad input named', () => {
    const form = lastYearForm(2024)!;
    const read = readLastYearFigures(form, { 't3.r4.np': '３', 't3.r4.biz': '0', 't3.r4.res': '', 't2.norm.valid': '12', 't2.reg.valid': '1.5' });
    expect(read.figures).toEqual({ 't3.r4.np': 3, 't3.r4.biz': 0, 't3.r4.total': 3, 't2.norm.valid': 12 });
    expect(read.total).toBe(3);
    expect(Object.keys(read.problems)).toEqual(['t2.reg.valid']);
    expect(readLastYearFigures(form, {}).figures).toEqual({});
  });
});

describe('the session with last year’s report', () => {
  const previous = lastYear({ 't3.r4.np': 3, 't3.r4.biz': 1 });
  const started = carryForward(previous, 2024).report;
  const sessionFor = (data: ReportData) => makeSession(data, { previous }).session;

  it('runs X-1 live, naming both years’ values', () => {
    const session = sessionFor(started);
    expect(session.previous?.data.year).toBe(2023);
    expect(session.getState().findings.filter((f) => f.ruleId === 'X-1')).toEqual([]);
    session.apply([{ cellId: 't3.r2.np', value: 5 }], '填写');
    const [x1] = session.getState().findings.filter((f) => f.ruleId === 'X-1');
    expect(x1?.severity).toBe('error');
    expect(x1?.message).toContain('2024年表三「二、上年结转政府信息公开申请数量」·自然人 为 5，而2023年报告的表三「四、结转下年度继续办理」·自然人 为 3');
    session.undo();
    expect(session.getState().findings.filter((f) => f.ruleId === 'X-1')).toEqual([]);
  });

  it('takes a saved note and a confirmed mention into its state', async () => {
    const session = sessionFor({ ...started, carry: { ...started.carry!, pending: { s1: ['2023年', '5件'] } } });
    await session.setNote('t3.r2.np', '撤回 1 件');
    expect(session.getState().figures.notes).toEqual({ 't3.r2.np': '撤回 1 件' });
    await session.setNote('t3.r2.np', '');
    expect(session.getState().figures.notes).toEqual({});
    await session.confirmMention('s1', '2023年');
    expect(session.getState().figures.carry?.pending).toEqual({ s1: ['5件'] });
    // the figures are untouched
    expect(session.getState().figures.cells['t3.r2.np']).toBe(3);
  });
});
