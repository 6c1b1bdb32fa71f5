import { describe, expect, it } from 'vitest';
import { linesMatching, repoFiles } from './files.js';

/**
 * 「Totals are computed only in reports made in the app」 is one domain rule. It is written once,
 * in core/report/totals.ts (computesTotals, isComputedIn, shownCells, enteredCells); whoever needs
 * it calls those. A restatement elsewhere would drift from it sooner or later.
 */
const APP_CODE = repoFiles(['core', 'electron', 'renderer']);

describe('the computed-totals rule is defined once', () => {
  it('only core/report/model.ts compares a report’s origin with 「app」 (madeInApp)', () => {
    expect(linesMatching(APP_CODE, /origin\s*[!=]==\s*'app'|'app'\s*[!=]==\s*\w*\.?origin/).filter((l) => !l.startsWith('core/report/model.ts:'))).toEqual([]);
  });

  it('only core/report/totals.ts fills in or strips the totals', () => {
    expect(linesMatching(APP_CODE, /\bwith(out)?Totals\(/).filter((l) => !l.startsWith('core/report/totals.ts:'))).toEqual([]);
  });
});
