import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * The zip a package travels in, written one way only ('stored/1'): every entry stored without
 * compression (the DOCX and PDF are compressed already; the JSON is small), manifest.json first
 * and the members in the manifest's order, every time stamp the same fixed date, no comments, no
 * extra fields. Written from the same entries, the same bytes come out on any computer and in any
 * time zone — so a reader can write the zip again from what it read and compare it with the
 * file, byte for byte: a change anywhere in the file, even in a part no hash covers (a time
 * stamp in a header), is seen.
 */

/** 1980-01-01 00:00 in local time: the zip's DOS time fields then read the same in every time zone. */
const FIXED_TIME = () => new Date(1980, 0, 1, 0, 0, 0);

export interface ContainerEntry {
  path: string;
  bytes: Uint8Array;
}

export function writeContainer(entries: readonly ContainerEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.path] = [e.bytes, { level: 0, mtime: FIXED_TIME() }];
  return zipSync(files);
}

/** Limits on what a reader accepts before it looks inside: a package is a few MB with a handful of entries. */
export const CONTAINER_LIMITS = { maxBytes: 64 * 1024 * 1024, maxEntries: 8 } as const;

export type ContainerRead =
  | { ok: true; entries: ContainerEntry[] }
  /** `names`: the entries seen before the reader stopped (a zip of another program has no manifest.json) */
  | { ok: false; reason: 'not-zip' | 'too-large' | 'layout' | 'broken'; names?: string[] };

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The entries of a package's zip, in the zip's order; anything but stored entries within the limits is refused unread. */
export function readContainer(bytes: Uint8Array): ContainerRead {
  if (!isZip(bytes)) return { ok: false, reason: 'not-zip' };
  if (bytes.length > CONTAINER_LIMITS.maxBytes) return { ok: false, reason: 'too-large' };
  const order: string[] = [];
  let layout = true;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        order.push(f.name);
        // stored entries only: nothing is inflated, so nothing can expand past the limits
        if (f.compression !== 0 || f.size !== f.originalSize || order.length > CONTAINER_LIMITS.maxEntries) layout = false;
        // nothing is read once the layout is wrong; the names are still listed (up to a point)
        return layout && order.length <= CONTAINER_LIMITS.maxEntries;
      },
    });
  } catch {
    return { ok: false, reason: 'broken' };
  }
  if (!layout) return { ok: false, reason: 'layout', names: order };
  return { ok: true, entries: order.map((path) => ({ path, bytes: files[path]! })) };
}

/** Is `bytes` exactly the zip writeContainer makes of these entries? */
export function isCanonicalContainer(bytes: Uint8Array, entries: readonly ContainerEntry[]): boolean {
  const again = writeContainer(entries);
  if (again.length !== bytes.length) return false;
  for (let i = 0; i < again.length; i++) if (again[i] !== bytes[i]) return false;
  return true;
}
