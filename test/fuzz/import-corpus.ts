import { deflateSync, strToU8, zipSync } from 'fflate';

/**
 * The import fuzz corpus, generated (nothing is stored in the repository): what a clerk's folder,
 * a broken download or a hostile file can hold, of every kind the importer meets — random bytes,
 * Word files cut short or with flipped bytes, zip bombs of each kind (ratio, many parts, lying
 * sizes, nested), XML bombs and external entities, deep HTML, huge tables, bad encodings, JSON
 * bombs, broken PDFs. Each case is made from a seed, so a failing case can be made again by name.
 */

export interface FuzzCase {
  name: string;
  /** the file name the window would send */
  fileName: string;
  bytes: Uint8Array;
}

/** mulberry32: small, seeded */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = (s: string) => strToU8(s);

function randomBytes(rand: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

/** a report's text in our own words, in the shapes published reports have */
function reportText(rand: () => number): string {
  const n = () => Math.floor(rand() * 500);
  return [
    '某某县某某镇人民政府2024年政府信息公开工作年度报告',
    '一、总体情况',
    `本年度主动公开政府信息${n()}条，收到政府信息公开申请${n()}件。`,
    '三、收到和处理政府信息公开申请情况',
    `一、本年新收政府信息公开申请数量 | ${n()} | ${n()} | 0 | 0 | 0 | 0 | ${n()}`,
    `四、结转下年度继续办理 | ${n()} | 0 | 0 | 0 | 0 | 0 | ${n()}`,
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ].join('\n');
}

const docXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => `<w:p><w:r><w:t>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('');
const CONTENT_TYPES = enc(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);

function docx(documentXml: string | Uint8Array, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': typeof documentXml === 'string' ? enc(documentXml) : documentXml, ...extra });
}

/** A zip whose one entry claims `claimed` bytes uncompressed while holding `data` deflated (a lying header). */
function lyingZip(name: string, data: Uint8Array, claimed: number): Uint8Array {
  const zipped = zipSync({ [name]: data });
  const view = new DataView(zipped.buffer, zipped.byteOffset, zipped.byteLength);
  // the local header (offset 22) and the central directory entry (its offset 24) both say the size
  view.setUint32(22, claimed, true);
  for (let i = zipped.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, claimed, true);
      break;
    }
  }
  return zipped;
}

function pdf(body: string): Uint8Array {
  return enc(`%PDF-1.7\n${body}`);
}

type Maker = (rand: () => number) => Omit<FuzzCase, 'name'>;

/** the kinds of case; the corpus cycles through them, each time with new random choices */
export const KINDS: Record<string, Maker> = {
  'random-bytes': (r) => ({ fileName: ['年报.docx', '年报.pdf', '年报.html', '年报.txt', 'report'][Math.floor(r() * 5)]!, bytes: randomBytes(r, 1 + Math.floor(r() * 200_000)) }),
  'zip-magic-then-garbage': (r) => ({ fileName: '年报.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(r, Math.floor(r() * 50_000))]) }),
  'docx-truncated': (r) => {
    const whole = docx(docXml(paragraphs(reportText(r))));
    return { fileName: '年报.docx', bytes: whole.subarray(0, Math.floor(r() * whole.length)) };
  },
  'docx-corrupted': (r) => {
    const bytes = docx(docXml(paragraphs(reportText(r)))).slice();
    for (let i = 0, n = 1 + Math.floor(r() * 20); i < n; i++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
    return { fileName: '年报.docx', bytes };
  },
  'zip-bomb-ratio': (r) => ({ fileName: '年报.docx', bytes: docx(new Uint8Array((50 + Math.floor(r() * 150)) * 1024 * 1024)) }),
  'zip-bomb-many-parts': (r) => {
    const parts: Record<string, Uint8Array> = {};
    for (let i = 0, n = 3000 + Math.floor(r() * 20_000); i < n; i++) parts[`word/media/p${i}.xml`] = enc('x');
    return { fileName: '年报.docx', bytes: docx(docXml(paragraphs(reportText(r))), parts) };
  },
  'zip-bomb-lying-size': (r) => ({ fileName: '年报.docx', bytes: lyingZip('word/document.xml', new Uint8Array(40 * 1024 * 1024).fill(0x20), 1000 + Math.floor(r() * 1000)) }),
  'zip-bomb-nested': (r) => {
    let inner: Uint8Array = new Uint8Array(20 * 1024 * 1024);
    for (let depth = 0, n = 2 + Math.floor(r() * 4); depth < n; depth++) inner = zipSync({ 'word/document.xml': inner });
    return { fileName: '年报.docx', bytes: inner };
  },
  'xml-billion-laughs': () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${entities.join('')}]>${docXml('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>/, '')}`;
    return { fileName: '年报.docx', bytes: docx(xml) };
  },
  'xml-external-entity': () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${docXml('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>/, '')}`;
    return { fileName: '年报.docx', bytes: docx(xml) };
  },
  'docx-deep-xml': (r) => ({ fileName: '年报.docx', bytes: docx(docXml('<w:p>'.repeat(20_000 + Math.floor(r() * 80_000)))) }),
  'html-deep': (r) => {
    const depth = 10_000 + Math.floor(r() * 200_000);
    return { fileName: '年报.html', bytes: enc(`<html><body>${'<div>'.repeat(depth)}${reportText(r)}${'</div>'.repeat(Math.floor(r() * depth))}</body></html>`) };
  },
  'html-huge-table': (r) => {
    const rows = 2000 + Math.floor(r() * 20_000);
    const row = `<tr>${'<td>123</td>'.repeat(20)}</tr>`;
    return { fileName: '年报.html', bytes: enc(`<html><body><p>${reportText(r)}</p><table>${row.repeat(rows)}</table></body></html>`) };
  },
  'text-huge-table': (r) => ({ fileName: '年报.txt', bytes: enc(`${reportText(r)}\n${'1 | 2 | 3 | 4 | 5 | 6 | 7\n'.repeat(100_000 + Math.floor(r() * 200_000))}`) }),
  'text-one-long-line': (r) => ({ fileName: '年报.txt', bytes: enc('一'.repeat(1_000_000 + Math.floor(r() * 2_000_000))) }),
  'bad-utf8': (r) => {
    const text = enc(reportText(r));
    const bytes = new Uint8Array(text.length + 200);
    bytes.set(text);
    for (let i = text.length; i < bytes.length; i++) bytes[i] = 0x80 + Math.floor(r() * 0x40);
    return { fileName: '年报.txt', bytes };
  },
  'utf16-no-bom': (r) => {
    const text = reportText(r);
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    return { fileName: '年报.txt', bytes };
  },
  'bom-mismatch': (r) => ({ fileName: '年报.html', bytes: new Uint8Array([0xff, 0xfe, ...enc(`<html><meta charset="gbk"><body>${reportText(r)}</body></html>`)]) }),
  'gbk-declared-utf8': (r) => ({ fileName: '年报.html', bytes: new Uint8Array([...enc('<html><head><meta charset="gb2312"></head><body>'), ...randomBytes(r, 5000).map((b) => 0x81 + (b % 0x7e)), ...enc('</body></html>')]) }),
  'json-deep': (r) => {
    const depth = 10_000 + Math.floor(r() * 100_000);
    return { fileName: '年报.nianbao.json', bytes: enc(`{"format":"nianbao-report","data":${'['.repeat(depth)}${']'.repeat(depth)}}`) };
  },
  'json-huge': (r) => ({
    fileName: '年报.nianbao.json',
    bytes: enc(JSON.stringify({ format: 'nianbao-report', version: 1, report: { format: '2021', year: 2024, cells: Object.fromEntries(Array.from({ length: 50_000 + Math.floor(r() * 100_000) }, (_, i) => [`t3.r${i}.np`, i])) } })),
  }),
  'pdf-garbage': (r) => ({ fileName: '年报.pdf', bytes: new Uint8Array([...pdf(''), ...randomBytes(r, Math.floor(r() * 100_000))]) }),
  'pdf-truncated': (r) => {
    const whole = pdf(
      '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n' +
        `4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 720 Td (${reportText(r).slice(0, 20)}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF`,
    );
    return { fileName: '年报.pdf', bytes: whole.subarray(0, Math.floor(r() * whole.length)) };
  },
  'pdf-stream-bomb': (r) => {
    const inflated = (20 + Math.floor(r() * 80)) * 1024 * 1024;
    const stream = deflateSync(new Uint8Array(inflated).fill(0x20), { level: 9 });
    const head = `1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${stream.length}/Filter/FlateDecode>>stream\n`;
    return { fileName: '年报.pdf', bytes: new Uint8Array([...pdf(head), ...stream, ...enc('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF')]) };
  },
  'pdf-deep-objects': (r) => ({ fileName: '年报.pdf', bytes: pdf(`1 0 obj${'['.repeat(50_000 + Math.floor(r() * 50_000))}endobj\ntrailer<</Root 1 0 R>>\n%%EOF`) }),
  empty: () => ({ fileName: '年报.docx', bytes: new Uint8Array(0) }),
};

/** `count` cases: every kind in turn, each with its own seed */
export function* corpus(count: number, seed = 16): Generator<FuzzCase> {
  const kinds = Object.keys(KINDS);
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    yield { name: `${kind}#${seed + i}`, ...KINDS[kind]!(random(seed + i)) };
  }
}
