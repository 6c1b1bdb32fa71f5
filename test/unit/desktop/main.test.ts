import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, APP_SCHEME, IPC_CHANNEL } from '../../../electron/desktop/channel.js';
import { SAMPLE_AGENCY } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';
import { electronModule, fakeElectron, FakeContents } from './fake-electron.js';

const commands = vi.hoisted(() => ({ ran: [] as string[][], code: 1 }));
vi.mock('../../../electron/desktop/command-line.js', async (original) => ({
  ...(await original<typeof import('../../../electron/desktop/command-line.js')>()),
  runCommandLine: async (args: string[]) => (commands.ran.push(args), commands.code),
}));

/**
 * The desktop app's main process (electron/desktop/main.ts), run against a mocked `electron`
 * module: what it registers is called as Electron would call it.
 */

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeElectron> }));
// a fresh fake for every start: the module reads whichever is current when main.ts is imported
vi.mock('electron', () => electronModule(() => fake.current));

async function startMain(lock = true, argv = ['/opt/nianbao/nianbao']) {
  fake.current = fakeElectron();
  fake.current.app.lock = lock;
  process.argv = argv;
  vi.resetModules();
  await import('../../../electron/desktop/main.js');
  if (lock && argv.length === 1) await vi.waitFor(() => expect(fake.current.windows[0]?.loaded).toEqual([`${APP_ORIGIN}/index.html`]));
  return fake.current;
}

beforeEach(() => {
  process.env.NIANBAO_DATA_DIR = tmpDir();
});

describe('the desktop main process', () => {
  it('opens one sandboxed window on the app:// origin, with the preload and without Node', async () => {
    const e = await startMain();
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(e.windows).toHaveLength(1);
    expect(e.windows[0]!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((e.windows[0]!.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  });

  it('the installed app cannot open DevTools; a developer’s copy can', async () => {
    expect((await startMain()).windows[0]!.options.webPreferences).toMatchObject({ devTools: true });
    fake.current = fakeElectron();
    const packaged = fakeElectron();
    packaged.app.isPackaged = true;
    process.argv = ['/opt/nianbao/nianbao'];
    fake.current = packaged;
    vi.resetModules();
    await import('../../../electron/desktop/main.js');
    await vi.waitFor(() => expect(packaged.windows[0]?.loaded).toEqual([`${APP_ORIGIN}/index.html`]));
    expect(packaged.windows[0]!.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('a second copy hands over to the first and quits without opening anything', async () => {
    const e = await startMain(false);
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.app.whenReady).not.toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
  });

  it('navigation and redirects leave only for the app’s own pages; new windows and webviews are refused', async () => {
    const e = await startMain();
    const contents = new FakeContents();
    e.app.emit('web-contents-created', {}, contents);
    const navigate = (name: string, url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'app://nianbao.example.com/index.html')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', `${APP_ORIGIN}/index.html#/report/1/s3`)).toBe(false);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-attach-webview', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });
  });

  it('grants no permission and lets no request leave the app', async () => {
    const { defaultSession: s } = await startMain();
    const granted = vi.fn();
    s.permissionRequest?.({}, 'media', granted);
    s.permissionRequest?.({}, 'notifications', granted);
    expect(granted.mock.calls).toEqual([[false], [false]]);
    expect(s.permissionCheck?.({}, 'clipboard-read')).toBe(false);
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | undefined;
      s.beforeRequest?.({ url }, (a: { cancel: boolean }) => (answer = a));
      return answer?.cancel;
    };
    expect(cancelled('https://fonts.example.com/a.woff2')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://nianbao.evil/x.js')).toBe(true);
    expect(cancelled(`${APP_ORIGIN}/assets/index.js`)).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('blob:app://nianbao/1234')).toBe(false);
  });

  it('only the app’s own page may call the back end; its calls are checked against the contract', async () => {
    const e = await startMain();
    const call = e.ipcMain.handlers.get(IPC_CHANNEL)!;
    const refused = { ok: false, error: { code: 'refused', message: '拒绝来自外部页面的请求' } };
    expect(await call({ senderFrame: { url: 'https://example.com/' } }, 'agency.list', {})).toEqual(refused);
    expect(await call({ senderFrame: null }, 'agency.list', {})).toEqual(refused);
    expect(await call({ senderFrame: { url: 'app://nianbao.evil/index.html' } }, 'agency.list', {})).toEqual(refused);
    const own = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    expect(await call(own, 'agency.list', {})).toEqual({ ok: true, value: [] });
    expect(await call(own, 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(own, 'report.open', { reportId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('the app:// protocol answers GET only, never outside the window’s folder', async () => {
    const e = await startMain();
    const serve = e.protocol.handlers.get(APP_SCHEME)! as (r: Request) => Response;
    expect(serve(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST' })).status).toBe(405);
    for (const path of ['/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%00index.html']) {
      const res = serve(new Request(`${APP_ORIGIN}${path}`));
      expect([403, 404, 500], path).toContain(res.status);
      expect(await res.text()).not.toContain('root:');
    }
    const expired = serve(new Request(`${APP_ORIGIN}/preview/${'0'.repeat(32)}`));
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('预览已过期');
  });

  it('started as a command (`nianbao check …`), runs it and exits with its code, opening no window', async () => {
    commands.ran = [];
    const e = await startMain(true, ['/opt/nianbao/nianbao', 'check', '2024.nianbao.json']);
    await vi.waitFor(() => expect(e.app.exit).toHaveBeenCalledWith(1));
    expect(commands.ran).toEqual([['check', '2024.nianbao.json']]);
    expect(e.windows).toHaveLength(0);
    expect(e.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(e.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('closing the app’s window also closes the hidden windows kept for PDFs, so that Electron sees its last window close', async () => {
    const e = await startMain();
    const call = e.ipcMain.handlers.get(IPC_CHANNEL)!;
    const own = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    const agency = (await call(own, 'agency.create', { agency: SAMPLE_AGENCY })) as { ok: true; value: { id: number } };
    const report = (await call(own, 'report.create', { agencyId: agency.value.id, year: 2024 })) as { ok: true; value: { id: number } };
    expect(await call(own, 'export.pages', { reportId: report.value.id, draft: true })).toMatchObject({ ok: true });
    const kept = e.windows.slice(1);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.some((w) => !w.destroyed)).toBe(true);
    e.windows[0]!.emit('closed');
    expect(kept.every((w) => w.destroyed)).toBe(true);
  });

  it('closing the last window closes the store and quits', async () => {
    const e = await startMain();
    e.app.emit('window-all-closed');
    expect(e.app.quit).toHaveBeenCalled();
  });
});

describe('the installed app as the command line', () => {
  it('knows every command of electron/cli.ts, and opens the window for anything else', async () => {
    const { isCommandLine, userArguments } = await vi.importActual<typeof import('../../../electron/desktop/command-line.js')>('../../../electron/desktop/command-line.js');
    const { main } = await import('../../../electron/cli.js');
    const lines: string[] = [];
    const log = vi.spyOn(process.stdout, 'write').mockImplementation((text) => (lines.push(String(text)), true));
    try {
      await main(['--help']);
    } finally {
      log.mockRestore();
    }
    const names = lines.join('').split('\n').flatMap((l) => /^ {2}([a-z]+) {2}/.exec(l)?.[1] ?? []);
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) expect(isCommandLine([name, 'x']), name).toBe(true);
    expect(isCommandLine(['--version'])).toBe(true);
    expect(isCommandLine([])).toBe(false);
    expect(isCommandLine(['--data-dir', '/data'])).toBe(false);
    expect(userArguments(['/usr/bin/electron', '/app', 'check', 'x'], true)).toEqual(['check', 'x']);
    expect(userArguments(['/opt/nianbao/nianbao', 'check', 'x'], false)).toEqual(['check', 'x']);
  });
});
