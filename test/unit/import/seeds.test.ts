import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBytes, type ImportOutcome } from '../../../core/import/index.js';
import { loadSeedFixture, seedFixturePath, SEED_FIXTURES } from '../rules/seed-fixtures.js';
import { expectedCells, SEED_EXPECTED } from './expected.js';

/**
 * The five real published reports in ../shared/seeds (not part of this repository: skipped
 * where absent). Every figure must come out as typed by hand, twice over: against the figures in
 * expected.ts and against the seed fixtures another engineer typed (test/fixtures/seeds).
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEEDS = resolve(ROOT, '../shared/seeds');
const present = existsSync(SEEDS);

function importSeed(id: string): Extract<ImportOutcome, { ok: true }> {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`seed ${id} not found in ${SEEDS}`);
  const out = importBytes(new Uint8Array(readFileSync(resolve(SEEDS, file))), file);
  if (!out.ok) throw new Error(`seed ${id}: ${out.message}`);
  return out;
}

describe.skipIf(!present)('the published seed reports (../shared/seeds)', () => {
  describe.each(Object.keys(SEED_EXPECTED))('seed %s', (id) => {
    const expected = SEED_EXPECTED[id]!;

    it('reads every figure as published, totals included', () => {
      const out = importSeed(id);
      expect(out.report.cells).toEqual(expectedCells(expected));
      expect(out.report.origin).toBe('imported');
    });

    it('detects the format, the year of the figures and the level', () => {
      const out = importSeed(id);
      expect(out.detected.format).toBe(expected.format);
      expect(out.detected.year).toBe(expected.year);
      expect(out.detected.level).toBe(expected.level);
      expect(out.report.year).toBe(expected.year);
    });

    const fixture = SEED_FIXTURES.find((f) => f === `seed-${id}`);
    it.skipIf(!fixture || !existsSync(seedFixturePath(fixture)))('agrees with the hand-typed seed fixture', () => {
      const want = loadSeedFixture(fixture!);
      const out = importSeed(id);
      expect(out.report.cells).toEqual(want.cells);
      expect(out.report.format).toBe(want.format);
      expect(out.report.year).toBe(want.year);
      expect(out.report.agency.name).toBe(want.agency.name);
      expect(out.report.agency.level).toBe(want.agency.level);
      expect(out.report.publishedTitles).toEqual(want.publishedTitles);
      expect(out.report.signoff?.date).toBe(want.signoff?.date);
    });
  });

  it('000: 2019 format, Traditional with pinyin, 六 missing', () => {
    const out = importSeed('000');
    expect(out.warnings.join('\n')).toMatch(/拼音/);
    expect(out.warnings.join('\n')).toMatch(/繁体/);
    expect(out.warnings.join('\n')).toContain('「六、其他需要报告的事项」');
    expect(out.normalizedText).not.toMatch(/\(xiāng\)|鄉|報/);
    expect(out.report.sections.s6).toBeUndefined();
    expect(out.report.sections.intro).toMatch(/^根据《中华人民共和国政府信息公开条例》（以下简称《条例》），/);
    expect(out.report.agency.contact.postcode).toBe('411217');
  });

  it('001: lost sub-row labels are read by position and flagged uncertain', () => {
    const out = importSeed('001');
    expect(out.warnings.filter((w) => w.includes('没有行名'))).toHaveLength(4);
    const lostRows = ['r3_3_1', 'r3_3_8', 'r3_4_3', 'r3_5_5', 'r3_6_3'];
    for (const row of lostRows) expect(out.uncertain).toContain(`t3.${row}.total`);
    expect(out.uncertain).not.toContain('t3.r1.np');
    expect(out.report.sections.s6).toMatch(/信息处理费/);
  });

  it('003: money in 万元 to 元, the 落款 becomes the sign-off', () => {
    const out = importSeed('003');
    expect(out.report.cells['t2.fee.amount']).toBe(177_320_000);
    expect(out.report.signoff?.date).toBe('2024-02-05');
    expect(out.report.sections.s6).toMatch(/电子邮箱：lyszfxxgk@163\.com）。$/);
    expect(out.report.agency.contact).toMatchObject({ postcode: '410300', email: 'lyszfxxgk@163.com' });
    expect(out.uncertain).toEqual([]);
  });

  it('004: free form, sections only, and the warning says so', () => {
    const out = importSeed('004');
    expect(out.report.format).toBe('free');
    expect(out.report.cells).toEqual({});
    expect(out.warnings.join('\n')).toMatch(/自由格式/);
    for (const key of ['intro', 's1', 's2', 's3', 's4', 's5'] as const) expect(out.report.sections[key]).toBeTruthy();
    expect(out.report.sections.s5!.split('\n')).toHaveLength(5);
    expect(out.report.sections.s1).toMatch(/^（一）[\s\S]*\n（十）/);
  });
});
