import { expect, it } from 'vitest';
import { KINDS } from '../../fuzz/import-corpus.js';
import { describeFuzz, runFuzz } from '../../../scripts/fuzz-import.js';

/**
 * A sample of the import fuzz corpus (the whole: `npm run fuzz:import -- --cases 1000`): every
 * kind of broken or hostile file once — random bytes, cut and corrupted Word files, zip bombs of
 * each kind, XML bombs, deep HTML, huge tables, bad encodings, JSON bombs, broken PDFs. Each is
 * answered within 5 s of processor time with a result or a Chinese refusal, never a throw, and
 * the importing process stays within its memory bound.
 */
const PEAK_RSS_BOUND = 768 * 1024 * 1024;

it('every kind of broken file is answered in time, in Chinese, within the memory bound', async () => {
  const figures = await runFuzz({ cases: Object.keys(KINDS).length, seed: 16 });
  console.log(describeFuzz(figures));
  expect(figures.problems).toEqual([]);
  expect(figures.cases).toBe(Object.keys(KINDS).length);
  expect(figures.hangs + figures.slow + figures.crashes + figures.mute).toBe(0);
  expect(figures.peakRss).toBeLessThan(PEAK_RSS_BOUND);
  // the corpus is not all refusals: some broken files still read
  expect(figures.results + figures.refusals).toBe(figures.cases);
}, 240_000);
