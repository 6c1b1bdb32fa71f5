import type { Args, Envelope, Method, Result } from '../../core/api.js';
import { ApiFailure } from './errors.js';

/**
 * The window's one way to the back end. Inside Electron the preload script exposes the
 * contract's methods by name on `window.nianbao`; in browser mode the same calls go over HTTP
 * to 127.0.0.1 with this launch's token.
 */

type Bridge = { [M in Method]: (args: Args<M>) => Promise<Envelope<Result<M>>> };

declare global {
  interface Window {
    nianbao?: Bridge;
  }
}

const TOKEN_KEY = 'nianbao.token';

type TokenResult = { ok: true; token: string } | { ok: false; message: string };

const LOST = '与年报助手的后台失去联系。请确认它仍在运行（命令行窗口没有关闭），然后刷新页面。';

/**
 * The session token, got once per tab. The launch address carries a single-use code in its
 * fragment (never sent to a server, and the token itself is never on the browser's command
 * line); the page trades it for the token at /session and keeps the token for reloads.
 */
async function browserToken(): Promise<TokenResult> {
  const match = /(?:^#|&)code=([^&]+)/.exec(window.location.hash);
  if (match) {
    // the code is spent by the exchange: take it out of the address bar and the history now
    history.replaceState(null, '', window.location.pathname + window.location.search);
    let res: Response;
    try {
      res = await fetch('./session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: match[1] }) });
    } catch {
      return { ok: false, message: LOST };
    }
    const body = (await res.json().catch(() => null)) as { token?: string; error?: { message?: string } } | null;
    if (res.ok && typeof body?.token === 'string') {
      sessionStorage.setItem(TOKEN_KEY, body.token);
      return { ok: true, token: body.token };
    }
    // a reload of a tab that already has its token still works; only a new tab needs a new address
    const kept = sessionStorage.getItem(TOKEN_KEY);
    if (kept) return { ok: true, token: kept };
    return { ok: false, message: body?.error?.message ?? `年报助手没有接受这个地址（HTTP ${res.status}）。请使用启动时显示的完整地址重新打开。` };
  }
  const kept = sessionStorage.getItem(TOKEN_KEY);
  if (kept) return { ok: true, token: kept };
  return { ok: false, message: '请使用年报助手启动时显示的完整地址打开（地址的最后有 #code=…）。' };
}

let token: Promise<TokenResult> | undefined;

export { ApiFailure } from './errors.js';

/** The answer of a request the server did not take (too large, malformed…): its own sentence when it sent one. */
async function refusedEnvelope(res: Response): Promise<Envelope<never>> {
  const body = (await res.json().catch(() => null)) as Envelope<never> | null;
  if (body && body.ok === false && typeof body.error?.message === 'string') return body;
  return { ok: false, error: { code: 'refused', message: `年报助手的后台没有接受这个请求（HTTP ${res.status}）。请刷新页面后重试；已保存的内容不受影响。` } };
}

async function overHttp<M extends Method>(method: M, args: Args<M>): Promise<Envelope<Result<M>>> {
  token ??= browserToken();
  const got = await token;
  if (!got.ok) return { ok: false, error: { code: 'refused', message: got.message } };
  let res: Response;
  try {
    res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': got.token },
      body: JSON.stringify(args),
    });
  } catch {
    return { ok: false, error: { code: 'storage', message: LOST } };
  }
  if (res.status === 403) {
    return {
      ok: false,
      error: { code: 'refused', message: '访问口令不对或已过期。请使用年报助手启动时显示的完整地址重新打开。' },
    };
  }
  if (!res.ok) return refusedEnvelope(res);
  return (await res.json()) as Envelope<Result<M>>;
}

/** Fired on the window when the back end finds the data file damaged: the app switches to the fault screen. */
export const DAMAGED_EVENT = 'nianbao:damaged';

/** Calls a method; resolves with its result or rejects with an ApiFailure carrying the Chinese message. */
export async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const bridge = window.nianbao;
  const envelope = bridge ? await bridge[method](args) : await overHttp(method, args);
  if (!envelope.ok) {
    // whichever part of the window asked, the whole window has to stop and say so
    if (envelope.error.code === 'damaged') window.dispatchEvent(new CustomEvent(DAMAGED_EVENT, { detail: envelope.error.message }));
    throw new ApiFailure(envelope.error.code, envelope.error.message);
  }
  return envelope.value;
}

/** Starts the exchange of the launch code at once, before the window's first call needs the token. */
export function initBrowserToken(): void {
  if (!window.nianbao) token = browserToken();
}
