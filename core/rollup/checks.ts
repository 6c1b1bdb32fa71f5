import { cellDef, cellName, getFormat, type FormatId } from '../format/index.js';
import { fenToWan } from '../report/money.js';
import { shownFigures as shownCells } from './sum.js';
import { AGENCY_LEVEL_LABELS, type AgencyLevel } from '../report/model.js';
import type { UnitReport } from './sum.js';
import type { RollupUnit } from './units.js';

/**
 * Checks that look across the units' reports rather than into one: a parent whose figures are
 * not the sum of its units', and a unit far from its peers of the same level. Both are warnings
 * or hints, never errors — practice varies (a county's own report may hold its office's own
 * figures only), and an outlier may be true.
 */

export interface CrossFinding {
  kind: 'parent-sum' | 'outlier' | 'copy';
  severity: 'warning' | 'hint';
  /** the units concerned; the first is the one the finding is shown under */
  unitIds: number[];
  cells: string[];
  message: string;
}

const MAX_LISTED = 6;

function shown(format: FormatId, id: string, v: number): string {
  return cellDef(format, id)?.kind === 'money' ? `${fenToWan(v)} 万元` : String(v);
}

/**
 * Parent ≠ Σ of its units: for each unit with units under it, every cell where the parent's
 * figure is not the sum of its units' figures, with the units that have no report yet (their
 * figures are missing from the sum) and the units that make up the sum.
 */
export function parentSums(reports: readonly UnitReport[], roster: readonly RollupUnit[], format: FormatId): CrossFinding[] {
  const byUnit = new Map(reports.filter((r) => r.report.format === format).map((r) => [r.unit.id, r]));
  const out: CrossFinding[] = [];
  const ids = getFormat(format).cells.map((c) => c.id);
  for (const parent of roster) {
    const children = roster.filter((u) => u.parentId === parent.id);
    const own = byUnit.get(parent.id);
    if (!children.length || !own) continue;
    const present = children.filter((c) => byUnit.has(c.id));
    if (!present.length) continue;
    const missing = children.filter((c) => c.mustReport && !byUnit.has(c.id));
    const parentCells = shownCells(own.report);
    const childCells = present.map((c) => shownCells(byUnit.get(c.id)!.report));
    const differing: string[] = [];
    const lines: string[] = [];
    for (const id of ids) {
      let sum = 0;
      let any = false;
      for (const cells of childCells) {
        const v = cells[id];
        if (v !== undefined) {
          sum += v;
          any = true;
        }
      }
      const p = parentCells[id];
      if (!any && p === undefined) continue;
      if ((p ?? 0) === sum) continue;
      differing.push(id);
      if (lines.length < MAX_LISTED) lines.push(`${cellName(cellDef(format, id)!)}：本单位 ${p === undefined ? '空' : shown(format, id, p)}，所属单位合计 ${shown(format, id, sum)}`);
    }
    if (!differing.length) continue;
    const more = differing.length > MAX_LISTED ? `等 ${differing.length} 格` : '';
    const missingText = missing.length ? `；还没有收到 ${missing.map((m) => m.name).join('、')} 的报告，合计里没有它们的数字` : '';
    out.push({
      kind: 'parent-sum',
      severity: 'warning',
      unitIds: [parent.id, ...present.map((c) => c.id)],
      cells: differing,
      message:
        `${parent.name}的数字与所属 ${present.length} 个单位（${present.map((c) => c.name).join('、')}）的合计不一致：${lines.join('；')}${more}${missingText}。` +
        '本级报告只填本机关自己的数字时，这是正常的；如果本级报告应是全部合计，请核对',
    });
  }
  return out;
}

/** How far from the middle of its peers a figure must be to be pointed out. */
export const OUTLIER_FACTOR = 100;
/** Peers needed before a median means anything. */
const MIN_PEERS = 3;

/** Cells a township or street office has no business filling: it makes no 规章 (立法法 第九十三条). */
const NOT_FOR_TOWNSHIPS = new Set(['t2.reg.made', 't2.reg.repealed', 't2.reg.valid', 't2.reg.new_made', 't2.reg.new_published', 't2.reg.total_public']);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * A unit far from its peers of the same level: a township or street with 规章 > 0, or a figure
 * more than OUTLIER_FACTOR times the median of the same cell over the units of that level
 * (computed totals left out: their parts are checked). Hints: the figure may be right.
 */
export function outliers(reports: readonly UnitReport[], format: FormatId): CrossFinding[] {
  const out: CrossFinding[] = [];
  const mine = reports.filter((r) => r.report.format === format);
  for (const r of mine) {
    if (r.unit.level !== 'township' && r.unit.level !== 'street') continue;
    const cells = shownCells(r.report);
    const filled = [...NOT_FOR_TOWNSHIPS].filter((id) => (cells[id] ?? 0) > 0);
    if (filled.length) {
      out.push({
        kind: 'outlier',
        severity: 'warning',
        unitIds: [r.unit.id],
        cells: filled,
        message: `${r.unit.name}是${AGENCY_LEVEL_LABELS[r.unit.level]}，乡镇、街道不制定规章，但填了 ${filled.map((id) => `${cellName(cellDef(format, id)!)} ${cells[id]}`).join('、')}。请核对是否填到了行政规范性文件一行`,
      });
    }
  }
  const byLevel = new Map<AgencyLevel, UnitReport[]>();
  for (const r of mine) byLevel.set(r.unit.level, [...(byLevel.get(r.unit.level) ?? []), r]);
  const entered = getFormat(format).cells.filter((c) => !c.sumOf && c.kind !== 'delta');
  for (const [level, peers] of byLevel) {
    if (peers.length < MIN_PEERS) continue;
    const shownOf = peers.map((p) => shownCells(p.report));
    for (const def of entered) {
      const values = shownOf.map((c) => c[def.id]).filter((v): v is number => v !== undefined);
      if (values.length < MIN_PEERS) continue;
      const mid = median(values);
      if (mid <= 0) continue;
      peers.forEach((p, i) => {
        const v = shownOf[i]![def.id];
        if (v === undefined || v <= mid * OUTLIER_FACTOR) return;
        out.push({
          kind: 'outlier',
          severity: 'hint',
          unitIds: [p.unit.id],
          cells: [def.id],
          message: `${p.unit.name}的${cellName(def)}是 ${shown(format, def.id, v)}，是同为${AGENCY_LEVEL_LABELS[level]}的 ${peers.length} 个单位中位数（${shown(format, def.id, Math.round(mid))}）的 ${Math.round(v / mid)} 倍。请核对是否多写了位数或单位`,
        });
      });
    }
  }
  return out;
}
