import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module: no Electron binary runs on the build machines, so the
 * main process's code is run against these fakes, which record what it registers (handlers,
 * listeners, windows) so that a test can call them as Electron would.
 */

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((name: string, listener: Listener) => {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  });
  once = this.on;
  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((l) => l(...args));
  }
}

/** What the system print dialog answers: printed, or not and why. */
export const printAnswer = { success: true, reason: '' };

export class FakeContents extends FakeEmitter {
  windowOpenHandler: Listener | undefined;
  setWindowOpenHandler = vi.fn((handler: Listener) => {
    this.windowOpenHandler = handler;
  });
  executeJavaScript = vi.fn(async () => 'loaded');
  printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
  print = vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => callback(printAnswer.success, printAnswer.reason));
}

export function fakeElectron() {
  const windows: FakeWindow[] = [];
  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeContents();
    loaded: string[] = [];
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL = vi.fn(async (url: string) => {
      this.loaded.push(url);
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    destroy = vi.fn(() => {
      // as Electron does: a destroyed window's methods throw
      if (this.destroyed) throw new TypeError('Object has been destroyed');
      this.destroyed = true;
    });
    isDestroyed = vi.fn(() => this.destroyed);
  }

  const app = Object.assign(new FakeEmitter(), {
    lock: true,
    ready: Promise.resolve(),
    requestSingleInstanceLock: vi.fn(() => app.lock),
    whenReady: vi.fn(() => app.ready),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    isPackaged: false,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const defaultSession = {
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    setPermissionRequestHandler: vi.fn((h: Listener) => (defaultSession.permissionRequest = h)),
    setPermissionCheckHandler: vi.fn((h: Listener) => (defaultSession.permissionCheck = h)),
    webRequest: { onBeforeRequest: vi.fn((h: Listener) => (defaultSession.beforeRequest = h)) },
  };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handlers: new Map<string, Listener>(), handle: vi.fn((scheme: string, h: Listener) => protocol.handlers.set(scheme, h)) };
  const ipcMain = { handlers: new Map<string, Listener>(), handle: vi.fn((channel: string, h: Listener) => ipcMain.handlers.set(channel, h)) };
  const dialog = { showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })) };
  const contextBridge = { exposeInMainWorld: vi.fn() };
  const ipcRenderer = { invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })) };
  const module = { app, BrowserWindow: FakeWindow, session: { defaultSession }, protocol, ipcMain, dialog, contextBridge, ipcRenderer };
  return { module, windows, app, defaultSession, protocol, ipcMain, dialog, contextBridge, ipcRenderer };
}

/**
 * The mocked module itself: each export reads the fake that is current when it is used, so a
 * test can start main.ts afresh (vi.resetModules) against a new fake.
 */
export function electronModule(current: () => ReturnType<typeof fakeElectron>): Record<string, unknown> {
  const keys = ['app', 'BrowserWindow', 'session', 'protocol', 'ipcMain', 'dialog', 'contextBridge', 'ipcRenderer'] as const;
  return Object.defineProperties({}, Object.fromEntries(keys.map((k) => [k, { enumerable: true, get: () => current().module[k] }])));
}
