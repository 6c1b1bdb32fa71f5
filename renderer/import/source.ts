import { IMPORT_SEND, type Args } from '../../core/api.js';
import { IMPORT_LIMITS } from '../../core/import/bytes.js';

/**
 * What the window sends to `import.parse`. The window reads the file itself (the service never
 * sees a path, so both hosts work alike). A file too large to send goes as its size and first
 * bytes, which is all the importer needs to refuse it; a paste too long to send goes as its length.
 */

export type ImportSource = Args<'import.parse'>['source'];

/** The file's bytes as base64, by the browser's own encoder (fast for megabytes). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`无法读取文件：${reader.error?.message ?? '未知原因'}`));
    reader.readAsDataURL(blob);
  });
}

export async function fileSource(file: File): Promise<ImportSource> {
  const part = file.size > IMPORT_SEND.maxFileBytes ? file.slice(0, IMPORT_SEND.headBytes) : file;
  return { kind: 'file', name: file.name, size: file.size, base64: await base64Of(part) };
}

/** UTF-8 size of a text, without encoding it (browser mode caps a request at 16 MB). */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Room for the clipboard's HTML beside the text in one request. */
const PASTE_BUDGET_BYTES = 12 * 1024 * 1024;

export function pasteSource(text: string, html: string | null): ImportSource {
  if (text.length > IMPORT_LIMITS.maxTextChars) return { kind: 'text', text: '', length: text.length };
  // the HTML keeps a table's cells apart; it is left out when it would make the request too large
  const withHtml = html && html.length <= IMPORT_LIMITS.maxTextChars * 2 && utf8Bytes(text) + utf8Bytes(html) <= PASTE_BUDGET_BYTES;
  return withHtml ? { kind: 'text', text, html } : { kind: 'text', text };
}
