import { AppError, type Board, type BoardRow, type CountyChecks, type ReportDetail } from '../../../core/api.js';
import { sectionHeading, SECTIONS, type FormatId } from '../../../core/format/index.js';
import { openRemarks } from '../../../core/package/index.js';
import { resolveTokens } from '../../../core/report/index.js';
import {
  deadlineFor,
  findCopies,
  officialBoilerplate,
  onTime,
  onTimeRate,
  outliers,
  parentSums,
  unitState,
  UNIT_STATE_LABELS,
  type CrossFinding,
  type RollupUnit,
  type UnitReport,
} from '../../../core/rollup/index.js';
import { proseLabel } from '../../../core/rules/context.js';
import type { Store } from '../../store/index.js';
import type { CollectedMeta, UnitRow } from '../../store/county.js';
import { countySettings, localDeadline, toRecord } from './workspace.js';

/**
 * The status board (every unit with where its report stands, its errors and warnings, its
 * publication against its deadline, the on-time rate), the checks across units, and a collected
 * report opened for review — read-only, in the same screen as the office's own reports.
 */

export function rollupUnit(u: UnitRow): RollupUnit {
  return { id: u.id, name: u.name, level: u.level, ...(u.parentId ? { parentId: u.parentId } : {}), ...(u.code ? { code: u.code } : {}), mustReport: u.mustReport };
}

export function remarkCounts(c: CollectedMeta): BoardRow['remarks'] {
  if (!c.thread) return undefined;
  const remarks = c.thread.items.filter((i) => i.from === 'county' && !i.replyTo);
  if (!remarks.length) return undefined;
  const answered = new Set(c.thread.items.filter((i) => i.from === 'unit' && i.replyTo).map((i) => i.replyTo));
  return { total: remarks.length, answered: remarks.filter((r) => answered.has(r.id)).length, open: openRemarks(c.thread).length };
}

export function board(store: Store, year: number): Board {
  const county = countySettings(store);
  const local = localDeadline(county);
  const units = store.county.units();
  const names = new Map(units.map((u) => [u.id, u.name]));
  const collected = new Map(store.county.collectedMeta(year).map((c) => [c.unitId, c]));
  const rows: BoardRow[] = units.map((u) => {
    const c = collected.get(u.id);
    const state = unitState(
      c && {
        state: c.state,
        receivedAt: c.receivedAt,
        errors: c.errors,
        ...(c.publishedOn ? { publishedOn: c.publishedOn } : {}),
        ...(c.returnedAt ? { returnedAt: c.returnedAt } : {}),
      },
    );
    const deadline = deadlineFor(u.level, year, local);
    const remarks = c && remarkCounts(c);
    return {
      unit: toRecord(u),
      ...(u.parentId && names.has(u.parentId) ? { parentName: names.get(u.parentId)! } : {}),
      state,
      stateLabel: UNIT_STATE_LABELS[state],
      ...(c
        ? {
            collectedId: c.id,
            source: c.source,
            receivedAt: c.receivedAt,
            ...(c.publishedOn ? { publishedOn: c.publishedOn } : {}),
            ...(c.publishedUrl ? { publishedUrl: c.publishedUrl } : {}),
          }
        : {}),
      errors: c?.errors ?? 0,
      warnings: c?.warnings ?? 0,
      deadline,
      onTime: onTime(c?.publishedOn || undefined, deadline),
      ...(remarks ? { remarks } : {}),
    };
  });
  const counts: Board['counts'] = {};
  for (const r of rows) counts[r.state] = (counts[r.state] ?? 0) + 1;
  return {
    year,
    county,
    rows,
    onTime: onTimeRate(rows.map((r) => ({ mustReport: r.unit.mustReport, ...(r.publishedOn ? { publishedOn: r.publishedOn } : {}), deadline: r.deadline }))),
    counts,
  };
}

/** The collected reports of a year with their units, for the checks and the roll-up. */
export function unitReports(store: Store, year: number, unitIds?: readonly number[]): UnitReport[] {
  const units = new Map(store.county.units().map((u) => [u.id, u]));
  const chosen = unitIds ? new Set(unitIds) : undefined;
  return store.county
    .collected(year)
    .filter((c) => units.has(c.unitId) && (!chosen || chosen.has(c.unitId)))
    .map((c) => ({ unit: rollupUnit(units.get(c.unitId)!), report: c.report }));
}

/** The prose parts compared for copies: 总体情况, 存在的主要问题, 其他需要报告的事项. */
const COMPARED = ['s1', 's5', 's6'] as const;

export function countyChecks(store: Store, year: number): CountyChecks {
  const reports = unitReports(store, year);
  const roster = store.county.units().map(rollupUnit);
  const format: FormatId = year <= 2020 ? '2019' : '2021';
  const names = new Map(roster.map((u) => [u.id, u.name]));
  const texts = reports.flatMap((r) =>
    COMPARED.map((section) => ({ unitId: r.unit.id, section, text: resolveTokens(r.report.sections[section] ?? '', r.report.format, r.report.cells) })),
  );
  const pairs = findCopies(texts, { boilerplate: officialBoilerplate(format, reports.map((r) => r.report)) });
  const label = (key: string) => {
    const s = SECTIONS.find((x) => x.key === key);
    return s ? sectionHeading(s) : proseLabel(key as never);
  };
  const copies = pairs.map((p) => ({ ...p, aName: names.get(p.a) ?? '', bName: names.get(p.b) ?? '', sectionLabel: label(p.section) }));
  const copyFindings: CrossFinding[] = copies.map((p) => ({
    kind: 'copy',
    severity: p.share >= 0.5 ? 'warning' : 'hint',
    unitIds: [p.a, p.b],
    cells: [],
    message: `${p.aName}与${p.bName}的「${p.sectionLabel}」有 ${Math.round(p.share * 100)}% 的文字相同（共 ${p.sharedChars} 字，不计格式规定的文字），可能互相照抄。请并排查看相同的段落`,
  }));
  return { year, findings: [...parentSums(reports, roster, format), ...outliers(reports, format), ...copyFindings], copies };
}

/** A collected report, as the review screen opens it: read-only, with the county's remarks. */
export function openCollected(store: Store, collectedId: number): ReportDetail {
  const c = store.county.collectedOne(collectedId);
  if (!c) throw new AppError('not_found', '找不到这份收到的报告，可能已被替换或删除');
  const unit = store.county.unit(c.unitId);
  const { report } = c;
  const filled = Object.keys(report.cells).length;
  return {
    summary: {
      id: c.id,
      agencyId: c.unitId,
      year: c.year,
      format: report.format,
      state: c.state,
      origin: report.origin,
      createdAt: c.receivedAt,
      updatedAt: c.receivedAt,
      revision: 0,
      filledCells: filled,
    },
    agency: { id: c.unitId, ...report.agency, name: unit?.name ?? report.agency.name, createdAt: c.receivedAt, updatedAt: c.receivedAt },
    data: report,
    acknowledgements: [],
    readOnly: true,
    ...(c.thread ? { review: { from: countySettings(store).name, createdAt: c.returnedAt || c.receivedAt, thread: c.thread } } : {}),
  };
}
