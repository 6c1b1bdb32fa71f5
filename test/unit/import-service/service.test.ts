import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dispatch, IMPORT_SEND, type Envelope, type ImportConfirmed, type ImportParsed, type Method } from '../../../core/api.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';
import { docxParagraph, documentXml, makeDocx, noise } from '../import/render.js';
import { confirmArgs, fileSource, SHAPE_003 } from './sources.js';

/**
 * The import service (issue 7): parse stores nothing; confirm stores the corrected report as that
 * year's report of an agency, figures as published; duplicates are refused until the clerk says
 * replace; bad inputs come back as the importer's sentence, in bounded time, with nothing stored.
 */

const BUDGET_MS = 5000;

async function setup() {
  const backend = testBackend();
  const agency = await backend.handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const call = async <T>(method: Method, args: unknown): Promise<Envelope<T>> => (await dispatch(backend.handlers, method, args)) as Envelope<T>;
  const counts = () =>
    backend.store.opened.db
      .prepare<[], { reports: number; agencies: number; cells: number }>(
        'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM agencies) AS agencies, (SELECT count(*) FROM cells) AS cells',
      )
      .get()!;
  return { ...backend, agency, call, counts };
}

async function parsed(call: Awaited<ReturnType<typeof setup>>['call'], source: unknown): Promise<ImportParsed> {
  const out = await call<ImportParsed>('import.parse', { source });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

describe('import.parse', () => {
  it('reads pasted text: figures as published, warnings, detected facts, the rules — and stores nothing', async () => {
    const { call, counts, store } = await setup();
    const before = counts();
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    expect(out.report.origin).toBe('imported');
    expect(out.detected).toEqual({ format: '2021', year: 2023, agencyName: '云溪市人民政府', level: 'county' });
    expect(out.report.cells['t3.r4.np']).toBe(22);
    expect(out.report.cells['t3.r1.total']).toBe(224);
    expect(out.warnings.join('\n')).toMatch(/繁体/);
    expect(out.uncertain).toEqual([]);
    expect(out.normalizedText).toContain('云溪市人民政府2023年政府信息公开工作年度报告');
    expect(out.findings.length).toBeGreaterThan(0);
    expect(out.findings.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
    expect(counts()).toEqual(before);
    store.close();
  });

  it('the same report from a file\'s bytes (with its name) reads the same', async () => {
    const { call, store } = await setup();
    const fromText = await parsed(call, { kind: 'text', text: SHAPE_003 });
    const fromFile = await parsed(call, fileSource(strToU8(SHAPE_003), '云溪市2023年报.txt'));
    expect(fromFile.report.cells).toEqual(fromText.report.cells);
    expect(fromFile.report.sections).toEqual(fromText.report.sections);
    store.close();
  });

  it('a paste with the clipboard\'s HTML reads the tables from the HTML', async () => {
    const { call, store } = await setup();
    // the text flavour of a copied page can run a table's cells together; the HTML keeps them apart
    const html = `<p>柳溪镇人民政府2023年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>
      <table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr></table>`;
    const text = '柳溪镇人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容本年制发件数本年废止件数现行有效件数\n规章000\n行政规范性文件219';
    const out = await parsed(call, { kind: 'text', text, html });
    expect(out.report.cells).toMatchObject({ 't2.norm.made': 2, 't2.norm.repealed': 1, 't2.norm.valid': 9 });
    store.close();
  });
});

describe('bad inputs: the importer\'s sentence, bounded time, nothing stored', () => {
  const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
  const cases: [string, () => unknown, string][] = [
    ['an empty file', () => fileSource(new Uint8Array(0), '报告.txt'), '空'],
    ['an empty paste', () => ({ kind: 'text', text: '  \n ' }), '没有读到'],
    ['binary garbage', () => fileSource(noise(256 * 1024), '报告.html'), '无法识别'],
    ['a 50 MB file (the window sends its size and first bytes only)', () => fileSource(big, '报告.txt'), '50.0 MB'],
    ['a 50 MB paste (the window sends its length only)', () => ({ kind: 'text', text: '', length: 50 * 1024 * 1024 }), '太长'],
    ['a zip bomb', () => fileSource(bomb, '报告.docx'), '压缩炸弹'],
    ['a .docx that is not a zip', () => fileSource(strToU8('只是改了扩展名的文字'), '报告.docx'), '不是 Word 文件'],
    ['a picture', () => fileSource(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), '表格.png'), '图片'],
    ['a PDF', () => fileSource(strToU8('%PDF-1.7\n1 0 obj'), '年报.pdf'), 'PDF'],
  ];

  it.each(cases)('%s', async (_name, source, word) => {
    const { call, counts, store } = await setup();
    const before = counts();
    // processor time, not the clock: a busy machine stretches the clock, only a hang stretches both
    const t0 = process.cpuUsage();
    const out = await call('import.parse', { source: source() });
    const used = process.cpuUsage(t0);
    expect((used.user + used.system) / 1000).toBeLessThan(BUDGET_MS);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('refused');
      expect(out.error.message).toContain(word);
    }
    expect(counts()).toEqual(before);
    store.close();
  });

  it('a Word file larger than the window can send but under the importer\'s limit says so', async () => {
    const { call, store } = await setup();
    const docx = makeDocx(documentXml(docxParagraph('一、总体情况')));
    const out = await call('import.parse', { source: { kind: 'file', name: '报告.docx', size: 30 * 1024 * 1024, base64: Buffer.from(docx.subarray(0, IMPORT_SEND.headBytes)).toString('base64') } });
    expect(out).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('复制全文') } });
    store.close();
  });

  it('a page whose tables are pictures imports with a loud warning and every figure blank', async () => {
    const { call, store } = await setup();
    const page = `<html><body><p>柳溪街道2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作有序开展。</p>
      <p>二、主动公开政府信息情况</p><p><img src="t2.png"></p><p>三、收到和处理政府信息公开申请情况</p><p><img src="t3.png"></p>
      <p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src="t4.png"></p></body></html>`;
    const out = await parsed(call, fileSource(strToU8(page), '年报.html'));
    expect(out.warnings[0]).toMatch(/^【请注意】/);
    expect(out.report.cells).toEqual({});
    expect(out.uncertain.length).toBeGreaterThan(100);
    store.close();
  });
});

describe('import.confirm', () => {
  it('stores the corrected report as that year\'s, marked imported, totals as published, headings kept', async () => {
    const { call, handlers, agency, store } = await setup();
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    // the clerk corrects one figure and leaves the published total as it was
    const report = { ...out.report, cells: { ...out.report.cells, 't3.r1.np': 220 } };
    const done = await call<ImportConfirmed>('import.confirm', confirmArgs(report, { agencyId: agency.id }));
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value).toMatchObject({ replaced: false, agency: { id: agency.id }, summary: { year: 2023, origin: 'imported', format: '2021' } });

    const list = await handlers['report.list']({ agencyId: agency.id });
    expect(list.map((r) => [r.year, r.origin])).toEqual([[2023, 'imported']]);
    const opened = await handlers['report.open']({ reportId: done.value.summary.id });
    expect(opened.data.origin).toBe('imported');
    expect(opened.data.cells).toEqual(report.cells);
    expect(opened.data.cells['t3.r1.total']).toBe(224);
    expect(opened.data.sections).toEqual(out.report.sections);
    expect(opened.data.publishedTitles).toEqual(out.report.publishedTitles);
    expect(opened.data.signoff?.date).toBe('2024-02-05');
    // the agency is the clerk's own: the import does not rename it
    expect(opened.agency.name).toBe(SAMPLE_AGENCY.name);
    store.close();
  });

  it('is ready to be carried forward: 2024 starts with 上年结转 from 2023\'s 结转下年度', async () => {
    const { call, handlers, agency, store } = await setup();
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    await call('import.confirm', confirmArgs(out.report, { agencyId: agency.id }));
    const next = await handlers['report.create']({ agencyId: agency.id, year: 2024, carry: true });
    const opened = await handlers['report.open']({ reportId: next.id });
    expect(opened.data.cells['t3.r2.np']).toBe(22);
    expect(opened.data.cells['t3.r2.total']).toBe(out.report.cells['t3.r4.total']);
    expect(opened.previous).toMatchObject({ data: { year: 2023, origin: 'imported' }, madeInApp: false });
    store.close();
  });

  it('refuses a year that already exists until the clerk says replace; never replaces a signed report', async () => {
    const { call, handlers, agency, store, counts } = await setup();
    const existing = await handlers['report.create']({ agencyId: agency.id, year: 2023 });
    await handlers['section.set']({ reportId: existing.id, key: 's1', text: '自己写的初稿' });
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    const before = counts();

    const refused = await call('import.confirm', confirmArgs(out.report, { agencyId: agency.id }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已经有 2023 年的报告了') } });
    expect(counts()).toEqual(before);
    expect((await handlers['report.open']({ reportId: existing.id })).data.sections.s1).toBe('自己写的初稿');

    const replaced = await call<ImportConfirmed>('import.confirm', { ...confirmArgs(out.report, { agencyId: agency.id }), replace: true });
    expect(replaced).toMatchObject({ ok: true, value: { replaced: true, summary: { origin: 'imported' } } });
    const list = await handlers['report.list']({ agencyId: agency.id });
    expect(list).toHaveLength(1);

    store.reports.setState(list[0]!.id, 'signed', '2025-01-10T00:00:00.000Z');
    const signed = await call('import.confirm', { ...confirmArgs(out.report, { agencyId: agency.id }), replace: true });
    expect(signed).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('定稿') } });
    store.close();
  });

  it('can make a new agency from the name and level the report gives, and not twice', async () => {
    const { call, handlers, store, counts } = await setup();
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    const newAgency = { ...SAMPLE_AGENCY, name: out.detected.agencyName, level: out.detected.level! };
    const done = await call<ImportConfirmed>('import.confirm', confirmArgs(out.report, { newAgency }));
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.agency).toMatchObject({ name: '云溪市人民政府', level: 'county' });
    expect((await handlers['agency.list']({})).map((a) => a.name)).toContain('云溪市人民政府');

    const before = counts();
    const again = await call('import.confirm', confirmArgs({ ...out.report, year: 2022 }, { newAgency }));
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已经有「云溪市人民政府」') } });
    expect(counts()).toEqual(before);
    store.close();
  });

  it('a refused duplicate for a new agency leaves no agency behind', async () => {
    const { call, store, counts } = await setup();
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    const before = counts();
    // a cell the format does not have: refused before anything is written
    const bad = await call('import.confirm', confirmArgs({ ...out.report, cells: { ...out.report.cells, 't3.r9.np': 1 } }, { newAgency: { ...SAMPLE_AGENCY, name: '新机关' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(counts()).toEqual(before);
    store.close();
  });

  it('checks the figures like any edit: no negative counts, no tables in a free-form report, a year is required', async () => {
    const { call, agency, store, counts } = await setup();
    const out = await parsed(call, { kind: 'text', text: SHAPE_003 });
    const target = { agencyId: agency.id };
    const before = counts();
    expect(await call('import.confirm', confirmArgs({ ...out.report, cells: { 't3.r1.np': -1 } }, target))).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('不能是负数') } });
    expect(await call('import.confirm', confirmArgs({ ...out.report, format: 'free' }, target))).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('自由格式') } });
    expect(await call('import.confirm', confirmArgs({ ...out.report, year: 0 }, target))).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringContaining('请填写报告年度') } });
    expect(counts()).toEqual(before);
    store.close();
  });

  it('keeps a free-form report\'s sections', async () => {
    const { call, handlers, agency, store } = await setup();
    const out = await parsed(call, fileSource(readFileSync(new URL('../../fixtures/import/shape-004.txt', import.meta.url)), 'shape-004.txt'));
    expect(out.report.format).toBe('free');
    const done = await call<ImportConfirmed>('import.confirm', confirmArgs(out.report, { agencyId: agency.id }));
    if (!done.ok) throw new Error(done.error.message);
    const opened = await handlers['report.open']({ reportId: done.value.summary.id });
    expect(opened.data.format).toBe('free');
    expect(opened.data.sections).toEqual(out.report.sections);
    store.close();
  });
});
