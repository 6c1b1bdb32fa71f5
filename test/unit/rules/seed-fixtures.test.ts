import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getFormat, t3ResultRowKeys, T3_COLUMNS, T3_OPEN_COLUMNS, T4_GROUPS } from '../../../core/format/index.js';
import { parseReportFile } from '../../../core/report/index.js';
import { loadSeedFixture, SEED_FIXTURES, seedFixturePath } from './seed-fixtures.js';

const t3 = (r: Record<string, number>, row: string, col = 'total') => r[`t3.${row}.${col}`];

describe('seed fixtures', () => {
  it.each(SEED_FIXTURES)('%s parses with parseReportFile, imported, every cell of its format present', (name) => {
    const result = parseReportFile(readFileSync(seedFixturePath(name), 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const { report } = result;
    expect(report.origin).toBe('imported');
    if (report.format === 'free') throw new Error('seed fixtures have tables');
    const ids = getFormat(report.format).cells.map((c) => c.id);
    expect(Object.keys(report.cells).sort()).toEqual([...ids].sort());
  });

  it('000 (2020, 2019 format): （七）总计 printed as 0 although （一）予以公开 is 3 (spec §5)', () => {
    const r = loadSeedFixture('seed-000');
    expect([r.format, r.year]).toEqual(['2019', 2020]);
    expect(t3(r.cells, 'r1', 'oth')).toBe(3);
    expect(t3(r.cells, 'r1')).toBe(3);
    expect(t3(r.cells, 'r3_1', 'oth')).toBe(3);
    expect(t3(r.cells, 'r3_1')).toBe(3);
    expect(t3(r.cells, 'r3_6')).toBe(0);
    for (const c of T3_COLUMNS) expect(t3(r.cells, 'r3_7', c.key)).toBe(0);
    // 3 + 0 ≠ 0 + 0: the published 勾稽关系 does not hold
    expect(t3(r.cells, 'r1')! + t3(r.cells, 'r2')!).not.toBe(t3(r.cells, 'r3_7')! + t3(r.cells, 'r4')!);
    expect(r.cells['t2.norm.new_made']).toBe(3);
    expect(r.cells['t2.norm.total_public']).toBe(0);
    expect(r.publishedTitles?.s6).toBeUndefined();
    expect(r.sections.s6).toBeUndefined();
  });

  it('001 (2021): 4 new applications, all disclosed', () => {
    const r = loadSeedFixture('seed-001');
    expect([t3(r.cells, 'r1'), t3(r.cells, 'r2'), t3(r.cells, 'r3_1'), t3(r.cells, 'r3_7'), t3(r.cells, 'r4')]).toEqual([4, 0, 4, 4, 0]);
  });

  it('002 (2021): every figure 0, 六 just 「无」', () => {
    const r = loadSeedFixture('seed-002');
    expect(Object.values(r.cells).every((v) => v === 0)).toBe(true);
    expect(r.sections.s6).toBe('无');
  });

  it('003 (2023): 224 + 8 = 210 + 22, results sum to 210, 表四 totals add up, fee 17732 万元', () => {
    const r = loadSeedFixture('seed-003');
    const c = r.cells;
    expect([t3(c, 'r1'), t3(c, 'r2'), t3(c, 'r3_7'), t3(c, 'r4')]).toEqual([224, 8, 210, 22]);
    for (const col of T3_COLUMNS) {
      expect(t3(c, 'r1', col.key)! + t3(c, 'r2', col.key)!).toBe(t3(c, 'r3_7', col.key)! + t3(c, 'r4', col.key)!);
      const results = t3ResultRowKeys('2021').reduce((s, row) => s + t3(c, row, col.key)!, 0);
      expect(results).toBe(t3(c, 'r3_7', col.key));
    }
    for (const row of ['r1', 'r2', 'r3_7', 'r4']) {
      expect(T3_OPEN_COLUMNS.reduce((s, col) => s + t3(c, row, col)!, 0)).toBe(t3(c, row));
    }
    for (const g of T4_GROUPS) {
      const parts = ['upheld', 'corrected', 'other', 'pending'].reduce((s, k) => s + c[`t4.${g.key}.${k}`]!, 0);
      expect(parts).toBe(c[`t4.${g.key}.total`]);
    }
    expect([c['t4.rev.total'], c['t4.lit_direct.total'], c['t4.lit_after.total']]).toEqual([4, 4, 1]);
    expect(c['t2.fee.amount']).toBe(17732 * 1_000_000); // 分 in the domain
    expect(r.signoff?.date).toBe('2024-02-05');
  });
});
