import type { ReportData } from './model.js';
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
  const { format, year, agency, cells, sections, notes, signoff } = report;
  const nonEmpty = Object.fromEntries(Object.entries(sections).filter(([, text]) => text && text.trim()));
  return sha256Hex(canonicalJson({ format, year, agency, cells, sections: nonEmpty, notes, signoff: signoff ?? null }));
}
