import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { renderPrintHtml } from '../../core/document/html.js';
import type { ReportDocument } from '../../core/document/model.js';
import { documentProperties } from '../../core/document/properties.js';
import { CHROMIUM_ARGS } from '../chromium-flags.js';
import { readFontAsset } from './font-assets.js';
import { withPdfInfo } from './pdf-info.js';
import { APP_VERSION } from './version.js';

/**
 * PDF through a system Chromium, Chrome or Edge driven by playwright-core (browser mode and the
 * command line; inside Electron the window's own printToPDF does the same job).
 *
 * The page is loaded from a made-up origin under the reserved `.invalid` domain and every request
 * is intercepted: the print view itself and the bundled fonts are answered from memory and disk,
 * anything else is aborted. No request ever leaves the machine.
 */

/** Origin the print view is served from inside the PDF renderer. */
export const PDF_ORIGIN = 'https://nianbao.invalid';
/** Pass this as `fontBaseUrl` to renderPrintHtml for HTML that renderPdf will print. */
export const PDF_FONT_BASE_URL = `${PDF_ORIGIN}/fonts/`;
const PAGE_URL = `${PDF_ORIGIN}/print.html`;

export class PdfError extends Error {
  override name = 'PdfError';
}

export const NO_BROWSER_MESSAGE =
  '找不到可用于生成 PDF 的浏览器。请先安装 Google Chrome、Microsoft Edge 或 Chromium 中的任意一个，然后重新导出；' +
  '如果浏览器装在其他位置，可设置环境变量 NIANBAO_CHROMIUM 指向浏览器程序。';

/** The old headless shell as Debian and Ubuntu install it (package chromium-headless-shell). */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

function browserCandidates(): string[] {
  // a browser named explicitly is the only one tried: a wrong path is reported, not silently replaced
  const named = process.env.NIANBAO_CHROMIUM;
  return named ? [named] : platformBrowsers();
}

/** Where this platform's browsers are installed, in the order tried. */
function platformBrowsers(): string[] {
  const env = process.env;
  const list: string[] = [];
  if (process.platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    for (const root of roots) {
      list.push(join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      list.push(join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
      list.push(join(root, 'Chromium', 'Application', 'chrome.exe'));
    }
  } else if (process.platform === 'darwin') {
    list.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    list.push('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    list.push('/Applications/Chromium.app/Contents/MacOS/Chromium');
  } else {
    // The old headless shell first (Debian and Ubuntu: `apt install chromium-headless-shell`): it
    // prints without the full browser's window and tab machinery, so it starts three times as fast and
    // prints a report in about half the time (bench/batch-export.bench.ts runs both: 50 reports in
    // 8-11 s against 16-18 s). PRINT_ARGS makes the two place glyphs alike, so the PDF is the same.
    list.push(HEADLESS_SHELL);
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable']) {
      list.push(`/usr/bin/${name}`);
    }
    list.push('/snap/bin/chromium', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge');
  }
  return list;
}

/** The full browsers of this platform, in the order tried: what a machine without the headless shell prints with. */
export function fullBrowsers(): string[] {
  return platformBrowsers().filter((path) => path !== HEADLESS_SHELL);
}

/** The first Chromium-family browser installed here (or of `candidates`), or null. */
export function findChromium(candidates: readonly string[] = browserCandidates()): string | null {
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** A page that prints, in a browser context of its own (so a renderer process of its own). */
interface Printer {
  context: BrowserContext | null;
  /** kept open between PDFs so that the fonts it has loaded stay loaded */
  page: Page | null;
  /** the <head> (less its <style> and <title>) of the document the page holds */
  headKey: string | null;
  busy: boolean;
}

interface Warm {
  browser: Browser;
  /** the first prints every PDF of the window; a batch adds a second to print two at once */
  printers: Printer[];
  /** HTML waiting to be served to a navigation, by page URL query */
  pending: Map<string, string>;
}

let warm: Promise<Warm> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
/** jobs waiting for a printer, first come first served */
const waiting: (() => void)[] = [];
let counter = 0;

/** Stop the warm browser after this long without a PDF, so it does not sit in memory all day. */
const IDLE_MS = 5 * 60_000;

async function answer(route: Route, pending: Map<string, string>): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin === PDF_ORIGIN && url.pathname === '/print.html') {
    const html = pending.get(url.search);
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  }
  if (url.origin === PDF_ORIGIN && url.pathname.startsWith('/fonts/')) {
    const asset = readFontAsset(url.pathname.slice('/fonts/'.length));
    if (asset) return route.fulfill({ status: 200, contentType: asset.contentType, body: asset.body });
  }
  blocked.push(url.href.slice(0, 200));
  if (blocked.length > 50) blocked.shift();
  return route.abort('blockedbyclient');
}

/** URLs the renderer refused (most recent last): a test's proof that nothing went out. */
const blocked: string[] = [];
export function blockedRequests(): readonly string[] {
  return [...blocked];
}

/**
 * Glyph advances in whole pixels, as the full browser sets them by default on Linux: the headless
 * shell places glyphs at fractional positions, so Latin runs came out narrower and lines broke
 * elsewhere (test/unit/export/browsers.test.ts prints one report with both and compares).
 */
const PRINT_ARGS = ['--disable-font-subpixel-positioning'];

async function start(): Promise<Warm> {
  const executablePath = findChromium();
  if (!executablePath) throw new PdfError(NO_BROWSER_MESSAGE);
  let browser: Browser;
  try {
    // loaded on the first PDF only: requiring playwright-core costs about a quarter of a second at start-up
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...PRINT_ARGS], timeout: 30_000 });
  } catch (e) {
    throw new PdfError(`浏览器（${executablePath}）无法启动，PDF 未能生成。请确认该浏览器可以正常打开后重试。\n${String(e)}`);
  }
  browser.on('disconnected', () => {
    warm = null;
  });
  return { browser, printers: [], pending: new Map() };
}

async function openContext(state: Warm): Promise<BrowserContext> {
  // The print view has no script of its own; ours runs through the protocol, not the page.
  // The viewport is one pixel high: nobody looks at the screen rendering of a page that only
  // prints, and a full-size one was rastered and composited after every report for nothing (about
  // a quarter of a batch's CPU, bench/batch-export.bench.ts). Printing lays out to the @page size,
  // and the on-screen sheet has a fixed width, so the PDF is the same.
  const context = await state.browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', viewport: { width: 900, height: 1 } });
  await context.route('**/*', (route) => answer(route, state.pending));
  return context;
}

function touchIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closePdfRenderer(), IDLE_MS);
  idleTimer.unref();
}

/**
 * A printer for one job: an idle one, else a new one while there are fewer than `most`, else the
 * first to come free. One job per printer at a time; the window's exports use one printer, a
 * batch two (two renderer processes print on two cores while this process prepares the next).
 */
async function acquire(state: Warm, most: number): Promise<Printer> {
  for (;;) {
    const idle = state.printers.find((p) => !p.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    if (state.printers.length < most) {
      const printer: Printer = { context: null, page: null, headKey: null, busy: true };
      state.printers.push(printer);
      return printer;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(printer: Printer): void {
  printer.busy = false;
  waiting.shift()?.();
}

/** A failed job's printer starts the next job from a fresh page (and context). */
async function reset(printer: Printer): Promise<void> {
  const context = printer.context;
  printer.context = null;
  printer.page = null;
  printer.headKey = null;
  await context?.close().catch(() => undefined);
}

const headKey = (html: string): string =>
  (/<head>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '').replace(/<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/gi, '');

/**
 * Replaces the page's style, title and body with those of a new print view, keeping its <head>
 * links: the fonts already loaded stay loaded, which is what makes a warm PDF fast.
 */
const SWAP = `(html) => {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const style = document.querySelector('head > style');
  const nextStyle = next.querySelector('head > style');
  // the same style (reports of one layout) is kept: a new sheet makes the page restyle from scratch
  if (style && nextStyle && style.textContent !== nextStyle.textContent) style.replaceWith(document.adoptNode(nextStyle));
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
}`;

/** Lays the page out (which starts the loads of the font slices its text needs), then waits for them. */
const FONTS_READY = 'void document.body.offsetHeight, document.fonts.ready.then(() => document.fonts.status)';

async function load(state: Warm, printer: Printer, html: string, timeout: number): Promise<Page> {
  const key = headKey(html);
  if (printer.page && printer.headKey === key) {
    await printer.page.evaluate(`(${SWAP})(${JSON.stringify(html)})`);
    return printer.page;
  }
  printer.context ??= await openContext(state);
  printer.page ??= await printer.context.newPage();
  printer.page.setDefaultTimeout(timeout);
  const query = `?n=${++counter}`;
  state.pending.set(query, html);
  try {
    await printer.page.goto(PAGE_URL + query, { waitUntil: 'load', timeout });
  } finally {
    state.pending.delete(query);
  }
  printer.headKey = key;
  return printer.page;
}

export interface PdfOptions {
  /** give up after this long (default 60 s) */
  timeoutMs?: number;
  /**
   * How many PDFs may print at once (default 1: one page prints them in turn). A batch asks for
   * BATCH_PRINTERS and keeps that many jobs going.
   */
  printers?: number;
}

/** Pages a batch prints on at once: two renderer processes keep two cores busy; one on a one-core machine. */
export const BATCH_PRINTERS = Math.max(1, Math.min(2, availableParallelism()));

/**
 * Prints a print-view HTML document (renderPrintHtml with `fontBaseUrl: PDF_FONT_BASE_URL`) to
 * PDF: A4 and margins from its @page rule, backgrounds printed, once the fonts are loaded.
 * The browser and its pages stay open between calls, so only the first PDF pays for starting
 * them and for loading the fonts.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000;
  const state = await ready();
  const printer = await acquire(state, Math.max(1, options.printers ?? 1));
  try {
    const page = await load(state, printer, html, timeout);
    await page.evaluate(FONTS_READY);
    // tagged: readable by screen readers; outline: the headings become PDF bookmarks
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true });
    return new Uint8Array(pdf);
  } catch (e) {
    await reset(printer);
    if (e instanceof PdfError) throw e;
    throw new PdfError(`生成 PDF 时出错，请重试。如果反复出现，请重新启动年报助手。\n${String(e)}`);
  } finally {
    release(printer);
    touchIdle();
  }
}

async function ready(): Promise<Warm> {
  warm ??= start();
  try {
    const state = await warm;
    touchIdle();
    return state;
  } catch (e) {
    warm = null;
    throw e;
  }
}

/**
 * Starts the browser and loads an empty print view with the fonts on `printers` pages, so that
 * the first real PDF is a warm one. For the window to call when the clerk opens the export or
 * print screen, and for a batch to call before it prepares its first reports (the browser starts
 * while they are checked and laid out). A failure here is not reported (the export itself will
 * report it).
 */
export function prewarmPdfRenderer(printers = 1): Promise<void> {
  const empty: ReportDocument = {
    titleLines: ['政府信息公开工作年度报告'],
    title: '',
    year: 0,
    agency: '',
    draft: false,
    layout: { lineSpacingPt: 28, boldHeadings: false },
    blocks: [{ kind: 'paragraph', text: '一二三四五六七八九十、（）。，；：0123456789' }],
  };
  const html = renderPrintHtml(empty, { fontBaseUrl: PDF_FONT_BASE_URL });
  const warmOne = async (state: Warm): Promise<void> => {
    const printer = await acquire(state, printers);
    try {
      const page = await load(state, printer, html, 60_000);
      await page.evaluate(FONTS_READY);
    } catch {
      await reset(printer);
    } finally {
      release(printer);
    }
  };
  return (async () => {
    const state = await ready();
    // only the printers not yet open: a warm one is left alone
    const cold = Math.max(0, printers - state.printers.length);
    await Promise.all(Array.from({ length: cold }, () => warmOne(state)));
  })().catch(() => undefined);
}

/**
 * A PDF printed from a report's print view, by whichever host, with the report's title, author,
 * creator and fingerprint in its document information (Chromium names itself as the creator).
 */
export function finishDocumentPdf(pdf: Uint8Array, doc: ReportDocument): Uint8Array {
  return withPdfInfo(pdf, documentProperties(doc, APP_VERSION));
}

/** The report document's print view as PDF: renderPrintHtml with the renderer's font address, then renderPdf. */
export async function renderDocumentPdf(doc: ReportDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  return finishDocumentPdf(await renderPdf(renderPrintHtml(doc, { fontBaseUrl: PDF_FONT_BASE_URL }), options), doc);
}

/** Closes the warm browser (app shutdown, tests). Safe to call when none is running. */
export async function closePdfRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const current = warm;
  warm = null;
  if (!current) return;
  const state = await current.catch(() => null);
  await state?.browser.close().catch(() => undefined);
}
