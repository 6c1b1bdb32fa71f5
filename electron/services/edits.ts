import { AppError, type Handlers, type ReportEdit, type SaveAck } from '../../core/api.js';
import type { ProseKey } from '../../core/report/index.js';
import type { Store } from '../store/index.js';
import type { ReportMeta } from '../store/reports.js';
import { canAccept, findingKey } from '../../core/rules/index.js';
import { checkCellChanges, checkNoteCell, editableOrFail, loadReport } from './reports.js';
import { findingsOf } from './signoff.js';

/**
 * Changing a report's content: figures, prose, cell notes, accepted warnings, carried mentions
 * confirmed. `report.save` takes any mix of them — the window's save queue sends what it holds
 * as one save — and stores them in one transaction, all or none; the older one-kind methods are
 * the same path with one kind of edit. Every save moves the report's revision one up.
 */

/** Checks every edit of a save before any is written: a save is refused whole. */
function checkEdits(store: Store, reportId: number, edits: readonly ReportEdit[]) {
  const summary = editableOrFail(store, reportId);
  const cells = edits.flatMap((e) => (e.kind === 'cell' ? [e] : []));
  if (cells.length) checkCellChanges(summary, cells);
  for (const e of edits) if (e.kind === 'note') checkNoteCell(summary, e.cellId);
}

/** A carried year or figure the clerk confirmed is no longer 「待更新」. */
function confirmMention(store: Store, reportId: number, key: ProseKey, mention: string): void {
  const meta = store.reports.meta(reportId);
  const pending = meta.carry?.pending[key];
  if (!meta.carry || !pending) return;
  const rest = pending.filter((m) => m !== mention);
  const next: ReportMeta = { ...meta, carry: { ...meta.carry, pending: { ...meta.carry.pending, [key]: rest } } };
  if (!rest.length) delete next.carry!.pending[key];
  store.reports.setMeta(reportId, next);
}

/**
 * An acceptance is stored only for a warning or hint the rules raise on the report as the save
 * leaves it (a figure in the same save may be what raises it): a key that names no finding would
 * sit in the store and in every report file unseen. Withdrawing one is always allowed.
 */
function checkAcceptances(store: Store, reportId: number, edits: readonly ReportEdit[]): void {
  const keys = edits.flatMap((e) => (e.kind === 'ack' && e.reason !== null ? [e.key] : []));
  if (!keys.length) return;
  const raised = new Set(findingsOf(store, reportId, loadReport(store, reportId).data).filter(canAccept).map(findingKey));
  if (keys.some((k) => !raised.has(k))) {
    throw new AppError(
      'refused',
      '要接受的这条提醒在报告里已经没有了（可能相关的数字或文字已经改过），不需要再接受。请看一下提醒列表里现在还有哪些提醒。',
    );
  }
}

/**
 * A window saves on the revision it holds: when another window, tab or the command line saved the
 * report meanwhile, the save is refused whole, so that the window can show both texts instead of
 * overwriting the other's silently (issue 12). Checked inside the write transaction.
 */
function checkRevision(store: Store, reportId: number, baseRevision: number | undefined): void {
  if (baseRevision === undefined) return;
  const now = store.reports.summary(reportId)?.revision;
  if (now !== undefined && now !== baseRevision) {
    throw new AppError('stale', '这份报告刚才在另一个窗口（或命令行）里改过并保存了。这个窗口的修改还在，没有保存：请比较两边的内容，选择保留哪一份。');
  }
}

/** Stores a save: checked first, then written in one transaction that also moves the revision. */
export function applyEdits(store: Store, reportId: number, edits: readonly ReportEdit[], at: string, baseRevision?: number): SaveAck {
  checkEdits(store, reportId, edits);
  const revision = store.transaction(() => {
    checkRevision(store, reportId, baseRevision);
    for (const e of edits) {
      switch (e.kind) {
        case 'cell':
          store.reports.setCell(reportId, e.cellId, e.value);
          break;
        case 'section':
          store.reports.setSection(reportId, e.key, e.text, at);
          break;
        case 'note':
          store.reports.setNote(reportId, e.cellId, e.note);
          break;
        case 'ack':
          if (e.reason === null) store.reports.clearAcknowledgement(reportId, e.key);
          else store.reports.setAcknowledgement(reportId, e.key, e.reason, at);
          break;
        case 'confirm':
          confirmMention(store, reportId, e.key, e.mention);
          break;
        case 'table-confirmation': {
          const meta = store.reports.meta(reportId);
          const confirmations = { ...meta.confirmations };
          if (e.value) confirmations[e.table] = e.value;
          else delete confirmations[e.table];
          store.reports.setMeta(reportId, { ...meta, confirmations });
          break;
        }
      }
    }
    // after the save's other edits, inside the transaction: a refused acceptance undoes the whole save
    checkAcceptances(store, reportId, edits);
    return store.reports.touch(reportId, at);
  });
  return { savedAt: at, revision };
}

type EditMethods = 'report.save' | 'cells.set' | 'section.set' | 'ack.set' | 'ack.clear' | 'cell.note' | 'carry.confirm';

export function editHandlers(store: Store, now: () => string): Pick<Handlers, EditMethods> {
  const save = (reportId: number, edits: readonly ReportEdit[], baseRevision?: number) => applyEdits(store, reportId, edits, now(), baseRevision);
  return {
    'report.save': ({ reportId, edits, baseRevision }) => save(reportId, edits, baseRevision),
    'cells.set': ({ reportId, changes }) => save(reportId, changes.map((c) => ({ kind: 'cell', ...c }))),
    'section.set': ({ reportId, key, text }) => save(reportId, [{ kind: 'section', key, text }]),
    'ack.set': ({ reportId, key, reason }) => save(reportId, [{ kind: 'ack', key, reason }]),
    'ack.clear': ({ reportId, key }) => save(reportId, [{ kind: 'ack', key, reason: null }]),
    'cell.note': ({ reportId, cellId, note }) => save(reportId, [{ kind: 'note', cellId, note }]),
    'carry.confirm': ({ reportId, key, mention }) => save(reportId, [{ kind: 'confirm', key, mention }]),
  };
}
