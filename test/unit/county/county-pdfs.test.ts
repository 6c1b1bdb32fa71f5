import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfRenderer, findChromium } from '../../../electron/export/pdf.js';
import { countyHandlers } from '../../../electron/services/county/index.js';
import type { ExportHost } from '../../../electron/services/export.js';
import { arrivals, rosterCsv, YEAR } from '../../fixtures/county/county.js';
import { HAS_POPPLER, pdfText, squash } from '../export/helpers.js';
import { testBackend } from '../helpers/backend.js';

/**
 * The county's PDFs (issue 17): the roll-up and 「各单位报告 PDF」 go through the batch export
 * (services/export.ts exportBatch), with the host's PDF route when it has one; the units' PDFs
 * come as one .zip, and a report that cannot be printed is named in it while the others come.
 */

const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, base64: Buffer.from(bytes).toString('base64') });
const bytesOf = (d: { kind: string; base64?: string }) => new Uint8Array(Buffer.from(d.base64!, 'base64'));
const now = () => '2025-01-10T08:00:00.000Z';

async function collected(host?: ExportHost) {
  const backend = testBackend();
  await backend.handlers['county.settings.save']({ name: '某某县', townshipDeadline: '2-10', inbox: '' });
  await backend.handlers['county.roster.import']({ file: file('名单.csv', new TextEncoder().encode(rosterCsv())) });
  await backend.handlers['county.collect']({ year: YEAR, files: arrivals().map((a) => file(a.name, a.bytes)) });
  const county = countyHandlers(backend.store, { now, generator: { app: '年报助手', version: 'test' }, ...(host ? { host } : {}) });
  const included = (await backend.handlers['county.rollup']({ year: YEAR })).included;
  return { ...backend, county, included };
}

/** A host whose PDF route records each print view asked for, and fails on the `failOn`-th. */
function recordingHost(failOn?: number): ExportHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async pdf(previewPath) {
      asked.push(previewPath);
      if (asked.length === failOn) throw new Error('打印窗口没有打开');
      return new TextEncoder().encode(`%PDF-1.4 made for ${previewPath}\n%%EOF\n`);
    },
  };
}

describe('the county PDFs go through the batch export', () => {
  afterAll(() => closePdfRenderer());

  it('the roll-up PDF is printed by the host’s PDF route (the desktop window), not a browser of its own', async () => {
    const host = recordingHost();
    const { county, store } = await collected(host);
    const pdf = await county['county.export']({ year: YEAR, what: 'rollup-pdf' });
    expect(host.asked).toHaveLength(1);
    expect(pdf.kind === 'download' && pdf.fileName).toBe(`某某县（全县汇总）${YEAR}年政府信息公开工作年度报告.pdf`);
    store.close();
  });

  it('各单位报告 PDF: the roll-up and each unit in one .zip; one that cannot be printed is named in 导出说明.txt, the rest are there', async () => {
    const host = recordingHost(3);
    const { county, store, included } = await collected(host);
    const delivery = await county['county.export']({ year: YEAR, what: 'units-pdf' });
    expect(delivery.kind === 'download' && delivery.fileName).toBe(`某某县${YEAR}年各单位政府信息公开工作年度报告（PDF）.zip`);
    const zip = unzipSync(bytesOf(delivery as never));
    const names = Object.keys(zip);
    // the roll-up first, then every unit but the one that failed, and the note
    expect(host.asked).toHaveLength(included.length + 1);
    expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(included.length);
    expect(names).toContain(`某某县（全县汇总）${YEAR}年政府信息公开工作年度报告.pdf`);
    const note = strFromU8(zip['导出说明.txt']!);
    expect(note).toContain('以下 1 份报告没有导出成 PDF');
    expect(note).toContain('打印窗口没有打开');
    store.close();
  });

  it('a chosen set of units: only those, and none at all is refused with the reason', async () => {
    const host = recordingHost();
    const { county, store, included } = await collected(host);
    const two = included.slice(0, 2).map((u) => u.id);
    const zip = unzipSync(bytesOf((await county['county.export']({ year: YEAR, what: 'units-pdf', unitIds: two })) as never));
    expect(Object.keys(zip).filter((n) => n.endsWith('.pdf'))).toHaveLength(3);
    await expect(county['county.export']({ year: YEAR - 5, what: 'units-pdf' })).rejects.toThrow(/还没有收到任何单位的报告/);
    store.close();
  });

  it.skipIf(!findChromium() || !HAS_POPPLER)(
    'in browser mode the PDFs are real: each unit’s file is its own report',
    async () => {
      const { handlers, store, included } = await collected();
      const two = included.slice(0, 2);
      const zip = unzipSync(bytesOf((await handlers['county.export']({ year: YEAR, what: 'units-pdf', unitIds: two.map((u) => u.id) })) as never));
      const pdfs = Object.entries(zip).filter(([n]) => n.endsWith('.pdf'));
      expect(pdfs).toHaveLength(3);
      const texts = pdfs.map(([, bytes]) => squash(pdfText(bytes)));
      expect(texts.filter((t) => t.includes('全县汇总'))).toHaveLength(1);
      for (const unit of two) expect(texts.filter((t) => t.includes(unit.name)).length, unit.name).toBeGreaterThanOrEqual(1);
      store.close();
    },
    120_000,
  );
});
