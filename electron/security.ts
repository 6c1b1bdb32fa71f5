import fs from 'node:fs';
import path from 'node:path';
import type { RouteAnswer } from './export/preview-pages.js';

/**
 * What both hosts let through, in one place: the desktop app (electron/desktop, the app://
 * origin) and browser mode (electron/web, http://127.0.0.1:port) serve the same window under the
 * same Content-Security-Policy, recognise their own pages with the same test, and serve the
 * window's files through the same resolution with its one guard against paths that climb out.
 *
 * Browser mode adds what a server on a port needs: a random per-launch token on every API call,
 * and Host and Origin headers that must name our own address (so that a DNS-rebinding page
 * cannot talk to us).
 */

/** The window's Content-Security-Policy: our own origin only, nothing inline, no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** `scheme://host[:port]` of a URL, compared as written (a custom scheme's URL has no web origin). */
function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}`.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL is a page or resource of the app's own origin(s), e.g. `app://nianbao` or
 * `http://127.0.0.1:8123`. Compared whole, never by prefix: `app://nianbao.example` is not ours.
 */
export function isAppUrl(url: string | undefined | null, ...origins: string[]): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== undefined && origins.some((o) => originOf(o) === origin);
}

// ---------- the window's files ----------

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.json': 'application/json',
};

export type RendererFile = { ok: true; file: string; contentType: string } | { ok: false; status: 403 | 404 };

/**
 * The file of the built window (dist/renderer) a request path names: `/` is index.html. A path
 * that leaves the folder — `../`, its %2e%2e spelling, an absolute or drive path, a NUL — is
 * refused (403); a path naming no file is 404. The window routes by the URL's #fragment, so no
 * other path falls back to index.html.
 */
export function resolveRendererFile(rendererDir: string, urlPath: string): RendererFile {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath === '/' || urlPath === '' ? '/index.html' : urlPath);
  } catch {
    return { ok: false, status: 404 };
  }
  if (rel.includes('\0')) return { ok: false, status: 403 };
  // source maps are never served, in either host: the window needs none, and they are the sources
  if (/\.map$/i.test(rel)) return { ok: false, status: 404 };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel.replace(/\\/g, '/')}`);
  if (!file.startsWith(root + path.sep)) return { ok: false, status: 403 };
  let isFile = false;
  try {
    isFile = fs.statSync(file).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return { ok: false, status: 404 };
  return { ok: true, file, contentType: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

const TEXT = 'text/plain; charset=utf-8';
const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** The answer to a GET of the window's files, the same in both hosts. */
export function rendererAnswer(rendererDir: string, urlPath: string): RouteAnswer {
  const found = resolveRendererFile(rendererDir, urlPath);
  if (!found.ok) {
    const missingBuild = found.status === 404 && !fs.existsSync(path.join(rendererDir, 'index.html'));
    if (missingBuild) return { status: 500, headers: { ...COMMON, 'Content-Type': TEXT }, body: '界面文件缺失，请先运行 npm run build' };
    return { status: found.status, headers: { ...COMMON, 'Content-Type': TEXT }, body: found.status === 403 ? 'Forbidden' : 'Not Found' };
  }
  return {
    status: 200,
    headers: {
      ...COMMON,
      'Content-Type': found.contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': found.file.endsWith('.html') ? 'no-store' : 'max-age=3600',
      'X-Frame-Options': 'SAMEORIGIN',
    },
    body: fs.readFileSync(found.file),
  };
}

// ---------- browser mode: a server on a port ----------

export const TOKEN_HEADER = 'x-nianbao-token';

/** Our own origins in browser mode. */
export function webOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** The Host header must name our own address exactly. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && webOrigins(port).includes(`http://${host.toLowerCase()}`);
}

/** A request without an Origin header is a navigation or a same-origin GET; one with it must be ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return isAppUrl(origin, ...webOrigins(port));
}

/** Constant-time comparison, so the token cannot be found out by timing. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  let diff = 0;
  for (let i = 0; i < token.length; i++) diff |= given.charCodeAt(i) ^ token.charCodeAt(i);
  return diff === 0;
}
