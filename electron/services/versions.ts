import { AppError, type Handlers, type VersionSide, type VersionSummary } from '../../core/api.js';
import { compareSnapshots, makeSnapshot, quickContentHash, type ReportSnapshot } from '../../core/report/versions.js';
import type { Store } from '../store/index.js';
import { reportOrFail } from './reports.js';

/**
 * Versions of a report (issue 4): 「保存版本」 freezes the whole report under a name; any two
 * versions, or a version and the current draft, compare; restoring first keeps the current
 * state as a version of its own, then writes the old content back and records that as a new
 * version. Nothing here ever changes or removes a version.
 */

type VersionMethods = 'version.list' | 'version.create' | 'version.get' | 'version.compare' | 'version.restore';

/** The label a restore gives the version it produces. */
export function restoredLabel(label: string): string {
  return `恢复自：${label}`;
}

export const BEFORE_RESTORE_LABEL = '恢复前的内容（自动保存）';

/** The report as it is stored now, frozen (also what 「定稿」 signs, electron/services/signoff.ts). */
export function storedSnapshot(store: Store, reportId: number): ReportSnapshot {
  const loaded = store.reports.load(reportId);
  if (!loaded) throw new AppError('not_found', '找不到这份报告，可能已被删除');
  return makeSnapshot({
    ...loaded.row,
    cells: loaded.cells,
    sections: loaded.sections,
    notes: loaded.notes,
    signoff: loaded.signoff,
    ...(loaded.meta.confirmations ? { confirmations: loaded.meta.confirmations } : {}),
  });
}

export function versionHandlers(store: Store, now: () => string): Pick<Handlers, VersionMethods> {
  const currentSnapshot = (reportId: number): ReportSnapshot => storedSnapshot(store, reportId);

  const versionOrFail = (reportId: number, versionId: number) => {
    const version = store.versions.get(reportId, versionId);
    if (!version) throw new AppError('not_found', `找不到编号为 ${versionId} 的版本，它不属于这份报告`);
    return version;
  };

  const side = (reportId: number, ref: number | 'current'): { side: VersionSide; snapshot: ReportSnapshot } => {
    if (ref === 'current') {
      const snapshot = currentSnapshot(reportId);
      return { side: { kind: 'current', fingerprint: quickContentHash(snapshot) }, snapshot };
    }
    const { snapshot, ...version } = versionOrFail(reportId, ref);
    return { side: { kind: 'version', version }, snapshot };
  };

  return {
    'version.list': ({ reportId }) => {
      reportOrFail(store, reportId);
      return store.versions.list(reportId);
    },

    'version.create': ({ reportId, label, author }) => {
      reportOrFail(store, reportId);
      return store.transaction(() => {
        const snapshot = currentSnapshot(reportId);
        return store.versions.insert(reportId, { label, author, kind: 'manual', fingerprint: quickContentHash(snapshot), snapshot }, now());
      });
    },

    'version.get': ({ reportId, versionId }) => {
      reportOrFail(store, reportId);
      return versionOrFail(reportId, versionId);
    },

    'version.compare': ({ reportId, from, to }) => {
      const summary = reportOrFail(store, reportId);
      const left = side(reportId, from);
      const right = side(reportId, to);
      return { ...compareSnapshots(left.snapshot, right.snapshot), from: left.side, to: right.side, format: summary.format };
    },

    'version.restore': ({ reportId, versionId, author }) => {
      const summary = reportOrFail(store, reportId);
      if (summary.state === 'signed') {
        throw new AppError('refused', `${summary.year} 年报告已定稿，不能恢复旧版本。如需修改，请先在「定稿」处说明理由，生成新的修改版本。`);
      }
      const target = versionOrFail(reportId, versionId);
      return store.transaction(() => {
        const at = now();
        // the state being replaced is kept first, unless the latest version already holds exactly it
        const current = currentSnapshot(reportId);
        const fingerprint = quickContentHash(current);
        let before: VersionSummary | undefined;
        if (store.versions.latest(reportId)?.fingerprint !== fingerprint) {
          before = store.versions.insert(reportId, { label: BEFORE_RESTORE_LABEL, author, kind: 'auto', fingerprint, snapshot: current }, at);
        }
        store.versions.writeContent(reportId, target.snapshot, at);
        store.reports.touch(reportId, at);
        const restored = store.versions.insert(
          reportId,
          { label: restoredLabel(target.label), author, kind: 'restore', fingerprint: quickContentHash(target.snapshot), snapshot: target.snapshot },
          at,
        );
        return before ? { before, restored } : { restored };
      });
    },
  };
}
