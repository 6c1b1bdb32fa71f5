import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { buildDocument, renderPrintHtml, snapshotReport } from '../../../core/document/index.js';
import { getFormat } from '../../../core/format/index.js';
import { importBytes } from '../../../core/import/index.js';
import { comparable, compareParagraphs } from '../../../core/report/published.js';
import { PROSE_KEYS, resolveTokens, withTotals, type ReportData } from '../../../core/report/index.js';
import { renderDocx } from '../../../electron/export/docx.js';
import { findChromium, renderDocumentPdf } from '../../../electron/export/pdf.js';
import { loadReport } from '../../../electron/services/reports.js';
import { buildPackage } from '../../../core/package/index.js';
import { comparisonLines } from '../../../electron/cli/compare-command.js';
import { checkPublished } from '../../../electron/services/compare.js';
import { runCli } from '../cli/run-cli.js';
import { tmpDir } from '../helpers/tmp.js';
import { SIGNOFF, signableReport } from '../signoff/setup.js';

/** A signed 2024 report, and the report its signed version holds. */
async function signed() {
  const backend = await signableReport();
  const sign = await backend.handlers['report.sign']({ reportId: backend.reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
  const version = backend.store.versions.get(backend.reportId, sign.signed.versionId)!;
  const report = snapshotReport(version.snapshot, loadReport(backend.store, backend.reportId).data.agency);
  return { ...backend, report, signed: sign.signed };
}

/** The report as a website would publish it: the app's print view of it (what clerks paste into the CMS). */
const pageOf = (report: ReportData) => renderPrintHtml(buildDocument(report, { draft: false }), { fontBaseUrl: '/' });
const fileSource = (name: string, bytes: Uint8Array | string) => {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { kind: 'file' as const, name, size: buffer.length, base64: buffer.toString('base64') };
};

/** The report with one figure changed by `by`; totals follow, as they would on a page made from it. */
function withCell(report: ReportData, cellId: string, by: number): ReportData {
  const own = Object.fromEntries(Object.entries(report.cells).filter(([id]) => !getFormat('2021').cells.find((c) => c.id === id)?.sumOf));
  own[cellId] = (own[cellId] ?? 0) + by;
  return { ...report, cells: withTotals('2021', own) };
}

describe('「核对网上公布版」 through the services', () => {
  it('the signed version published as it is (web page, Word): the same, figure for figure and paragraph for paragraph', async () => {
    const { handlers, reportId, report, store, signed: version } = await signed();
    const html = await handlers['published.compare']({ reportId, source: fileSource('公布.html', pageOf(report)) });
    expect(html.signed.label).toBe(version.label);
    expect(html.comparison).toMatchObject({ same: true, cells: [], sections: [], header: [], uncertain: [] });
    const docx = await renderDocx(buildDocument(report, { draft: false }));
    const word = await handlers['published.compare']({ reportId, source: fileSource('公布.docx', docx) });
    expect(word.comparison.same).toBe(true);
    store.close();
  });

  it('each figure changed in turn: exactly that figure and the totals it feeds are listed, with both values', async () => {
    const { handlers, reportId, report, store } = await signed();
    const inputs = getFormat('2021').cells.filter((c) => !c.sumOf);
    // every fifth input cell of the three tables: 表二, 表三 and 表四, counts and money
    const sample = inputs.filter((_, i) => i % 5 === 0);
    expect(sample.some((c) => c.table === 't2') && sample.some((c) => c.table === 't3') && sample.some((c) => c.table === 't4')).toBe(true);
    for (const def of sample) {
      const published = withCell(report, def.id, def.kind === 'money' ? 1_000_000 : 7);
      const expected = Object.keys(published.cells).filter((id) => published.cells[id] !== report.cells[id]);
      const result = await handlers['published.compare']({ reportId, source: fileSource('公布.html', pageOf(published)) });
      const listed = [...result.comparison.cells, ...result.comparison.uncertain].map((c) => c.cellId);
      expect(listed.sort(), def.id).toEqual(expected.sort());
      const own = result.comparison.cells.find((c) => c.cellId === def.id)!;
      expect(own.signed, def.id).not.toBe(own.published);
      // the text quotes figures through tokens: a part whose quoted figures changed differs too, no other
      const quoting = PROSE_KEYS.filter((k) => resolveTokens(report.sections[k] ?? '', '2021', report.cells) !== resolveTokens(published.sections[k] ?? '', '2021', published.cells));
      expect(result.comparison.sections.map((s) => s.key), def.id).toEqual(quoting);
    }
    store.close();
  }, 120_000);

  it('a sentence changed, a paragraph left out, one added: each is the row it should be, nothing else', async () => {
    const { handlers, reportId, report, store } = await signed();
    const s1 = report.sections.s1!.split('\n');
    const edited: ReportData = {
      ...report,
      sections: {
        ...report.sections,
        s1: [...s1.slice(0, 2), s1[2]!.replace('及时更新', '不定期更新'), ...s1.slice(3)].join('\n'),
        s5: report.sections.s5!.split('\n').filter((line) => !line.includes('信息更新还不够及时')).join('\n'),
        s6: `${report.sections.s6}\n本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。`,
      },
    };
    const { comparison } = await handlers['published.compare']({ reportId, source: fileSource('公布.html', pageOf(edited)) });
    expect(comparison.cells).toEqual([]);
    const changed = (key: string) => comparison.sections.find((s) => s.key === key)!.rows.filter((r) => r.kind !== 'equal');
    expect(comparison.sections.map((s) => s.key)).toEqual(['s1', 's5', 's6']);
    const [edit] = changed('s1');
    expect(edit).toMatchObject({ kind: 'changed' });
    if (edit?.kind === 'changed') {
      expect(edit.signed.filter((s) => s.kind === 'delete').map((s) => s.text).join('')).toBe('及时');
      expect(edit.published.filter((s) => s.kind === 'insert').map((s) => s.text).join('')).toBe('不定期');
    }
    expect(changed('s5')).toEqual([{ kind: 'signed-only', text: '信息更新还不够及时。' }]);
    expect(changed('s6')).toEqual([{ kind: 'published-only', text: '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。' }]);
    store.close();
  });

  it('another agency or year published: said first', async () => {
    const { handlers, reportId, report, store } = await signed();
    const other = { ...report, year: 2023, agency: { ...report.agency, name: '某某县白沙镇人民政府' } };
    const { comparison } = await handlers['published.compare']({ reportId, source: fileSource('公布.html', pageOf(other)) });
    expect(comparison.header.map((h) => h.field)).toEqual(['机关名称', '报告年度']);
    expect(comparison.same).toBe(false);
    store.close();
  });

  it('a report not yet signed, or a file that cannot be read: refused with why', async () => {
    const { handlers, reportId, store } = await signableReport();
    const unsigned = await dispatch(handlers, 'published.compare', { reportId, source: fileSource('a.html', '<p>x</p>') });
    expect(unsigned).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('还没有定稿') } });
    store.close();
    const s = await signed();
    const picture = await dispatch(s.handlers, 'published.compare', { reportId: s.reportId, source: fileSource('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])) });
    expect(picture).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('公布的版本读不出来') } });
    s.store.close();
  });

  it.skipIf(!findChromium())('the signed version published as PDF: the same (once the importer reads PDF)', async (ctx) => {
    // the importer reads PDF from issue 10 on; before that it refuses any PDF by its first bytes, and so does this check
    const probe = importBytes(new TextEncoder().encode('%PDF-1.7\n%\n'), '公布.pdf');
    if (!probe.ok && /暂不能直接读取/.test(probe.message)) return ctx.skip('the importer does not read PDF yet (issue 10)');
    const { handlers, reportId, report, store } = await signed();
    const pdf = await renderDocumentPdf(buildDocument(report, { draft: false }));
    const result = await handlers['published.compare']({ reportId, source: fileSource('公布.pdf', pdf) });
    expect(result.comparison.cells).toEqual([]);
    expect(result.comparison.same).toBe(true);
    store.close();
  });
});

describe('paragraphs as compared', () => {
  it('spaces, line breaks and the width of digits and letters are not differences; a changed character is', () => {
    expect(comparable('２０２４年， 全 年\t收到')).toBe(comparable('2024年,全年收到'));
    expect(compareParagraphs('第一段。\n第二段。', '第一段。\n\n  第二段。 ')).toBeUndefined();
    // a paragraph the web editor broke in two is the same text
    expect(compareParagraphs('我镇收到申请5件，均按时答复。', '我镇收到申请5件，\n均按时答复。')).toBeUndefined();
    expect(compareParagraphs('收到申请5件。', '收到申请6件。')).toEqual([
      { kind: 'changed', signed: [{ kind: 'equal', text: '收到申请' }, { kind: 'delete', text: '5' }, { kind: 'equal', text: '件。' }], published: [{ kind: 'equal', text: '收到申请' }, { kind: 'insert', text: '6' }, { kind: 'equal', text: '件。' }] },
    ]);
  });
});

describe('nianbao compare SIGNED PUBLISHED', () => {
  it('0 when the same, 1 listing cell id, label and both values, 2 when a file cannot be read; from a package or the store', async () => {
    const { report, store, dataDir, signed: version } = await signed();
    const dir = tmpDir();
    const same = path.join(dir, '公布-一致.html');
    fs.writeFileSync(same, pageOf(report));
    const changed = path.join(dir, '公布-改过.html');
    const published = withCell(report, 't3.r1.np', 1);
    fs.writeFileSync(changed, pageOf(published));
    // the signed version sealed as the county receives it (the formal copies left out: not needed here)
    const pkg = path.join(dir, '清河镇.nianbao');
    const built = buildPackage({
      report,
      state: 'signed',
      signed: { version: version.label, signedAt: version.createdAt, fingerprint: version.fingerprint },
      generator: { app: '年报助手', version: 'test' },
      createdAt: version.createdAt,
    });
    fs.writeFileSync(pkg, built.bytes);

    const fromPackage = runCli(['compare', pkg, same]);
    expect(fromPackage.code, fromPackage.stderr).toBe(0);
    expect(fromPackage.stdout).toContain(`报送包里的第1版定稿（校验码 ${version.short}）`);
    expect(fromPackage.stdout).toContain('完全一致');

    const different = runCli(['compare', '--agency', '某某县清河镇人民政府', '--year', '2024', '--data-dir', dataDir, changed, '--json']);
    expect(different.code, different.stderr).toBe(1);
    const json = JSON.parse(different.stdout);
    expect(json.same).toBe(false);
    const expected = Object.keys(published.cells).filter((id) => published.cells[id] !== report.cells[id]);
    expect(expected).toContain('t3.r1.np');
    expect(json.comparison.cells.map((c: { cellId: string }) => c.cellId).sort()).toEqual(expected.sort());

    const missing = runCli(['compare', pkg, path.join(dir, 'nope.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
    store.close();
  }, 120_000);

  it('the lines it prints: cell id, label and both values; changed characters in 【】', async () => {
    const { report, store } = await signed();
    const read = importBytes(new TextEncoder().encode(pageOf(withCell(report, 't3.r1.np', 1))), '公布.html');
    if (!read.ok) throw new Error(read.message);
    const lines = comparisonLines(checkPublished(report, read));
    expect(lines).toContain('  t3.r1.np  表三「一、本年新收政府信息公开申请数量」·自然人：定稿 5，公布 6');
    expect(lines.some((l) => l.includes('定稿：本年度，我镇收到政府信息公开申请【5】件'))).toBe(true);
    expect(lines.some((l) => l.includes('公布：本年度，我镇收到政府信息公开申请【6】件'))).toBe(true);
    store.close();
  });
});
