import type { Finding } from '../../../core/rules/index.js';

/**
 * The rules run again after every figure typed, and most of the time they say what they said
 * before. The window renders the findings list, the section counts and the cells' marks from the
 * findings, so a new array of equal findings would redraw all of them for nothing. This keeps
 * what is unchanged: the same array when every finding is as before, and otherwise the earlier
 * object for each finding that is equal to one before (so a memoised list item is not redrawn).
 */
export function stableFindings(before: readonly Finding[], after: readonly Finding[]): readonly Finding[] {
  if (before === after) return before;
  const earlier = new Map<string, Finding[]>();
  for (const f of before) {
    const key = identity(f);
    const list = earlier.get(key);
    if (list) list.push(f);
    else earlier.set(key, [f]);
  }
  let reused = 0;
  const out = after.map((f) => {
    const same = earlier.get(identity(f))?.shift();
    if (!same) return f;
    reused += 1;
    return same;
  });
  // nothing new, nothing gone, in the same order: the very array shown now
  if (reused === before.length && reused === after.length && out.every((f, i) => f === before[i])) return before;
  return out;
}

/** Everything a finding shows and does, as one string: two findings with the same are the same. */
function identity(f: Finding): string {
  return JSON.stringify([f.ruleId, f.severity, f.section, f.message, f.cells, f.fix ?? null]);
}
