import type { ReportData } from './model.js';
import { getFormat } from '../format/index.js';
import { FEN_PER_YUAN } from './money.js';
import { sha256Hex } from './sha256.js';

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 fingerprint of what a report says: agency, year, format, every figure, every text,
 * the notes and the sign-off. Re-exporting the same version gives the same fingerprint; any edit
 * changes it. Bookkeeping that is not content (carry highlights, origin) is left out.
 */
export function reportFingerprint(report: ReportData): string {
  const { format, year, agency, sections, notes, signoff } = report;
  const nonEmpty = Object.fromEntries(Object.entries(sections).filter(([, text]) => text && text.trim()));
  const cells = fingerprintCells(report);
  return sha256Hex(canonicalJson({ format, year, agency, cells, sections: nonEmpty, notes, signoff: signoff ?? null }));
}

/**
 * Money counts in 元 in the fingerprint, as it did when the store kept whole 元: a report signed
 * then still has the fingerprint printed on its paper copy. An amount with 角 or 分 (possible
 * since money is kept in 分) is written as its exact decimal text of 元, which no old
 * fingerprint can contain.
 */
function fingerprintCells({ format, cells }: ReportData): Record<string, number | string> {
  if (format === 'free') return cells;
  const out: Record<string, number | string> = { ...cells };
  for (const def of getFormat(format).cells) {
    const fen = cells[def.id];
    if (def.kind !== 'money' || fen === undefined) continue;
    const sign = fen < 0 ? '-' : '';
    const abs = Math.abs(fen);
    out[def.id] = abs % FEN_PER_YUAN === 0 ? fen / FEN_PER_YUAN : `${sign}${Math.floor(abs / FEN_PER_YUAN)}.${String(abs % FEN_PER_YUAN).padStart(2, '0')}`;
  }
  return out;
}
