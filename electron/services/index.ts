import type { AppInfo, Handlers } from '../../core/api.js';
import type { Store } from '../store/index.js';
import type { StoreKeeper } from '../store/keeper.js';
import { agencyHandlers } from './agencies.js';
import { backupHandlers } from './backup.js';
import { carryHandlers } from './carry.js';
import { combineHandlers } from './combine.js';
import { compareHandlers } from './compare.js';
import { countyHandlers } from './county/index.js';
import { editHandlers } from './edits.js';
import { exportHandlers, type ExportHost } from './export.js';
import { importHandlers } from './import.js';
import { packageHandlers } from './package.js';
import { reportHandlers } from './reports.js';
import { signoffHandlers } from './signoff.js';
import { sourceAwareImport } from './sources.js';
import { versionHandlers } from './versions.js';
import { xlsxHandlers } from './xlsx.js';

export interface ServiceContext {
  store: Store;
  info: Omit<AppInfo, 'dataDir' | 'dbFile'>;
  /** the clock, replaceable in tests */
  now?: () => string;
  /** how the host saves, prints and makes PDFs (Electron); absent: bytes back to the caller (browser mode, command line) */
  exportHost?: ExportHost;
  /** the running host's keeper of the store: backups before 定稿, restores (absent in tests of other services) */
  keeper?: StoreKeeper;
}

/**
 * Every method of the contract (core/api.ts), implemented over the store. Each service module
 * owns a few methods; electron/services/reports.ts owns loading a report and the guards they share.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  const { store, keeper } = ctx;
  const now = ctx.now ?? (() => new Date().toISOString());
  return combineHandlers(
    { 'app.info': () => ({ ...ctx.info, dataDir: store.dataDir, dbFile: store.file }) },
    agencyHandlers(store, now),
    reportHandlers(store),
    carryHandlers(store, now),
    editHandlers(store, now),
    versionHandlers(store, now),
    sourceAwareImport(importHandlers(store, now)),
    signoffHandlers(store, now, keeper ? () => keeper.backup('pre-sign').then(() => undefined) : undefined),
    exportHandlers(store, ctx.exportHost),
    backupHandlers(keeper ? { keeper } : { store }, ctx.exportHost),
    compareHandlers(store),
    xlsxHandlers(store),
    packageHandlers(store, { ...(ctx.exportHost ? { host: ctx.exportHost } : {}), generator: { app: '年报助手', version: ctx.info.version }, now }),
    countyHandlers(store, { ...(ctx.exportHost ? { host: ctx.exportHost } : {}), generator: { app: '年报助手', version: ctx.info.version }, now }),
  );
}
