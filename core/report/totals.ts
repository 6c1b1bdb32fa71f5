import { getFormat, type CellDef, type FormatId } from '../format/index.js';
import { madeInApp, type ReportData, type ReportFormat } from './model.js';

interface TotalsPlan {
  /** computed cells in an order where every part is computed before the total that uses it */
  ordered: CellDef[];
  ids: Set<string>;
}

const plans = new Map<FormatId, TotalsPlan>();

/** Worked out once per format: which cells are computed, and in which order to compute them. */
function plan(format: FormatId): TotalsPlan {
  let p = plans.get(format);
  if (p) return p;
  const defs = new Map(getFormat(format).cells.filter((c) => c.sumOf).map((c) => [c.id, c]));
  const ordered: CellDef[] = [];
  const visit = (id: string) => {
    const def = defs.get(id);
    if (!def || ordered.includes(def)) return;
    for (const part of def.sumOf!) visit(part);
    ordered.push(def);
  };
  for (const id of defs.keys()) visit(id);
  p = { ordered, ids: new Set(defs.keys()) };
  plans.set(format, p);
  return p;
}

export function isComputed(format: FormatId, cellId: string): boolean {
  return plan(format).ids.has(cellId);
}

/**
 * Fills every computed cell (the 总计 column and （七）总计 row of 表三, the 总计 of 表四) from
 * its parts. A total whose parts are all blank stays blank. Other cells are copied unchanged.
 */
export function withTotals(format: FormatId, cells: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...cells };
  for (const def of plan(format).ordered) {
    let sum = 0;
    let any = false;
    for (const part of def.sumOf!) {
      const v = out[part];
      if (v !== undefined) {
        sum += v;
        any = true;
      }
    }
    if (any) out[def.id] = sum;
    else delete out[def.id];
  }
  return out;
}

/** Drops computed cells, keeping only what the clerk entered. */
export function withoutTotals(format: FormatId, cells: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...cells };
  for (const id of plan(format).ids) delete out[id];
  return out;
}

// ---- the rule: which reports have computed totals ----

/** What the rule looks at: the format and where the figures came from. */
export interface TotalsOwner {
  format: ReportFormat;
  origin: ReportData['origin'];
}

/**
 * The one place that says when totals are computed: in a report made in the app, of a format
 * with tables. An imported report keeps its totals as published, so that the rules can show
 * where the published report does not add up; there every total is a figure like any other.
 */
export function computesTotals<R extends TotalsOwner>(report: R): report is R & { format: FormatId } {
  return report.format !== 'free' && madeInApp(report);
}

/** Whether a cell of this report is a computed total (shown read-only, never typed or stored). */
export function isComputedIn(report: TotalsOwner, cellId: string): boolean {
  return computesTotals(report) && isComputed(report.format, cellId);
}

/**
 * What the tables show: the entered figures, with the computed totals filled in where the report
 * computes them; else the report's own figures (not a copy: read them, do not change them).
 */
export function shownCells(report: TotalsOwner & { cells: Readonly<Record<string, number>> }): Readonly<Record<string, number>> {
  return computesTotals(report) ? withTotals(report.format, report.cells) : report.cells;
}

/** What the clerk entered: the figures without the computed totals, where the report computes them (else as they are). */
export function enteredCells(report: TotalsOwner & { cells: Readonly<Record<string, number>> }): Readonly<Record<string, number>> {
  return computesTotals(report) ? withoutTotals(report.format, report.cells) : report.cells;
}
