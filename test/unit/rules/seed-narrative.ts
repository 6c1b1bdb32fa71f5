import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SECTIONS, sectionHeading, type SectionKey } from '../../../core/format/index.js';

/** The real published reports, outside the project (may be absent). */
export const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
export const HAVE_SEEDS = existsSync(SEEDS_DIR);

export function seedText(prefix: string): string | null {
  if (!HAVE_SEEDS) return null;
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  return file ? readFileSync(SEEDS_DIR + file, 'utf8') : null;
}

interface Normaliser {
  stripPinyin(text: string): string;
  toSimplified(text: string): string;
}

/**
 * The project's own Traditional → Simplified converter (core/import), when it is there. Loaded
 * by a computed path so that this test neither depends on nor duplicates the importer.
 */
export async function loadNormaliser(): Promise<Normaliser | null> {
  const path = '../../../core/import/normalize.js';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as Partial<Normaliser>;
    return typeof mod.stripPinyin === 'function' && typeof mod.toSimplified === 'function' ? (mod as Normaliser) : null;
  } catch {
    return null;
  }
}

/**
 * Cuts a published report's text at its section headings (lines that are exactly 「一、总体情况」 …).
 * `intro` is what stands between the title line and 一; section 六 ends at the 落款 (the agency name).
 */
export function splitSections(text: string, agencyName: string): Partial<Record<SectionKey | 'intro', string>> {
  const lines = text.split('\n').map((l) => l.trim());
  const at = new Map<number, SectionKey>();
  for (const s of SECTIONS) {
    const i = lines.indexOf(sectionHeading(s));
    if (i >= 0) at.set(i, s.key);
  }
  const starts = [...at.keys()].sort((a, b) => a - b);
  const out: Partial<Record<SectionKey | 'intro', string>> = {};
  if (starts.length) out.intro = lines.slice(1, starts[0]).join('\n');
  starts.forEach((start, i) => {
    let end = starts[i + 1] ?? lines.length;
    if (i === starts.length - 1) {
      const sign = lines.indexOf(agencyName, start);
      if (sign > start) end = sign;
    }
    out[at.get(start)!] = lines.slice(start + 1, end).join('\n');
  });
  return out;
}
