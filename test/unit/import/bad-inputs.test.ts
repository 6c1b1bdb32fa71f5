import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { importBytes, importHtml, importText, type ImportOutcome } from '../../../core/import/index.js';
import { docxParagraph, documentXml, makeDocx, noise } from './render.js';

/**
 * Inputs that are not a report, or are a trap: each is refused with a Chinese sentence that
 * says what to do, in bounded time. The big inputs are made here, never committed.
 */

const BUDGET_MS = 5000;

/**
 * The processor time this process spent on the import, not the clock: a hang or a blow-up shows in
 * both, while a machine busy with other work only stretches the clock (speed budgets are in bench/).
 */
function timed(run: () => ImportOutcome): { out: ImportOutcome; ms: number } {
  const t0 = process.cpuUsage();
  const out = run();
  const used = process.cpuUsage(t0);
  return { out, ms: (used.user + used.system) / 1000 };
}

function refused(out: ImportOutcome, ...words: string[]): void {
  expect(out.ok).toBe(false);
  if (out.ok) return;
  expect(out.message).toMatch(/[\u4e00-\u9fff]/);
  for (const w of words) expect(out.message).toContain(w);
}

const SMALL_DOC = documentXml(docxParagraph('一、总体情况'));

/** Rewrites the declared uncompressed size of every entry (central directory and local headers). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let o = 0; o + 4 <= out.length; o++) {
    const sig = view.getUint32(o, true);
    if (sig === 0x04034b50) view.setUint32(o + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(o + 24, size, true);
  }
  return out;
}

describe('files that are not a report', () => {
  it('refuses an empty file', () => {
    refused(importBytes(new Uint8Array(0), '报告.txt'), '空');
    refused(importText(''), '没有读到');
    refused(importText('   \n\t \n'), '没有读到');
  });

  it('refuses binary garbage quickly', () => {
    const { out, ms } = timed(() => importBytes(noise(256 * 1024), '报告.txt'));
    refused(out, '无法识别');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses a 50 MB file before reading it', () => {
    const chunk = strToU8('一、总体情况\n本年度我乡认真做好政府信息公开工作。\n');
    const big = new Uint8Array(50 * 1024 * 1024);
    for (let o = 0; o < big.length; o += chunk.length) big.set(chunk.subarray(0, Math.min(chunk.length, big.length - o)), o);
    for (const name of ['报告.txt', '报告.html', undefined]) {
      const { out, ms } = timed(() => importBytes(big, name));
      refused(out, '太大', '50.0 MB');
      expect(ms).toBeLessThan(BUDGET_MS);
    }
  });

  it('refuses 50 MB of pasted text', () => {
    const text = '本年度我乡认真做好政府信息公开工作。'.repeat(3_000_000);
    const { out, ms } = timed(() => importText(text));
    refused(out, '太长');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ['PDF', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'PDF'],
    ['old Word', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), '.docx'],
    ['PNG picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), '图片'],
    ['RAR archive', strToU8('Rar!\x1a\x07\x00 some data'), '解压'],
  ])('names a %s file and says what to do', (_name, bytes, word) => {
    refused(importBytes(bytes, 'x.bin'), word);
  });
});

describe('pages built to be slow', () => {
  it('refuses a page with more lines and cells than any report', () => {
    const { out, ms } = timed(() => importHtml(`<table>${'<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>'.repeat(15_000)}</table>`));
    refused(out, '内容太多', '60,000');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses a page of 300 000 rows by counting its tags, before building anything', () => {
    const { out, ms } = timed(() => importBytes(strToU8(`<table>${'<tr><td>1</td></tr>'.repeat(300_000)}</table>`), '报告.html'));
    refused(out, '标签太多', '600,001');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads 40 000 nested tables in bounded time', () => {
    const page = '<table><tr><td>'.repeat(40_000) + '<p>一、总体情况</p><p>正文。</p>';
    const { out, ms } = timed(() => importHtml(page));
    expect(out.ok).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads 3 MB of markup without text in bounded time', () => {
    const page = '<span class="a" style="color:red"></span><i></b>'.repeat(70_000);
    const { out, ms } = timed(() => importBytes(strToU8(page), '报告.html'));
    refused(out, '没有读到任何文字');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('reads one line of 40 000 figures in bounded time', () => {
    const { out, ms } = timed(() => importText(`（三）不予公开 ${Array(40_000).fill(1).join(' ')}`));
    expect(out.ok).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});

describe('.docx files that are broken or hostile', () => {
  it('refuses a .docx that is not a zip at all', () => {
    refused(importBytes(strToU8('这不是 Word 文件，只是改了扩展名。'), '报告.docx'), '.docx', '不是 Word 文件');
  });

  it('refuses a zip that has no Word document in it', () => {
    refused(importBytes(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), '报表.docx'), 'word/document.xml');
  });

  it('refuses a truncated .docx', () => {
    const docx = makeDocx(SMALL_DOC);
    refused(importBytes(docx.subarray(0, Math.floor(docx.length / 2)), '报告.docx'), '损坏');
  });

  it('refuses a zip bomb by its declared ratio, without inflating it', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { out, ms } = timed(() => importBytes(bomb, '报告.docx'));
    refused(out, '压缩炸弹');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses a zip bomb that lies about its size, stopping at the declared size', () => {
    const honest = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    // declares 100 KB: under every directory limit, so the inflater itself must stop it
    const liar = declareSize(honest, 100 * 1024);
    const { out, ms } = timed(() => importBytes(liar, '报告.docx'));
    refused(out, '压缩炸弹');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses a part declared larger than any Word document', () => {
    const huge = declareSize(makeDocx(SMALL_DOC), 2_000_000_000);
    refused(importBytes(huge, '报告.docx'), '压缩炸弹');
  });

  it('refuses a zip with thousands of entries', () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(SMALL_DOC) };
    for (let i = 0; i < 5000; i++) files[`word/media/p${i}.xml`] = strToU8('x');
    const { out, ms } = timed(() => importBytes(zipSync(files, { level: 0 }), '报告.docx'));
    refused(out, '5001');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('still reads a 50 MB .docx whose size is pictures', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(documentXml(['华阳镇人民政府2022年政府信息公开工作年度报告', '一、总体情况', '本年度工作平稳。'].map(docxParagraph).join(''))),
      'word/media/image1.png': [noise(50 * 1024 * 1024, 99), { level: 0 }],
    });
    const { out, ms } = timed(() => importBytes(docx, '报告.docx'));
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.detected).toMatchObject({ year: 2022, agencyName: '华阳镇人民政府', level: 'township' });
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});

describe('a page whose tables are pictures', () => {
  const page = `<html><head><title>柳溪街道2022年政府信息公开工作年度报告</title></head><body>
    <h1>柳溪街道2022年政府信息公开工作年度报告</h1>
    <p>一、总体情况</p><p>本年度街道政务公开工作有序开展。</p>
    <p>二、主动公开政府信息情况</p><p><img src="t2.png"></p>
    <p>三、收到和处理政府信息公开申请情况</p><p><img src="t3.png"></p>
    <p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src="t4.png"></p>
    <p>五、存在的主要问题及改进情况</p><p>信息更新不够及时。</p>
    <p>六、其他需要报告的事项</p><p>无。</p></body></html>`;

  // Decision: imported (ok) with a loud first warning, every figure blank and uncertain. The
  // prose is worth keeping, and typing 200 figures into the review screen beats retyping it all.
  it('imports the text, leaves every figure blank, and says so first', () => {
    const out = importHtml(page);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.warnings[0]).toMatch(/^【请注意】/);
    expect(out.warnings[0]).toContain('3 张图片');
    expect(out.report.cells).toEqual({});
    expect(new Set(out.uncertain)).toEqual(new Set(getFormat('2021').cells.map((c) => c.id)));
    expect(out.detected).toEqual({ format: '2021', year: 2022, agencyName: '柳溪街道', level: 'street' });
    expect(out.report.sections.s1).toBe('本年度街道政务公开工作有序开展。');
    expect(out.report.sections.s6).toBe('无。');
  });
});
