import { AppError, METHODS, type AppInfo, type Handlers, type Method } from '../core/api.js';
import { createHandlers } from './services/index.js';
import { backupHandlers } from './services/backup.js';
import type { ExportHost } from './services/export.js';
import { StoreKeeper } from './store/keeper.js';
import { describeStorageError } from './store/storage-errors.js';
import type { Store, StoreFault } from './store/index.js';
import { APP_VERSION } from './export/version.js';

export { APP_VERSION };

export interface Backend {
  /** stable: each call goes to the services of the store as it is now (it changes on a restore or on damage) */
  handlers: Handlers;
  readonly store?: Store;
  readonly fault?: StoreFault;
  readonly keeper: StoreKeeper;
  /** the daily backup and the full integrity check, in the background once the host is up */
  maintenance(): Promise<void>;
  /** closes the store cleanly (the -wal emptied into the file) and gives up the data folder */
  close(): void;
}

const HOST_PROGRAM: Record<AppInfo['host'], string> = { web: '浏览器模式', electron: '桌面版' };

/** Methods that answer while the data cannot be used: the fault screen needs them. */
const FAULT_METHODS = new Set<Method>(['app.info', 'backup.list', 'backup.create', 'backup.restore', 'backup.save']);

/**
 * While the store cannot be used every method answers with the fault's message, so the window
 * can show a screen that says what is wrong and what to do, instead of a blank window or a stack
 * trace. 「app.info」 tries to open the store again first (the 「重试」 of the fault screen).
 */
function faultHandlers(keeper: StoreKeeper, info: Omit<AppInfo, 'dataDir' | 'dbFile'>, backups: Pick<Handlers, 'backup.list' | 'backup.create' | 'backup.restore' | 'backup.save'>): Handlers {
  const fail = () => {
    const fault = keeper.fault!;
    throw new AppError(keeper.isDamaged ? 'damaged' : 'storage', fault.message);
  };
  const handlers = Object.fromEntries(METHODS.filter((m) => !FAULT_METHODS.has(m)).map((m) => [m, fail]));
  return {
    ...handlers,
    ...backups,
    'app.info': () => {
      // the other program was closed, the permission fixed…: the next call finds the store open
      keeper.retry();
      const fault = keeper.fault;
      return { ...info, dataDir: keeper.dataDir, dbFile: keeper.file, ...(fault && !keeper.usable ? { fault: { kind: fault.kind, message: fault.message } } : {}) };
    },
  } as unknown as Handlers;
}

/**
 * Storage failures in the words of storage-errors.ts: a full disk, a read-only file or a busy
 * one is 'storage' (the window keeps the edit and tries again); damage stops all writing and
 * answers 'damaged' from then on.
 */
function guardStorage(handlers: Handlers, keeper: StoreKeeper): Handlers {
  return Object.fromEntries(
    METHODS.map((m) => [
      m,
      async (args: unknown) => {
        try {
          return await (handlers[m] as (a: unknown) => unknown)(args);
        } catch (err) {
          const failure = describeStorageError(err, keeper.file);
          if (!failure) throw err;
          if (failure.problem === 'damaged') throw new AppError('damaged', keeper.markDamaged(`SQLite 报告：${(err as Error).message}`).message);
          throw new AppError('storage', failure.message);
        }
      },
    ]),
  ) as unknown as Handlers;
}

/** Opens the store in `dataDir` and the services over it, for the two hosts that run a window. */
export function openBackend(dataDir: string, host: AppInfo['host'], options: { nativeBinding?: string; exportHost?: ExportHost } = {}): Backend {
  const keeper = new StoreKeeper(dataDir, { program: HOST_PROGRAM[host], ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const info = { version: APP_VERSION, host };
  const build = (): Handlers => {
    const store = keeper.usable;
    if (!store) return faultHandlers(keeper, info, backupHandlers({ keeper }, options.exportHost));
    return guardStorage(createHandlers({ store, info, keeper, ...(options.exportHost ? { exportHost: options.exportHost } : {}) }), keeper);
  };
  let current = build();
  keeper.onChange(() => {
    current = build();
  });
  const handlers = Object.fromEntries(METHODS.map((m) => [m, (args: unknown) => (current[m] as (a: unknown) => unknown)(args)])) as unknown as Handlers;
  return {
    handlers,
    get store() {
      return keeper.usable;
    },
    get fault() {
      return keeper.usable ? undefined : keeper.fault;
    },
    keeper,
    maintenance: async () => {
      await keeper.maintenance();
    },
    close: () => keeper.close(),
  };
}
