/**
 * Dates as a clerk writes them (issue 12): 2026-01-15, 2026年1月15日, 2026.1.15, 2026/1/15,
 * 20260115, in full-width digits too. The browser's own date box shows the computer's locale
 * (`mm/dd/yyyy` on many), so the window reads and shows dates itself. Pure: tested without a DOM.
 */

const FULL_WIDTH = /[０-９]/g;

/** The ISO date (yyyy-mm-dd) a text names, or null when it names no real day. */
export function parseDateText(raw: string): string | null {
  const text = raw.replace(FULL_WIDTH, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-./年](\d{1,2})[-./月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 「2026年1月15日」 for an ISO date; anything else as it is. */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
