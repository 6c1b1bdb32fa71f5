import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { openPackage } from '../../../core/package/index.js';
import { shownCells } from '../../../core/report/index.js';
import { COUNTY_UNITS } from '../../fixtures/county/units.js';
import { arrivals, COPIED, COPIER, MISSING, PAPER, PUBLISHED_PAGE, reportOf, rosterCsv, WITH_ERRORS, YEAR } from '../../fixtures/county/county.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, base64: Buffer.from(bytes).toString('base64') });
const bytesOf = (d: { kind: string; base64?: string }) => new Uint8Array(Buffer.from(d.base64!, 'base64'));

async function county() {
  const backend = testBackend();
  const { handlers } = backend;
  await handlers['county.settings.save']({ name: '某某县', townshipDeadline: '2-10', inbox: '' });
  const roster = await handlers['county.roster.import']({ file: file('名单.csv', new TextEncoder().encode(rosterCsv())) });
  expect(roster).toEqual({ added: 12, updated: 0, problems: [] });
  const outcomes = await handlers['county.collect']({ year: YEAR, files: arrivals().map((a) => file(a.name, a.bytes)) });
  return { ...backend, outcomes };
}

describe('the county workspace, over the services', () => {
  it('collects packages and a published page, refuses a changed package, and takes a paper copy', async () => {
    const { handlers, store, outcomes } = await county();
    expect(outcomes.every((o) => o.ok), JSON.stringify(outcomes.filter((o) => !o.ok))).toBe(true);
    expect(outcomes.find((o) => o.unitName === PUBLISHED_PAGE)!.message).toContain('已公布的报告');

    // a package changed after sealing: refused, saying so
    const pkg = arrivals()[1]!;
    const changed = new Uint8Array(pkg.bytes);
    changed[changed.length - 200] = changed[changed.length - 200]! ^ 1;
    const [refused] = await handlers['county.collect']({ year: YEAR, files: [file(pkg.name, changed)] });
    expect(refused!.ok).toBe(false);
    expect(refused!.message).toMatch(/改动|读不/);

    const units = await handlers['county.units']({});
    const paper = units.find((u) => u.name === PAPER)!;
    const entered = Object.fromEntries(Object.entries(reportOf(PAPER).cells).filter(([id]) => !/total|r3_7/.test(id)));
    const paperOutcome = await handlers['county.paper']({ unitId: paper.id, year: YEAR, cells: entered, receivedOn: '2025-01-25' });
    expect(paperOutcome.ok).toBe(true);

    const board = await handlers['county.board']({ year: YEAR });
    const state = (name: string) => board.rows.find((r) => r.unit.name === name)!.stateLabel;
    expect(state(MISSING)).toBe('未收到');
    expect(state(WITH_ERRORS)).toBe('有错误');
    expect(state(PAPER)).toBe('已定稿');
    expect(state(PUBLISHED_PAGE)).toBe('已定稿');
    expect(state(COPIER)).toBe('已收到草稿');
    expect(board.counts).toMatchObject({ missing: 1, errors: 1 });
    // deadlines: departments 1-31 by statute, townships the county's own 2-10
    expect(board.rows.find((r) => r.unit.level === 'department')!.deadline).toBe('2025-01-31');
    expect(board.rows.find((r) => r.unit.level === 'township')!.deadline).toBe('2025-02-10');

    // publication recorded: on-time rate over the units that must report
    const row = (name: string) => board.rows.find((r) => r.unit.name === name)!;
    await handlers['county.published']({ collectedId: row(PUBLISHED_PAGE).collectedId!, publishedOn: '2025-01-20', publishedUrl: 'http://zrzy.example.gov.cn/nb.html' });
    await handlers['county.published']({ collectedId: row(COPIED).collectedId!, publishedOn: '2025-02-20', publishedUrl: '' });
    const after = await handlers['county.board']({ year: YEAR });
    expect(after.rows.find((r) => r.unit.name === PUBLISHED_PAGE)).toMatchObject({ stateLabel: '已公布', onTime: true });
    expect(after.rows.find((r) => r.unit.name === COPIED)).toMatchObject({ stateLabel: '已公布', onTime: false });
    expect(after.onTime).toEqual({ onTime: 1, of: 12, rate: 1 / 12 });

    // a collected report opens read-only, as collected
    const opened = await handlers['county.open']({ collectedId: row(COPIER).collectedId! });
    expect(opened.readOnly).toBe(true);
    expect(opened.data.sections.s1).toBe(reportOf(COPIED).sections.s1);
    // and is not one of the office's own reports
    expect(await handlers['agency.list']({})).toEqual([]);
    store.close();
  });

  it('checks across units: the copied text with its passages, the parent not equal to its units', async () => {
    const { handlers, store } = await county();
    const checks = await handlers['county.checks']({ year: YEAR });
    const copies = checks.copies.filter((c) => c.section === 's1');
    expect(copies).toHaveLength(1);
    expect(new Set([copies[0]!.aName, copies[0]!.bName])).toEqual(new Set([COPIER, COPIED]));
    expect(copies[0]!.share).toBeGreaterThan(0.9);
    expect(copies[0]!.passages[0]!.a).toBe(copies[0]!.passages[0]!.b);
    const parent = checks.findings.filter((f) => f.kind === 'parent-sum');
    expect(parent).toHaveLength(1);
    expect(parent[0]!.severity).toBe('warning');
    expect(parent[0]!.message).toContain(MISSING);
    store.close();
  });

  it('rolls up: every cell the sum of the units, the parts adding to the total, checked by the table rules, with rates', async () => {
    const { handlers, store } = await county();
    const r = await handlers['county.rollup']({ year: YEAR });
    expect(r.included).toHaveLength(10);
    expect(r.missing).toEqual([MISSING, PAPER].sort((a, b) => new Intl.Collator('zh-CN').compare(a, b)));
    const names = new Set(r.included.map((u) => u.name));
    const expected = (id: string) => COUNTY_UNITS.filter((u) => names.has(u.name)).reduce((s, u) => s + (shownCells(reportOf(u.name))[id] ?? 0), 0);
    for (const id of ['t3.r1.np', 't3.r1.total', 't4.rev.total', 't2.fee.amount']) expect(r.report.cells[id], id).toBe(expected(id));
    for (const id of Object.keys(r.report.cells)) expect((r.splits.own[id] ?? 0) + (r.splits.dept[id] ?? 0) + (r.splits.town[id] ?? 0), id).toBe(r.report.cells[id]);
    // the unit's 总计 that does not add up shows in the roll-up's own checks
    expect(r.findings.some((f) => f.severity === 'error' && f.cells.includes('t3.r1.total'))).toBe(true);
    const open = r.rates.find((x) => x.id === 'open-rate')!;
    expect(open.formula).toContain('予以公开');
    expect(open.ratio).toBeCloseTo((r.report.cells['t3.r3_1.total']! + r.report.cells['t3.r3_2.total']!) / r.report.cells['t3.r3_7.total']!);

    const xlsx = await handlers['county.export']({ year: YEAR, what: 'rollup-xlsx' });
    expect(xlsx).toMatchObject({ kind: 'download' });
    const docx = await handlers['county.export']({ year: YEAR, what: 'rollup-docx' });
    expect(docx.kind === 'download' && docx.fileName).toContain('全县汇总');
    const note = await handlers['county.export']({ year: YEAR, what: 'note-docx' });
    expect(note.kind === 'download' && note.fileName).toContain('公布情况');
    const issues = await handlers['county.export']({ year: YEAR, what: 'issues-xlsx' });
    expect(issues.kind === 'download' && issues.size).toBeGreaterThan(1000);
    store.close();
  });

  it('sends a report back with remarks; the unit sees them, answers, and its next package brings the answers back', async () => {
    const { handlers: countyApi, store: countyStore } = await county();
    // the unit's own app: its report of the year
    const unit = testBackend();
    const agency = await unit.handlers['agency.create']({ agency: { ...SAMPLE_AGENCY, name: '某某县东岭镇人民政府' } });
    const summary = await unit.handlers['report.create']({ agencyId: agency.id, year: YEAR });
    await unit.handlers['cells.set']({ reportId: summary.id, changes: [{ cellId: 't3.r1.np', value: 5 }] });
    const sent = await unit.handlers['package.export']({ reportId: summary.id });
    const [collected] = await countyApi['county.collect']({ year: YEAR, files: [file('东岭镇.nianbao', bytesOf(sent.delivery as never))] });
    expect(collected!.message).toContain('替换了之前收到的版本');

    const board = await countyApi['county.board']({ year: YEAR });
    const row = board.rows.find((r) => r.unit.name === '某某县东岭镇人民政府')!;
    const back = await countyApi['county.sendBack']({
      collectedId: row.collectedId!,
      author: '县政务公开办',
      remarks: [
        { target: { kind: 'cell', cellId: 't3.r1.np' }, text: '自然人申请数与登记台账不一致，请核对' },
        { target: { kind: 'section', key: 's5' }, text: '存在的问题写得太笼统' },
      ],
    });
    expect(back.remarks).toBe(2);
    expect((await countyApi['county.board']({ year: YEAR })).rows.find((r) => r.unit.id === row.unit.id)!.stateLabel).toBe('已退回');

    // the unit opens the review package on its report: the remarks are there, at their cell and section
    const review = await unit.handlers['review.open']({ reportId: summary.id, file: file('退回意见.nianbao', bytesOf(back.delivery as never)) });
    expect(review.thread.items.map((c) => c.target)).toEqual([{ kind: 'cell', cellId: 't3.r1.np' }, { kind: 'section', key: 's5' }]);
    expect((await unit.handlers['report.open']({ reportId: summary.id })).review!.thread.items).toHaveLength(2);
    // a review for another report is refused
    const other = await unit.handlers['report.create']({ agencyId: agency.id, year: 2023 });
    const wrong = await dispatch(unit.handlers, 'review.open', { reportId: other.id, file: file('退回意见.nianbao', bytesOf(back.delivery as never)) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'refused' } });

    const [c1, c2] = review.thread.items;
    await unit.handlers['cells.set']({ reportId: summary.id, changes: [{ cellId: 't3.r1.np', value: 6 }] });
    await unit.handlers['review.answer']({ reportId: summary.id, commentId: c1!.id, text: '已按台账改为 6 件', author: '王敏' });
    await unit.handlers['review.answer']({ reportId: summary.id, commentId: c2!.id, text: '已补充具体问题', author: '王敏' });
    const answered = await unit.handlers['package.export']({ reportId: summary.id });
    const opened = openPackage(bytesOf(answered.delivery as never));
    expect(opened.status).toBe('intact');
    if (opened.status === 'intact') {
      expect(opened.manifest.inReplyTo?.purpose).toBe('review');
      expect(opened.manifest.comments).toMatchObject({ total: 4, open: 0 });
    }

    // back at the county: the answers are filed with the report, which is no longer 「已退回」
    const [again] = await countyApi['county.collect']({ year: YEAR, files: [file('东岭镇-改.nianbao', bytesOf(answered.delivery as never))] });
    expect(again!.answers).toBe(2);
    const after = (await countyApi['county.board']({ year: YEAR })).rows.find((r) => r.unit.id === row.unit.id)!;
    expect(after.state).not.toBe('returned');
    expect(after.remarks).toEqual({ total: 2, answered: 2, open: 0 });
    const thread = await countyApi['county.resolve']({ collectedId: after.collectedId!, commentId: c1!.id });
    expect(thread.items.find((c) => c.id === c1!.id)!.resolved).toBe(true);
    unit.store.close();
    countyStore.close();
  });
});
