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

/** The launch URL carries the token in its fragment (never sent to a server); keep it for reloads. */
function browserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | undefined;

export { ApiFailure } from './errors.js';

async function overHttp<M extends Method>(method: M, args: Args<M>): Promise<Envelope<Result<M>>> {
  token ??= browserToken();
  let res: Response;
  try {
    res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
      body: JSON.stringify(args),
    });
  } catch {
    return { ok: false, error: { code: 'storage', message: '与年报助手的后台失去联系。请确认它仍在运行（命令行窗口没有关闭），然后刷新页面。' } };
  }
  if (res.status === 403) {
    return {
      ok: false,
      error: { code: 'refused', message: '访问口令不对或已过期。请使用年报助手启动时显示的完整地址重新打开。' },
    };
  }
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

export function initBrowserToken(): void {
  if (!window.nianbao) token = browserToken();
}
