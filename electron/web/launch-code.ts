import crypto from 'node:crypto';

/**
 * Browser mode's launch codes. The address the app prints and hands to the system browser ends
 * up on that browser's command line, which every local user can read (`ps`). So it carries no
 * session token, only a code that the page exchanges once, on first load, for the token
 * (POST /session); the token then lives in the tab's sessionStorage and on no command line.
 *
 * A code is good for one exchange and for a short while. It is signed with the session token
 * (HMAC), so whoever holds the token — the server, or a test driving it — can make new ones
 * without the server keeping a list; the server only remembers the codes already used.
 */

/** How long a printed address can be opened. The browser opens it in seconds; a clerk copying it by hand has two minutes. */
export const LAUNCH_CODE_TTL_MS = 2 * 60_000;

const signature = (token: string, body: string): Buffer => crypto.createHmac('sha256', token).update(body).digest().subarray(0, 18);

/** A new single-use launch code for the session with this token. */
export function mintLaunchCode(token: string, now = Date.now(), ttlMs = LAUNCH_CODE_TTL_MS): string {
  const body = `${crypto.randomBytes(12).toString('base64url')}.${(now + ttlMs).toString(36)}`;
  return `${body}.${signature(token, body).toString('base64url')}`;
}

export type Redeemed = { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** What the page says when its address cannot be used, for each reason. */
export const LAUNCH_CODE_REFUSALS: Record<Exclude<Redeemed, { ok: true }>['reason'], string> = {
  used:
    '这个地址已经打开过一次了：为了安全，年报助手启动时显示的地址只能打开一次。' +
    '请在运行年报助手的命令行窗口里按回车键，它会显示一个新地址；或者关掉年报助手再启动一次。',
  expired:
    '这个地址已经过期（启动时显示的地址只在 2 分钟内有效）。' +
    '请在运行年报助手的命令行窗口里按回车键，它会显示一个新地址；或者关掉年报助手再启动一次。',
  invalid: '这个地址不对或不完整。请把年报助手启动时显示的完整地址复制到浏览器中打开。',
};

/** The server's side: checks a code and remembers it as used. */
export class LaunchCodeBook {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly token: string,
    private readonly now: () => number = Date.now,
  ) {}

  redeem(code: unknown): Redeemed {
    if (typeof code !== 'string' || code.length > 200) return { ok: false, reason: 'invalid' };
    const parts = code.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'invalid' };
    const [nonce, expiry, sig] = parts as [string, string, string];
    const expected = signature(this.token, `${nonce}.${expiry}`);
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    const expiresAt = parseInt(expiry, 36);
    if (this.used.has(nonce)) return { ok: false, reason: 'used' };
    if (!Number.isFinite(expiresAt) || this.now() > expiresAt) return { ok: false, reason: 'expired' };
    this.used.set(nonce, expiresAt);
    // a used code cannot come back once expired: forget those, so the list stays small
    for (const [n, at] of this.used) if (at < this.now()) this.used.delete(n);
    return { ok: true };
  }
}
