import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { openBackend, type Backend } from '../backend.js';
import { dataDirFromArgs } from '../store/index.js';
import { APP_ORIGIN, APP_SCHEME, IPC_CHANNEL, WINDOW_SHOWN } from './channel.js';
import { isCommandLine, runCommandLine, userArguments } from './command-line.js';
import { electronExportHost } from './export-host.js';
import { guardContents, ipcHandler, lockDownSession, serveApp } from './guards.js';

/**
 * The desktop product. Thin on purpose: the services, store and exports are plain Node modules
 * shared with browser mode and the command line; this file opens the window and wires the
 * gatekeepers of electron/desktop/guards.ts. Bundled to dist/main.cjs, beside dist/preload.cjs
 * and dist/renderer.
 */

const rendererDir = path.join(__dirname, 'renderer');
let backend: Backend | undefined;
let mainWindow: BrowserWindow | null = null;

const args = userArguments(process.argv, Boolean(process.defaultApp));

if (isCommandLine(args)) {
  // `nianbao check …` from a terminal: the command's output and exit code, no window
  runCommandLine(args).then(
    (code) => app.exit(code),
    (err: unknown) => {
      console.error(`出错了：${err instanceof Error ? err.message : String(err)}`);
      app.exit(2);
    },
  );
} else {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  openWindowOnce();
}

/** The window: one copy of the app at a time (a second would write to the same database). */
function openWindowOnce(): void {
  if (!app.requestSingleInstanceLock()) {
    // hand over to the first copy and leave
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => {
    backend?.close();
    app.quit();
  });
  // a logout, a shutdown or a terminal closed: quit the normal way, so the store is closed cleanly
  // (the -wal written into nianbao.db, the data folder's lock removed)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => app.quit());
  app.on('will-quit', () => backend?.close());
  app.whenReady().then(start, (err: unknown) => console.error(err));
}

async function start(): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv) ?? process.env.NIANBAO_DATA_DIR ?? app.getPath('userData');
  const nativeBinding = process.env.NIANBAO_SQLITE_BINDING;
  // saving, printing and PDFs go through main: the window never names a file
  const exportHost = electronExportHost(() => mainWindow);
  backend = openBackend(dataDir, 'electron', nativeBinding ? { nativeBinding, exportHost } : { exportHost });
  lockDownSession(session.defaultSession);
  protocol.handle(APP_SCHEME, serveApp(rendererDir));
  ipcMain.handle(IPC_CHANNEL, ipcHandler(() => backend!.handlers));

  mainWindow = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    title: '年报助手',
    // the taskbar's icon on Linux (Windows takes the program's own); drawn by scripts/icon.mjs
    icon: path.join(__dirname, 'icons', 'png', '256x256.png'),
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // the installed app cannot open DevTools (a clerk's copy has nothing to debug, and DevTools
      // would let anyone at the desk call the back end by hand); a developer's `npm start` can
      devTools: !app.isPackaged,
    },
  });
  mainWindow.once('ready-to-show', () => {
    mainWindow?.show();
    console.log(WINDOW_SHOWN);
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
    // the hidden PDF windows too: Electron quits when its last window has closed
    exportHost.close();
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  // the daily backup and the full integrity check, once the window is up
  void backend.maintenance();
}
