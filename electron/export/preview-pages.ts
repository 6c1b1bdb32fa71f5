import { randomBytes } from 'node:crypto';
import { readFontAsset } from './font-assets.js';

/**
 * The print view as a page of the app's own origin, for the preview frame in the window and for
 * Electron's hidden print window: `/preview/<id>` answers with HTML the services rendered a
 * moment ago, and `/fonts/…` with the bundled fonts it links to. Both hosts (Electron's app://
 * protocol and the browser-mode server) answer these two routes through `exportRoute`, so they
 * serve the same bytes under the same headers.
 *
 * A preview id is 128 random bits: it is the only way to reach the page (the browser-mode server
 * needs no token for it, just as a file link would not). Pages live a few minutes, in memory.
 */

/** The preview's own policy: its inline <style>, our fonts, data: images; no script of any kind. */
export const PREVIEW_CSP = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  'img-src data:',
  "script-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Where the print view finds its fonts: same origin, whatever the host. */
export const PREVIEW_FONT_BASE_URL = '/fonts/';

const LIFETIME_MS = 15 * 60_000;
/** A clerk flips options quickly; old pages are dropped first. */
const MAX_PAGES = 24;

const pages = new Map<string, { html: string; expires: number }>();

function prune(at: number): void {
  for (const [id, page] of pages) if (page.expires <= at) pages.delete(id);
  while (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
}

/** Keeps a print view for a while and returns its same-origin path (`/preview/<id>`). */
export function putPreview(html: string, at = Date.now()): string {
  prune(at);
  const id = randomBytes(16).toString('hex');
  pages.set(id, { html, expires: at + LIFETIME_MS });
  return `/preview/${id}`;
}

export function getPreview(path: string, at = Date.now()): string | undefined {
  const id = /^\/preview\/([0-9a-f]{32})$/.exec(path)?.[1];
  const page = id ? pages.get(id) : undefined;
  return page && page.expires > at ? page.html : undefined;
}

export interface RouteAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * The answer to a GET of `/preview/…` or `/fonts/…`, or null for any other path (the host then
 * serves its own files).
 */
export function exportRoute(pathname: string): RouteAnswer | null {
  if (pathname.startsWith('/preview/')) {
    const html = getPreview(pathname);
    if (html === undefined) {
      return { status: 404, headers: { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8' }, body: '预览已过期，请重新打开打印预览。' };
    }
    return {
      status: 200,
      headers: {
        ...COMMON,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PREVIEW_CSP,
        'Cache-Control': 'no-store',
        'X-Frame-Options': 'SAMEORIGIN',
      },
      body: html,
    };
  }
  if (pathname.startsWith('/fonts/')) {
    const asset = readFontAsset(pathname.slice('/fonts/'.length));
    if (!asset) return { status: 404, headers: { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not Found' };
    return { status: 200, headers: { ...COMMON, 'Content-Type': asset.contentType, 'Cache-Control': 'max-age=86400' }, body: asset.body };
  }
  return null;
}
