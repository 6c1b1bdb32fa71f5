import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SECTIONS, sectionHeading, type SectionKey } from '../../../core/format/index.js';
import { stripPinyin, toSimplified } from '../../../core/import/normalize.js';

/**
 * The narratives of test/fixtures/narratives: whole report texts of our own, written in the shapes
 * published reports come in (one copied off a page with ASCII punctuation, one with numbered
 * paragraphs and a 五 that plans 「2021年，…将…」 in a 2021 report, one in Traditional characters with
 * a re-posting site's pinyin), carrying the figures of the seed fixtures' tables.
 */
const DIR = fileURLToPath(new URL('../../fixtures/narratives/', import.meta.url));

export type NarrativeId = '001' | '002' | '003';

/** A narrative as a clerk's text: pinyin stripped, Traditional made Simplified (as the importer does). */
export function narrativeText(id: NarrativeId): string {
  return toSimplified(stripPinyin(readFileSync(`${DIR}narrative-${id}.txt`, 'utf8')));
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
