import { describe, expect, it, vi } from 'vitest';
import { METHODS, apiSchemas, dispatch, type Handlers } from '../../../core/api.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';
import { VALID } from './examples.js';

function spies(): Handlers {
  return Object.fromEntries(METHODS.map((m) => [m, vi.fn(() => 'called')])) as unknown as Handlers;
}

describe('the contract', () => {
  it('has a valid example for every method (keeps this test complete)', () => {
    expect(Object.keys(VALID).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(apiSchemas[m].safeParse(VALID[m]).success, m).toBe(true);
  });

  it.each(METHODS)('%s: extra, missing and wrongly typed arguments are refused before the service', async (method) => {
    const handlers = spies();
    const valid = VALID[method];
    const malformed: unknown[] = [{ ...valid, unexpected: 1 }, 'a string', 42, [valid]];
    for (const key of Object.keys(valid)) {
      const { [key]: _dropped, ...missing } = valid;
      malformed.push(missing);
      malformed.push({ ...valid, [key]: { wrong: 'type' } });
    }
    for (const args of malformed) {
      const result = await dispatch(handlers, method, args);
      expect(result.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_args');
        expect(result.error.message).toMatch(/^请求参数不正确/);
      }
    }
    expect(handlers[method]).not.toHaveBeenCalled();
    const ok = await dispatch(handlers, method, valid);
    expect(ok).toEqual({ ok: true, value: 'called' });
  });

  it('an unknown method is refused', async () => {
    const result = await dispatch(spies(), 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect((await dispatch(spies(), '__proto__', {})).ok).toBe(false);
  });

  it('a service failure comes back as the envelope with a Chinese message', async () => {
    const handlers = spies();
    (handlers['agency.list'] as unknown as ReturnType<typeof vi.fn>).mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    const result = await dispatch(handlers, 'agency.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain('已保存的内容不受影响');
  });
});

describe('services', () => {
  it('a second report for the same agency and year is refused, naming the existing one', async () => {
    const { handlers, store } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    const first = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
    const second = await dispatch(handlers, 'report.create', { agencyId: agency.id, year: 2024 });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!second.ok) expect(second.error.message).toContain(`${SAMPLE_AGENCY.name}」的 2024 年报告已经有了（编号 ${first.id}）`);
    store.close();
  });

  it('picks the format from the year (F-1)', async () => {
    const { handlers, store } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    expect((await handlers['report.create']({ agencyId: agency.id, year: 2020 })).format).toBe('2019');
    expect((await handlers['report.create']({ agencyId: agency.id, year: 2021 })).format).toBe('2021');
    expect((await handlers['report.create']({ agencyId: agency.id, year: 2017 })).format).toBe('free');
    store.close();
  });

  it('refuses agency forms with bad postcode, phone or e-mail', async () => {
    const { handlers, store } = testBackend();
    for (const contact of [{ postcode: '12345' }, { phone: 'abc' }, { email: 'x@' }]) {
      const agency = { ...SAMPLE_AGENCY, contact: { ...SAMPLE_AGENCY.contact, ...contact } };
      expect((await dispatch(handlers, 'agency.create', { agency })).ok).toBe(false);
    }
    expect((await dispatch(handlers, 'agency.create', { agency: { ...SAMPLE_AGENCY, name: '  ' } })).ok).toBe(false);
    expect(await handlers['agency.list']({})).toEqual([]);
    store.close();
  });

  it('refuses cells the format does not have, computed totals and negative counts', async () => {
    const { handlers, store } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
    const attempt = (cellId: string, value: number) => dispatch(handlers, 'cells.set', { reportId: report.id, changes: [{ cellId, value }] });
    expect(await attempt('t3.r3_6.np', 1)).toMatchObject({ ok: false, error: { code: 'invalid_args' } }); // 2019-only row
    expect(await attempt('t3.r1.total', 1)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await attempt('t3.r1.np', -1)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect((await handlers['report.open']({ reportId: report.id })).data.cells).toEqual({});
    store.close();
  });
});
