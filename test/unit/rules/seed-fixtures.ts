import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReportFile, type ReportData } from '../../../core/report/index.js';
import type { SectionKey } from '../../../core/format/index.js';

/** The hand-typed seed fixtures (test/fixtures/seeds/README.md). */
export const SEED_FIXTURES = ['seed-000', 'seed-001', 'seed-002', 'seed-003'] as const;
export type SeedFixture = (typeof SEED_FIXTURES)[number];

export function seedFixturePath(name: SeedFixture): string {
  return fileURLToPath(new URL(`../../fixtures/seeds/${name}.nianbao.json`, import.meta.url));
}

/**
 * Reads a seed fixture with parseReportFile, then carries over `publishedTitles`, which the
 * report file reader does not know about (an importer sets it on ReportData directly).
 */
export function loadSeedFixture(name: SeedFixture): ReportData {
  const text = readFileSync(seedFixturePath(name), 'utf8');
  const result = parseReportFile(text);
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  if (result.warnings.length) throw new Error(`${name}: ${result.warnings.join('; ')}`);
  const raw = JSON.parse(text) as { publishedTitles?: Partial<Record<SectionKey, string>> };
  return { ...result.report, ...(raw.publishedTitles ? { publishedTitles: raw.publishedTitles } : {}) };
}
