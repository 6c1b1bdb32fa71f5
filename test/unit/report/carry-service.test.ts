import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

async function twoYears() {
  const backend = testBackend();
  const { handlers } = backend;
  const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const last = await handlers['report.create']({ agencyId: agency.id, year: 2023 });
  await handlers['cells.set']({
    reportId: last.id,
    changes: [
      { cellId: 't3.r4.np', value: 3 },
      { cellId: 't3.r4.biz', value: 1 },
      { cellId: 't2.norm.valid', value: 12 },
    ],
  });
  await handlers['section.set']({ reportId: last.id, key: 's1', text: '2023年，我镇共收到申请5件。' });
  return { ...backend, agency, last };
}

describe('carry forward through the services', () => {
  it('previews, then creates 2024 from 2023 with 上年结转 filled and the text carried as a draft', async () => {
    const { handlers, store, agency } = await twoYears();
    const preview = await handlers['report.carryPreview']({ agencyId: agency.id, year: 2024 });
    expect(preview).toMatchObject({ available: true, fromYear: 2023, cells: { 't3.r2.np': 3, 't3.r2.biz': 1 }, base: { 't2.norm.valid': 12 } });

    const created = await handlers['report.create']({ agencyId: agency.id, year: 2024, carry: true });
    const opened = await handlers['report.open']({ reportId: created.id });
    expect(opened.data.cells['t3.r2.np']).toBe(3);
    expect(opened.data.cells['t3.r2.total']).toBe(4);
    expect(opened.data.sections.s1).toBe('2023年，我镇共收到申请5件。');
    expect(opened.data.carry?.pending.s1).toEqual(['2023年', '5件']);
    expect(opened.previous?.data.year).toBe(2023);
    expect(opened.previous?.madeInApp).toBe(true);

    await handlers['carry.confirm']({ reportId: created.id, key: 's1', mention: '5件' });
    expect((await handlers['report.open']({ reportId: created.id })).data.carry?.pending.s1).toEqual(['2023年']);
    store.close();
  });

  it('a hand-changed carried value keeps its reason as the cell note', async () => {
    const { handlers, store, agency } = await twoYears();
    const created = await handlers['report.create']({ agencyId: agency.id, year: 2024, carry: true });
    await handlers['cells.set']({ reportId: created.id, changes: [{ cellId: 't3.r2.np', value: 2 }] });
    await handlers['cell.note']({ reportId: created.id, cellId: 't3.r2.np', note: '1 件申请人已撤回' });
    const opened = await handlers['report.open']({ reportId: created.id });
    expect(opened.data.cells['t3.r2.np']).toBe(2);
    expect(opened.data.notes['t3.r2.np']).toBe('1 件申请人已撤回');
    // clearing the value keeps the note; clearing the note too removes the row
    await handlers['cells.set']({ reportId: created.id, changes: [{ cellId: 't3.r2.np', value: null }] });
    expect((await handlers['report.open']({ reportId: created.id })).data.notes['t3.r2.np']).toBe('1 件申请人已撤回');
    await handlers['cell.note']({ reportId: created.id, cellId: 't3.r2.np', note: '' });
    const after = await handlers['report.open']({ reportId: created.id });
    expect(after.data.notes['t3.r2.np']).toBeUndefined();
    expect(after.data.cells['t3.r2.np']).toBeUndefined();
    store.close();
  });

  it('without last year in the store, figures typed in by hand make the carry work (marked as not made in the app)', async () => {
    const { handlers, store } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    expect((await handlers['report.carryPreview']({ agencyId: agency.id, year: 2024 })).available).toBe(false);
    const refused = await dispatch(handlers, 'report.create', { agencyId: agency.id, year: 2024, carry: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const created = await handlers['report.create']({
      agencyId: agency.id,
      year: 2024,
      lastYearFigures: { 't3.r4.np': 2, 't3.r4.total': 2, 't2.norm.valid': 7 },
    });
    const opened = await handlers['report.open']({ reportId: created.id });
    expect(opened.data.cells['t3.r2.np']).toBe(2);
    expect(opened.data.carry?.base['t2.norm.valid']).toBe(7);
    expect(opened.previous?.madeInApp).toBe(false);
    const years = (await handlers['report.list']({ agencyId: agency.id })).map((r) => [r.year, r.origin, r.manual]);
    // the figures typed in are said to be just that (issue 12), not an imported report to finish
    expect(years).toEqual([
      [2024, 'app', undefined],
      [2023, 'imported', true],
    ]);

    const stray = await dispatch(handlers, 'report.create', { agencyId: agency.id, year: 2026, lastYearFigures: { 't3.r1.np': 1 } });
    expect(stray).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    store.close();
  });
});

describe('a signed report is frozen for notes and carry confirmations too', () => {
  it('refuses cell.note and carry.confirm once signed', async () => {
    const { handlers, store, agency } = await twoYears();
    const created = await handlers['report.create']({ agencyId: agency.id, year: 2024, carry: true });
    store.opened.db.prepare("UPDATE reports SET state = 'signed' WHERE id = ?").run(created.id);
    expect(await dispatch(handlers, 'cell.note', { reportId: created.id, cellId: 't3.r2.np', note: 'x' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await dispatch(handlers, 'carry.confirm', { reportId: created.id, key: 's1', mention: '5件' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    store.close();
  });
});
