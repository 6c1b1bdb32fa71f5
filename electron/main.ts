import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { dispatch } from '../core/api.js';
import { openBackend, type Backend } from './backend.js';
import { electronExportHost } from './export/electron-host.js';
import { exportRoute } from './export/preview-pages.js';
import { APP_ORIGIN, APP_SCHEME, IPC_CHANNEL } from './ipc-channel.js';
import { dataDirFromArgs } from './store/index.js';
import { CONTENT_SECURITY_POLICY } from './web/security.js';

/**
 * The desktop product. Thin on purpose: the services, store and exports are plain Node modules
 * shared with browser mode and the command line; this file adds the window and its security.
 */

const rendererDir = path.join(__dirname, 'renderer');
let backend: Backend | undefined;
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // a second copy would write to the same database: hand over to the first one and leave
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (err) => console.error(err));
}

function serveRenderer(request: Request): Response | Promise<Response> {
  if (request.method !== 'GET') return new Response('Method Not Allowed', { status: 405 });
  const url = new URL(request.url);
  // the print preview (its own CSP: inline style, no script) and the bundled print fonts
  const printed = exportRoute(url.pathname);
  if (printed) {
    const body = typeof printed.body === 'string' ? printed.body : new Uint8Array(printed.body);
    return new Response(body, { status: printed.status, headers: printed.headers });
  }
  const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = path.resolve(rendererDir, `.${rel}`);
  if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('Not Found', { status: 404 });
  return net.fetch(`file://${file}`).then((res) => {
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // no network request, ever: only the app's own origin loads
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:') || details.url.startsWith('blob:') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function start(): Promise<void> {
  const dataDir = dataDirFromArgs(process.argv) ?? process.env.NIANBAO_DATA_DIR ?? app.getPath('userData');
  const nativeBinding = process.env.NIANBAO_SQLITE_BINDING;
  // saving, printing and PDFs go through main: the window never names a file
  const exportHost = electronExportHost(() => mainWindow);
  backend = openBackend(dataDir, 'electron', nativeBinding ? { nativeBinding, exportHost } : { exportHost });
  protocol.handle(APP_SCHEME, serveRenderer);
  lockDown();

  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, args: unknown) => {
    // only our own page may call; arguments are checked against the contract inside dispatch
    if (!event.senderFrame || !event.senderFrame.url.startsWith(`${APP_ORIGIN}/`)) {
      return { ok: false, error: { code: 'refused', message: '拒绝来自外部页面的请求' } };
    }
    return dispatch(backend!.handlers, String(method), args);
  });

  mainWindow = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    title: '年报助手',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  // the daily backup and the full integrity check, once the window is up
  void backend.maintenance();
}

app.on('window-all-closed', () => {
  backend?.close();
  app.quit();
});
// a logout, a shutdown or a terminal closed: quit the normal way, so the store is closed cleanly
// (the -wal written into nianbao.db, the data folder's lock removed)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => app.quit());
app.on('will-quit', () => backend?.close());
