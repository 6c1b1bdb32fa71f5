import { describe, expect, it } from 'vitest';
import { formatDateZh, parseDateText } from '../../../renderer/components/date.js';

describe('date fields read dates as a clerk writes them (issue 12)', () => {
  it('reads ISO, 年月日, dots, slashes, eight digits and full-width digits; shows 年月日', () => {
    for (const text of ['2026-01-15', '2026-1-15', '2026年1月15日', '2026 年 1 月 15 日', '2026.1.15', '2026/01/15', '20260115', '２０２６年１月１５日', '2026年01月15']) {
      expect(parseDateText(text), text).toBe('2026-01-15');
    }
    expect(formatDateZh('2026-01-15')).toBe('2026年1月15日');
    expect(parseDateText(formatDateZh('2025-12-31'))).toBe('2025-12-31');
  });

  it('refuses what names no real day, rather than guessing', () => {
    for (const text of ['', '01/15/2026', '2026-02-30', '2026年13月1日', '2026', '1月15日', '2026-1', 'abc']) {
      expect(parseDateText(text), text).toBeNull();
    }
  });
});
