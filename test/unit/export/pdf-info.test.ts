import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentProperties } from '../../../core/document/index.js';
import { readPdfInfo, withPdfInfo } from '../../../electron/export/pdf-info.js';
import { HAS_POPPLER, tempFolder } from './helpers.js';

/** A one-page PDF laid out as Chromium writes it: classic cross-reference table, an Info dictionary. */
function chromiumLikePdf(): Uint8Array {
  const objects = [
    '<</Title (x) /Creator (Mozilla/5.0 HeadlessChrome) /Producer (Skia/PDF m156) /CreationDate (D:20250120000000+00\'00\') /ModDate (D:20250120000000+00\'00\')>>',
    '<</Type /Catalog /Pages 3 0 R>>',
    '<</Type /Pages /Kids [4 0 R] /Count 1>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 595 842]>>',
  ];
  let out = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const PROPS: DocumentProperties = {
  title: '某某县清河镇人民政府2024年政府信息公开工作年度报告',
  author: '某某县清河镇人民政府',
  creator: '年报助手 0.1.0',
  subject: '2024年政府信息公开工作年度报告',
  keywords: '政府信息公开; 年度报告; 2024年',
  fingerprint: 'sha256:c0ffee',
  version: '第1版',
};

describe('the PDF’s document information', () => {
  it('is replaced by an update appended to the file: Chromium’s bytes stay, readers take the new dictionary', () => {
    const original = chromiumLikePdf();
    const updated = withPdfInfo(original, PROPS);
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(readPdfInfo(original)).toMatchObject({ Title: 'x', Creator: 'Mozilla/5.0 HeadlessChrome' });
    expect(readPdfInfo(updated)).toEqual({
      Title: PROPS.title,
      Author: PROPS.author,
      Subject: PROPS.subject,
      Keywords: PROPS.keywords,
      Creator: PROPS.creator,
      Producer: 'Skia/PDF m156',
      NianbaoFingerprint: 'sha256:c0ffee',
      NianbaoVersion: '第1版',
      CreationDate: "D:20250120000000+00'00'",
      ModDate: "D:20250120000000+00'00'",
    });
    // again on top of the first update: the newest wins, and a draft names no fingerprint
    const { fingerprint: _f, version: _v, ...draft } = PROPS;
    const twice = withPdfInfo(updated, { ...draft, subject: '（草稿）' });
    expect(readPdfInfo(twice).Subject).toBe('（草稿）');
    expect(readPdfInfo(twice).NianbaoFingerprint).toBeUndefined();
  });

  it.skipIf(!HAS_POPPLER)('is what poppler reads', () => {
    const file = join(tempFolder('nianbao-info-'), 'x.pdf');
    writeFileSync(file, withPdfInfo(chromiumLikePdf(), PROPS));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+某某县清河镇人民政府2024年政府信息公开工作年度报告$/m);
    expect(info).toMatch(/^Author:\s+某某县清河镇人民政府$/m);
    expect(info).toMatch(/^Creator:\s+年报助手 0\.1\.0$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
  });

  it('leaves a file it does not understand (cross-reference streams, no trailer) as it is', () => {
    const stream = new Uint8Array(Buffer.from('%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nendobj\nstartxref\n9\n%%EOF\n', 'latin1'));
    expect(withPdfInfo(stream, PROPS)).toBe(stream);
    const junk = new Uint8Array(Buffer.from('not a pdf'));
    expect(withPdfInfo(junk, PROPS)).toBe(junk);
    expect(readPdfInfo(junk)).toEqual({});
  });
});
