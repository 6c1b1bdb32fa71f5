import { AppError, METHODS, type AppInfo, type Handlers } from '../core/api.js';
import { createHandlers } from './services/index.js';
import type { ExportHost } from './services/export.js';
import { openStore, StoreFault, type Store } from './store/index.js';
import { APP_VERSION } from './export/version.js';

export { APP_VERSION };

export interface Backend {
  handlers: Handlers;
  store?: Store;
  fault?: StoreFault;
  close(): void;
}

/**
 * Every method answers with the fault's message, so the window can show a screen that says
 * what is wrong and what to do, instead of a blank window or a stack trace.
 */
function faultHandlers(fault: StoreFault): Handlers {
  const fail = () => {
    throw new AppError('storage', fault.message);
  };
  return Object.fromEntries(METHODS.map((m) => [m, fail])) as unknown as Handlers;
}

/** Opens the store in `dataDir` and the services over it, for any of the three hosts. */
export function openBackend(
  dataDir: string,
  host: AppInfo['host'],
  options: { nativeBinding?: string; exportHost?: ExportHost } = {},
): Backend {
  try {
    const store = openStore(dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const handlers = createHandlers({ store, info: { version: APP_VERSION, host }, ...(options.exportHost ? { exportHost: options.exportHost } : {}) });
    return { handlers, store, close: () => store.close() };
  } catch (err) {
    if (err instanceof StoreFault) return { handlers: faultHandlers(err), fault: err, close: () => {} };
    throw err;
  }
}
