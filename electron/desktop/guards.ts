import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { dispatch, type Envelope, type Handlers } from '../../core/api.js';
import { exportRoute } from '../export/preview-pages.js';
import { isAppUrl, rendererAnswer } from '../security.js';
import { APP_ORIGIN } from './channel.js';

/**
 * The desktop app's gatekeepers, each a plain function so that it is unit-tested against a
 * mocked `electron` module (no Electron binary runs on the build machines): what the window may
 * load, where it may navigate, which permissions it gets, who may call the back end, and what
 * the app:// protocol answers.
 */

/** Only the app's own pages and in-memory data load: no network request, ever. */
export function allowedRequest(url: string): boolean {
  return isAppUrl(url, APP_ORIGIN) || /^(devtools|blob|data):/.test(url);
}

/** A page may navigate or be redirected only within the app. */
export function guardNavigation(event: { preventDefault(): void }, url: string): void {
  if (!isAppUrl(url, APP_ORIGIN)) event.preventDefault();
}

/** New windows and <webview>s are never opened. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every web-contents the app creates (the window, the hidden print windows) gets the guards. */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}

/** No camera, microphone, location, notifications…: the app asks for none, so every request is refused. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedRequest(details.url) }));
}

/** The refusal a call from any page but our own gets; the services are never reached. */
export const FOREIGN_CALLER: Envelope<never> = { ok: false, error: { code: 'refused', message: '拒绝来自外部页面的请求' } };

/**
 * The one IPC handler: only a frame of the app's own origin may call, and `dispatch` checks the
 * method and its argument against the contract before any service sees them.
 */
export function ipcHandler(handlers: () => Handlers): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, args: unknown) => Promise<Envelope<unknown>> {
  return async (event, method, args) => {
    if (!isAppUrl(event.senderFrame?.url, APP_ORIGIN)) return FOREIGN_CALLER;
    return dispatch(handlers(), String(method), args);
  };
}

/**
 * The app:// protocol: the print preview and its fonts, else the built window's files, with the
 * same headers as in browser mode (electron/security.ts). Only GET.
 */
export function serveApp(rendererDir: string): (request: Request) => Response {
  return (request) => {
    if (request.method !== 'GET') return new Response('Method Not Allowed', { status: 405 });
    const { pathname } = new URL(request.url);
    const answer = exportRoute(pathname) ?? rendererAnswer(rendererDir, pathname);
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}
