import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { buildPackage } from '../../../core/package/index.js';
import { serializeReportFile } from '../../../core/report/index.js';
import { COUNTY_UNITS, unitReport } from '../../fixtures/county/units.js';
import { arrivals, GENERATOR, YEAR } from '../../fixtures/county/county.js';
import { testBackend } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';

const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, base64: Buffer.from(bytes).toString('base64') });

describe('how units and reports come into the workspace', () => {
  it('a roster from an Excel workbook: headings in any order, a parent listed after its unit, rows it cannot take named', async () => {
    const { handlers, store } = testBackend();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('名单');
    ws.addRow(['某某县所属单位名单']);
    ws.addRow(['序号', '是否应报', '单位名称', '上级单位', '类型']);
    ws.addRow([1, '是', '某某县东岭镇人民政府', '某某县人民政府', '乡镇']);
    ws.addRow([2, '否', '某某县城投公司', '某某县人民政府', '']);
    ws.addRow([3, '是', '某某县人民政府', '', '县级人民政府']);
    ws.addRow([4, '是', '某某县教育局', '某某市人民政府', '']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const r = await handlers['county.roster.import']({ file: file('名单.xlsx', bytes) });
    expect(r.added).toBe(3);
    expect(r.problems).toEqual([expect.stringContaining('某某县城投公司'), expect.stringContaining('某某市人民政府')]);
    const units = await handlers['county.units']({});
    const gov = units.find((u) => u.name === '某某县人民政府')!;
    expect(units.find((u) => u.name === '某某县东岭镇人民政府')).toMatchObject({ level: 'township', parentId: gov.id, mustReport: true });
    expect(units.find((u) => u.name === '某某县教育局')).toMatchObject({ level: 'department' });
    // a roster without a name column is refused, saying what it needs
    const bad = await dispatch(handlers, 'county.roster.import', { file: file('x.csv', new TextEncoder().encode('a,b\n1,2')) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!bad.ok) expect(bad.error.message).toContain('单位名称');
    store.close();
  });

  it('a unit the roster lacks is learnt from its package (name, level, code and parent)', async () => {
    const { handlers, store } = testBackend();
    await handlers['county.unit.save']({ unit: { name: '某某县人民政府', level: 'county', code: '', mustReport: true, contact: '' } });
    const report = unitReport({ name: '某某县新设街道办事处', level: 'street', seed: 77 }, YEAR);
    const built = buildPackage({ report, state: 'draft', unit: { code: '11430000MB9999999X', parent: '某某县人民政府' }, generator: GENERATOR, createdAt: '2025-01-15T02:00:00.000Z' });
    const [o] = await handlers['county.collect']({ year: YEAR, files: [file(built.fileName, built.bytes)] });
    expect(o).toMatchObject({ ok: true, learned: true, unitName: '某某县新设街道办事处' });
    const learnt = (await handlers['county.units']({})).find((u) => u.name === '某某县新设街道办事处')!;
    expect(learnt).toMatchObject({ level: 'street', code: '11430000MB9999999X' });
    expect(learnt.parentId).toBeDefined();
    store.close();
  });

  it('the inbox folder is read on demand; what was read before does not change; a folder that is gone is named', async () => {
    const { handlers, store } = testBackend();
    const inbox = tmpDir();
    for (const a of arrivals().slice(0, 3)) fs.writeFileSync(path.join(inbox, a.name), a.bytes);
    fs.mkdirSync(path.join(inbox, '二月'));
    fs.writeFileSync(path.join(inbox, '二月', 'x.nianbao.json'), serializeReportFile(unitReport(COUNTY_UNITS[5]!, YEAR)));
    fs.writeFileSync(path.join(inbox, '照片.jpg'), 'not read');
    await handlers['county.settings.save']({ name: '某某县', townshipDeadline: '1-31', inbox });
    const first = await handlers['county.inbox']({ year: YEAR });
    expect(first.outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
    const again = await handlers['county.inbox']({ year: YEAR });
    expect(again.outcomes.every((o) => o.message.includes('已经收过'))).toBe(true);
    await handlers['county.settings.save']({ name: '某某县', townshipDeadline: '1-31', inbox: path.join(inbox, '不存在') });
    const gone = await dispatch(handlers, 'county.inbox', { year: YEAR });
    expect(gone).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!gone.ok) expect(gone.error.message).toContain('不存在');
    store.close();
  });
});
