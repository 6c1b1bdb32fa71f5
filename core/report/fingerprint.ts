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
 * What the fingerprint reads has grown once, so a stored fingerprint names its version:
 *  - 1, stored 「sha256:…」: agency, year, format, figures, texts, notes, sign-off (reports signed
 *    before issue 12);
 *  - 2, stored 「sha256-2:…」: the same and the 表三/表四 confirmations (where the figures come from,
 *    who confirmed them, 「本年确无」), which the 审批单 prints: a signed copy whose confirmations
 *    were changed no longer verifies.
 * New signatures take the latest; a stored one is checked again with the version it names, so
 * every report signed before still verifies (fingerprintMatches).
 */
export type FingerprintVersion = 1 | 2;
export const FINGERPRINT_VERSION: FingerprintVersion = 2;
const PREFIXES: Record<FingerprintVersion, string> = { 1: 'sha256', 2: 'sha256-2' };

/**
 * The SHA-256 fingerprint of what a report says: agency, year, format, every figure, every text,
 * the notes, the sign-off and (version 2) the confirmations of 表三/表四. Re-exporting the same
 * version gives the same fingerprint; any edit changes it. Bookkeeping that is not content (carry
 * highlights, origin) is left out.
 */
export function reportFingerprint(report: ReportData, version: FingerprintVersion = FINGERPRINT_VERSION): string {
  const { format, year, agency, sections, notes, signoff } = report;
  const nonEmpty = Object.fromEntries(Object.entries(sections).filter(([, text]) => text && text.trim()));
  const cells = fingerprintCells(report);
  const content: Record<string, unknown> = { format, year, agency, cells, sections: nonEmpty, notes, signoff: signoff ?? null };
  if (version >= 2) content.confirmations = report.confirmations ?? {};
  return sha256Hex(canonicalJson(content));
}

/** The stored form, which says what kind of fingerprint it is: 「sha256-2:…」. */
export function storedFingerprint(report: ReportData, version: FingerprintVersion = FINGERPRINT_VERSION): string {
  return `${PREFIXES[version]}:${reportFingerprint(report, version)}`;
}

/** The version a stored fingerprint names; undefined for a form this app never wrote. */
export function fingerprintVersionOf(stored: string): FingerprintVersion | undefined {
  const prefix = stored.slice(0, stored.indexOf(':'));
  const found = (Object.entries(PREFIXES) as [string, string][]).find(([, p]) => p === prefix);
  return found ? (Number(found[0]) as FingerprintVersion) : undefined;
}

/** Whether a report says exactly what a stored fingerprint (of any version) was taken of. */
export function fingerprintMatches(report: ReportData, stored: string): boolean {
  const version = fingerprintVersionOf(stored);
  return version !== undefined && storedFingerprint(report, version) === stored;
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
