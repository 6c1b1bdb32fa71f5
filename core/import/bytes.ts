import { isZip } from './zip.js';

/**
 * What a file is, from its first bytes and its name, and its text when it is text. Every refusal
 * here says what the file looks like and what to do instead. Size limits are checked before
 * anything is decoded, so a huge file costs nothing.
 */

export const IMPORT_LIMITS = {
  /** text, web pages and report files: a published report is tens of KB, a saved page a few MB */
  maxTextBytes: 10 * 1024 * 1024,
  /** a .docx may carry pictures; only its document.xml is read (see zip.ts) */
  maxDocxBytes: 100 * 1024 * 1024,
  /** a PDF: its text layer is read page by page (at most PDF_MAX_PAGES pages) */
  maxPdfBytes: 50 * 1024 * 1024,
  /** pasted text, in characters */
  maxTextChars: 5 * 1024 * 1024,
  /**
   * lines and table cells after reading: a long county report has a few thousand. This bounds the
   * work of everything after reading, whatever the bytes were (a page of 10 MB can hold 500 000 cells).
   */
  maxCells: 50_000,
  /**
   * tags of a web page, counted before its tree is built: the tree costs some 600 bytes a tag, and
   * a report saved by Word has a few thousand (the largest page of 50 000 cells, some 60 000)
   */
  maxTags: 150_000,
};

/** The tags in a page's source (「<」 followed by a letter), counted without building anything. */
export function countTags(html: string): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a) n++;
  }
  return n;
}

export type Sniffed =
  | { kind: 'docx' | 'pdf' }
  | { kind: 'json' | 'html' | 'text'; text: string; damage?: Damage }
  | { kind: 'refused'; message: string };

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** 「%PDF-」 within the first KB (some writers put a few bytes before it). */
export function isPdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) - 4;
  for (let i = 0; i < n; i++) if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  return false;
}

const MAGIC: readonly { test: (b: Uint8Array) => boolean; message: string }[] = [
  {
    test: (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0),
    message: '这是旧版 Word（.doc）或 Excel 文件，无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 后再导入',
  },
  { test: (b) => startsWith(b, 0x7b, 0x5c, 0x72, 0x74, 0x66), message: '这是 RTF 文件，请在 Word 或 WPS 中打开，另存为 .docx 后再导入' },
  {
    test: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47) || startsWith(b, 0xff, 0xd8, 0xff) || startsWith(b, 0x47, 0x49, 0x46, 0x38) || startsWith(b, 0x42, 0x4d),
    message: '这是一张图片，无法从图片中读取文字和数字。请改用报告的网页、Word 文件，或复制文字粘贴导入',
  },
  {
    test: (b) => startsWith(b, 0x52, 0x61, 0x72, 0x21) || startsWith(b, 0x37, 0x7a, 0xbc, 0xaf) || startsWith(b, 0x1f, 0x8b),
    message: '这是一个压缩包，请先解压，再选择其中的报告文件（网页、Word 或文字文件）导入',
  },
];

/** A .docx is a zip: the zip reader checks it; every other zip is refused there. */
export function sniffBytes(bytes: Uint8Array, fileName = ''): Sniffed {
  const refused = refuseUnread(bytes.length, bytes, fileName);
  if (refused) return { kind: 'refused', message: refused };
  if (isZip(bytes)) return { kind: 'docx' };
  if (isPdf(bytes)) return { kind: 'pdf' };
  const decoded = decodeLeniently(bytes);
  const text = decoded?.text ?? null;
  if (text === null) {
    return { kind: 'refused', message: '无法识别这个文件：它不是文字、网页、Word（.docx）或年报助手的报告文件。请选择报告的网页、Word 文件，或复制文字粘贴导入' };
  }
  const sniffed = classifyText(text, fileName.toLowerCase());
  if (decoded?.damage && (sniffed.kind === 'text' || sniffed.kind === 'html' || sniffed.kind === 'json')) return { ...sniffed, damage: decoded.damage };
  return sniffed;
}

/** Where a UTF-8 text had bytes that are not UTF-8: how many, and the lines they are on. */
export interface Damage {
  count: number;
  lines: number[];
}

/**
 * Bytes → text, as decodeText, except that a UTF-8 text with a few bad bytes (a cut last
 * character, one Latin-1 「©」, a trailing 0xFF) is read as UTF-8 with those bytes replaced by
 * 「�」, and where they were is returned: one stray byte must not turn a whole report into GB18030
 * gibberish. Many bad bytes mean the text is not UTF-8 at all.
 */
export function decodeLeniently(bytes: Uint8Array): { text: string; damage?: Damage } | null {
  const whole = (): { text: string } | null => {
    const text = decodeText(bytes);
    return text === null ? null : { text };
  };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf) || startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return whole();
  if (/charset\s*=\s*["']?\s*(gb2312|gbk|gb18030)/i.test(latin1Head(bytes))) return whole();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return whole();
  } catch {
    // not clean UTF-8: a few bad bytes, or another encoding
  }
  const loose = new TextDecoder('utf-8').decode(bytes);
  const lines: number[] = [];
  let count = 0;
  let line = 1;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 0xfffd) {
      count++;
      if (lines.at(-1) !== line) lines.push(line);
    }
  }
  // a GB18030 text read as UTF-8 has a bad byte in nearly every Chinese character
  if (count > Math.max(8, loose.length / 1000) || !/[\u4e00-\u9fff]/.test(loose)) return whole();
  return { text: loose, damage: { count, lines: lines.slice(0, 5) } };
}

/**
 * The refusals that need only a file's size, its name and its first bytes (a few dozen are
 * enough), so that a host can refuse a huge file before reading it whole. null: read the file.
 */
export function refuseUnread(size: number, head: Uint8Array, fileName = ''): string | null {
  const name = fileName.toLowerCase();
  if (size === 0) return '文件是空的（0 字节），没有可导入的内容，请检查是否选错了文件';
  if (isZip(head) || /\.docx$/.test(name)) {
    if (size > IMPORT_LIMITS.maxDocxBytes) {
      return `文件太大（${mb(size)}），超过了 ${mb(IMPORT_LIMITS.maxDocxBytes)} 的上限。请删去文中的图片后另存，或复制文字粘贴导入`;
    }
    if (!isZip(head)) return '文件名是 .docx，但内容不是 Word 文件（可能已损坏，或只是改了扩展名）。请用 Word 或 WPS 打开后重新另存为 .docx';
    return null;
  }
  if (isPdf(head) || /\.pdf$/.test(name)) {
    if (size > IMPORT_LIMITS.maxPdfBytes) {
      return `PDF 文件太大（${mb(size)}），超过了 ${mb(IMPORT_LIMITS.maxPdfBytes)} 的上限，不像一份年度报告。请确认选对了文件`;
    }
    if (!isPdf(head)) return '文件名是 .pdf，但内容不是 PDF 文件（可能已损坏，或只是改了扩展名）。请重新下载原文件';
    return null;
  }
  for (const m of MAGIC) if (m.test(head)) return m.message;
  if (/\.(mht|mhtml)$/.test(name)) return '这是「单个文件网页」（.mht），无法直接读取。请在浏览器中另存为「网页，仅 HTML」（.html）后再导入';
  if (size > IMPORT_LIMITS.maxTextBytes) {
    return `文件太大（${mb(size)}），一份年度报告的网页或文字通常只有几百 KB，上限是 ${mb(IMPORT_LIMITS.maxTextBytes)}。请确认选对了文件，或只复制报告正文粘贴导入`;
  }
  return null;
}

export function classifyText(text: string, name = ''): Sniffed {
  const head = text.slice(0, 2048).trimStart();
  if (/\.json$/.test(name) || (head.startsWith('{') && /"schema"\s*:/.test(text.slice(0, 65536)))) return { kind: 'json', text };
  if (/\.(html?|xhtml)$/.test(name) || /^(<!doctype html|<html|<head|<body|<meta|<\?xml[^>]*>\s*<html)/i.test(head) || /<(table|p|div|br)[\s>/]/i.test(head)) {
    return { kind: 'html', text };
  }
  return { kind: 'text', text };
}

/**
 * Bytes → text: a BOM decides; else UTF-8 if it decodes cleanly; else GB18030 (the encoding of
 * older Chinese government pages and Windows .txt files). A page that declares GBK/GB2312 is
 * read as GB18030 directly. Returns null for binary data.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string | null = null;
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, 0xfe, 0xff)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const declared = /charset\s*=\s*["']?\s*(gb2312|gbk|gb18030)/i.test(latin1Head(bytes));
    if (!declared) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = null;
      }
    }
    if (text === null) text = new TextDecoder('gb18030').decode(bytes);
  }
  return looksBinary(text) ? null : text;
}

function latin1Head(bytes: Uint8Array): string {
  let s = '';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Control characters or undecodable bytes in more than 1 % of the first 64 K characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (!sample.length) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / sample.length > 0.01;
}
