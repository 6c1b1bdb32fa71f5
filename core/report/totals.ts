import { getFormat, type CellDef, type FormatId } from '../format/index.js';

function computedCells(format: FormatId): CellDef[] {
  return getFormat(format).cells.filter((c) => c.sumOf);
}

export function isComputed(format: FormatId, cellId: string): boolean {
  return computedCells(format).some((c) => c.id === cellId);
}

/**
 * Fills every computed cell (the 总计 column and （七）总计 row of 表三, the 总计 of 表四) from
 * its parts. A total whose parts are all blank stays blank. Other cells are copied unchanged.
 */
export function withTotals(format: FormatId, cells: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...cells };
  const defs = new Map(computedCells(format).map((c) => [c.id, c]));
  const done = new Set<string>();
  const compute = (id: string): number | undefined => {
    const def = defs.get(id);
    if (!def?.sumOf) return out[id];
    if (done.has(id)) return out[id];
    let sum = 0;
    let any = false;
    for (const part of def.sumOf) {
      const v = compute(part);
      if (v !== undefined) {
        sum += v;
        any = true;
      }
    }
    done.add(id);
    if (any) out[id] = sum;
    else delete out[id];
    return out[id];
  };
  for (const id of defs.keys()) compute(id);
  return out;
}

/** Drops computed cells, keeping only what the clerk entered. */
export function withoutTotals(format: FormatId, cells: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...cells };
  for (const c of computedCells(format)) delete out[c.id];
  return out;
}
