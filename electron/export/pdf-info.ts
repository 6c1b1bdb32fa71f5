import { FINGERPRINT_PROPERTY, VERSION_PROPERTY, type DocumentProperties } from '../../core/document/properties.js';

/**
 * The PDF's document information (Title, Author, Creator, …). Chromium writes only the page's
 * <title>, its own user agent as Creator and no Author; this replaces the information
 * dictionary with the report's, by an incremental update appended to the file (PDF 32000-1
 * §7.5.6): the bytes Chromium wrote stay as they are, and every reader takes the newest
 * dictionary. The signed version's fingerprint goes in as a custom entry, where the sealed
 * package and the published-copy check can read it back (readPdfInfo).
 */

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: safe for any Chinese text. */
function textString(value: string): string {
  const utf16 = Buffer.from(value, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

function decodeTextString(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  // a literal string: undo the escapes PDF allows
  const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e,
  );
  const bytes = Buffer.from(body, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return body;
}

interface Trailer {
  /** where this cross-reference section starts */
  xref: number;
  dict: string;
}

/** The newest cross-reference table and its trailer. Null for a file that uses cross-reference streams. */
function lastTrailer(text: string): Trailer | null {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!start) return null;
  const xref = Number(start[1]);
  if (text.slice(xref, xref + 4) !== 'xref') return null;
  const dict = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(xref))?.[1];
  return dict === undefined ? null : { xref, dict };
}

/** The byte offset of an object, from the cross-reference sections (newest first). */
function objectOffset(text: string, trailer: Trailer, num: number): number | null {
  let at: number | null = trailer.xref;
  for (let guard = 0; at !== null && guard < 100; guard++) {
    const section = text.slice(at, text.indexOf('trailer', at));
    const lines = section.split(/\r\n|\r|\n/).slice(1);
    for (let i = 0; i < lines.length; ) {
      const head = /^(\d+) (\d+)\s*$/.exec(lines[i]!.trim());
      if (!head) break;
      const first = Number(head[1]);
      const count = Number(head[2]);
      if (num >= first && num < first + count) {
        const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(lines[i + 1 + num - first]!.trim());
        return entry && entry[3] === 'n' ? Number(entry[1]) : null;
      }
      i += 1 + count;
    }
    const dict = /trailer\s*<<([\s\S]*?)>>/.exec(text.slice(at))?.[1] ?? '';
    const prev = /\/Prev\s+(\d+)/.exec(dict);
    at = prev ? Number(prev[1]) : null;
  }
  return null;
}

function infoDictionary(text: string, trailer: Trailer): string | null {
  const ref = /\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer.dict);
  if (!ref) return null;
  const offset = objectOffset(text, trailer, Number(ref[1]));
  if (offset === null) return null;
  return /obj\s*<<([\s\S]*?)>>\s*endobj/.exec(text.slice(offset, offset + 65536))?.[1] ?? null;
}

/** Keys and values of a flat PDF dictionary whose values are strings. */
function stringEntries(dict: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\/([A-Za-z0-9_.-]+)\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/g;
  for (const m of dict.matchAll(re)) out[m[1]!] = decodeTextString(m[2]!);
  return out;
}

/** The document information of a PDF (its newest dictionary), e.g. `{ Title, Author, Creator, NianbaoFingerprint }`. */
export function readPdfInfo(pdf: Uint8Array): Record<string, string> {
  const text = latin1(pdf);
  const trailer = lastTrailer(text);
  const dict = trailer && infoDictionary(text, trailer);
  return dict ? stringEntries(dict) : {};
}

/**
 * The PDF with the report's document information. A file whose structure is not the plain one
 * Chromium writes (cross-reference streams) is returned unchanged rather than risked.
 */
export function withPdfInfo(pdf: Uint8Array, props: DocumentProperties): Uint8Array {
  const text = latin1(pdf);
  const trailer = lastTrailer(text);
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer.dict);
  const root = trailer && /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer.dict);
  if (!trailer || !size || !root) return pdf;
  const old = stringEntries(infoDictionary(text, trailer) ?? '');
  const entries: [string, string][] = [
    ['Title', props.title],
    ['Author', props.author],
    ['Subject', props.subject],
    ['Keywords', props.keywords],
    ['Creator', props.creator],
    ['Producer', old.Producer ?? props.creator],
    ...(props.fingerprint ? [[FINGERPRINT_PROPERTY, props.fingerprint] as [string, string]] : []),
    ...(props.version ? [[VERSION_PROPERTY, props.version] as [string, string]] : []),
  ];
  const dates = ['CreationDate', 'ModDate'].flatMap((k) => (old[k] ? [`/${k} (${old[k]})`] : []));
  const num = Number(size[1]);
  const body = [...entries.map(([k, v]) => `/${k} ${textString(v)}`), ...dates].join('\n');
  const sep = text.endsWith('\n') ? '' : '\n';
  const objStart = pdf.length + sep.length;
  const obj = `${num} 0 obj\n<<${body}>>\nendobj\n`;
  const xrefStart = objStart + Buffer.byteLength(obj, 'latin1');
  const tail =
    `xref\n${num} 1\n${String(objStart).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${num + 1}\n/Root ${root[1]}\n/Info ${num} 0 R\n/Prev ${trailer.xref}>>\nstartxref\n${xrefStart}\n%%EOF\n`;
  const update = Buffer.from(sep + obj + tail, 'latin1');
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  out.set(update, pdf.length);
  return out;
}
