import { Inflate } from 'fflate';

/**
 * Reads one file out of a zip (a .docx) without trusting the zip. The central directory is
 * checked first — number of entries, every declared size, the compression ratio — and only
 * then is the one wanted entry inflated, in small steps, stopping the moment it produces more
 * than it declared or than the limit. A zip bomb is therefore refused in time proportional to
 * the limits, never to what the bomb would expand to.
 */

export const ZIP_LIMITS = {
  /** a .docx has a few dozen parts; thousands means something else */
  maxEntries: 2000,
  /** declared size of any one part (pictures included) */
  maxEntryBytes: 100 * 1024 * 1024,
  /** declared size of all parts together */
  maxTotalBytes: 300 * 1024 * 1024,
  /** uncompressed : compressed; text compresses ~5–20×, bombs ~1000× */
  maxRatio: 100,
  /** parts smaller than this are not ratio-checked: they cannot hurt */
  ratioFloorBytes: 1024 * 1024,
  /** the part actually inflated (word/document.xml): a long report's is well under 5 MB */
  maxInflateBytes: 32 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipResult<T> = { ok: true; value: T } | { ok: false; message: string };

const BROKEN = '这个 Word 文件已损坏或不完整（压缩结构有误），请用 Word 或 WPS 打开后重新另存为 .docx 再导入';
const BOMB = '这个文件解压后会异常地大（疑似“压缩炸弹”），为安全起见已拒绝读取；如果确实是报告，请在 Word 或 WPS 中打开后另存为新的 .docx 再导入';

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === 0x04034b50;
}

/** The central directory, after every limit has been checked. Nothing is inflated here. */
export function readZipDirectory(bytes: Uint8Array): ZipResult<ZipEntry[]> {
  const n = bytes.length;
  let eocd = -1;
  for (let o = n - 22; o >= Math.max(0, n - 22 - 0xffff); o--) {
    if (u32(bytes, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) return { ok: false, message: BROKEN };
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    // ZIP64: no Word document needs it
    return { ok: false, message: BOMB };
  }
  if (count > ZIP_LIMITS.maxEntries) {
    return { ok: false, message: `这个压缩文件里有 ${count} 个部件，不像一份 Word 报告（一般只有几十个），已拒绝读取` };
  }
  if (cdOffset + cdSize > eocd) return { ok: false, message: BROKEN };

  const entries: ZipEntry[] = [];
  let total = 0;
  let o = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (o + 46 > eocd || u32(bytes, o) !== 0x02014b50) return { ok: false, message: BROKEN };
    const nameLen = u16(bytes, o + 28);
    const entry: ZipEntry = {
      flags: u16(bytes, o + 8),
      method: u16(bytes, o + 10),
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLen)),
    };
    o += 46 + nameLen + u16(bytes, o + 30) + u16(bytes, o + 32);
    if (entry.compressedSize > n || entry.localOffset >= n) return { ok: false, message: BROKEN };
    if (entry.size > ZIP_LIMITS.maxEntryBytes) return { ok: false, message: BOMB };
    total += entry.size;
    if (total > ZIP_LIMITS.maxTotalBytes) return { ok: false, message: BOMB };
    if (entry.size > ZIP_LIMITS.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.maxRatio) {
      return { ok: false, message: BOMB };
    }
    entries.push(entry);
  }
  return { ok: true, value: entries };
}

/** Inflates one entry, refusing as soon as it grows past what it declared or the limit. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): ZipResult<Uint8Array> {
  if (entry.flags & 1) return { ok: false, message: '这个 Word 文件设置了密码（已加密），请先在 Word 或 WPS 中取消密码再导入' };
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) return { ok: false, message: BROKEN };
  const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return { ok: false, message: BROKEN };
  const limit = Math.min(entry.size, ZIP_LIMITS.maxInflateBytes);
  if (entry.size > ZIP_LIMITS.maxInflateBytes) return { ok: false, message: BOMB };
  if (entry.method === 0) return { ok: true, value: bytes.subarray(start, end) };
  if (entry.method !== 8) return { ok: false, message: '这个 Word 文件使用了不支持的压缩方式，请在 Word 或 WPS 中另存为 .docx 后再导入' };

  const out = new Uint8Array(limit);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (written + chunk.length > limit) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  // 2 KB of compressed input inflates to at most ~2 MB (deflate's limit is ~1:1032): memory and
  // time stay bounded per step, and a bomb is caught by the first step that passes the limit
  const STEP = 2 * 1024;
  try {
    for (let p = start; p < end && !overflow; p += STEP) {
      const q = Math.min(end, p + STEP);
      inflater.push(bytes.subarray(p, q), q === end);
    }
  } catch {
    return { ok: false, message: BROKEN };
  }
  if (overflow) return { ok: false, message: BOMB };
  return { ok: true, value: out.subarray(0, written) };
}
