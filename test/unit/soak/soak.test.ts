import { expect, it } from 'vitest';
import { describeFigures, runSoak } from '../../../scripts/soak.js';

/**
 * The short soak of `npm test` (the long one: `npm run soak -- --cycles 500 --minutes 30`):
 * browser mode killed with SIGKILL 30 times, mid-burst or while starting, with three clients
 * saving; every acknowledged save is there after the restart, whole, and the files pass
 * integrity_check as the kill left them. Needs dist/web.cjs (npm test builds first).
 */
it('30 SIGKILLs: no acknowledged save lost or torn, no damage, every restart usable', async () => {
  const figures = await runSoak({ cycles: 30, minutes: 4, clients: 3, seed: 16 });
  console.log(describeFigures(figures));
  expect(figures.problems).toEqual([]);
  expect(figures.cycles).toBe(30);
  expect(figures.losses).toBe(0);
  expect(figures.torn).toBe(0);
  expect(figures.integrityFailures).toBe(0);
  expect(figures.failedRestarts).toBe(0);
  // the burst did happen: many saves were acknowledged and then checked
  expect(figures.acknowledged).toBeGreaterThan(100);
}, 300_000);
