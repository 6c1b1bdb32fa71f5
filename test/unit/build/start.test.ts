import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW_SHOWN as SHOWN_IN_MAIN } from '../../../electron/desktop/channel.js';
// @ts-expect-error: build scripts in plain JavaScript
import { launchElectron, startupFailure, WINDOW_SHOWN } from '../../../scripts/electron-start.mjs';
// @ts-expect-error: build scripts in plain JavaScript
import { buildEnv, cachedPath, electronSqliteBinding, isLibraryFor, nativeKey, versions } from '../../../scripts/native.mjs';
import { tmpDir } from '../helpers/tmp.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NODE_BUILD = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** A stand-in for Electron: a Node script that writes `text` to stderr (or the marker to stdout) and exits with `code`. */
function fakeElectron(body: string): string {
  const file = path.join(tmpDir(), 'electron.cjs');
  writeFileSync(file, body);
  return file;
}

function launch(script: string): Promise<{ failed?: string; exit?: number }> {
  return new Promise((resolve) => {
    launchElectron({
      binary: process.execPath,
      args: [script],
      env: process.env,
      onFailedStart: (failed: string) => resolve({ failed }),
      onExit: (exit: number) => resolve({ exit }),
    });
  });
}

describe('npm start: an Electron that dies at start-up falls back to browser mode, saying why', () => {
  it('names a missing system library, the sandbox, the display, or the exit', () => {
    expect(startupFailure(127, null, 'electron: error while loading shared libraries: libgtk-3.so.0: cannot open shared object file')).toBe('这台电脑缺少桌面程序需要的系统库 libgtk-3.so.0');
    expect(startupFailure(null, 'SIGTRAP', 'FATAL:setuid_sandbox_host.cc The SUID sandbox helper binary was found, but is not configured correctly.')).toBe('这台电脑不允许 Electron 的安全沙箱运行');
    expect(startupFailure(1, null, 'Missing X server or $DISPLAY')).toBe('无法连接图形桌面');
    expect(startupFailure(null, 'SIGSEGV', 'something\nlast words\n')).toBe('桌面程序启动时意外退出（被信号 SIGSEGV 中止）：last words');
  });

  it('an exit before the window shows is a failed start; after it, the app’s own exit', async () => {
    const dies = fakeElectron("process.stderr.write('electron: error while loading shared libraries: libnss3.so: cannot open shared object file\\n'); process.exit(127);");
    expect(await launch(dies)).toEqual({ failed: '这台电脑缺少桌面程序需要的系统库 libnss3.so' });
    const runs = fakeElectron(`console.log(${JSON.stringify(WINDOW_SHOWN)}); process.exit(3);`);
    expect(await launch(runs)).toEqual({ exit: 3 });
    const quits = fakeElectron('process.exit(0);');
    expect(await launch(quits)).toEqual({ exit: 0 });
  });

  it('main prints the same line the start script waits for', () => {
    expect(WINDOW_SHOWN).toBe(SHOWN_IN_MAIN);
  });
});

describe('the Electron build of better-sqlite3, made beside node_modules (scripts/native.mjs)', () => {
  const v = versions(ROOT);
  const here = { platform: process.platform, arch: process.arch };
  const nodeModulesState = () => readdirSync(path.dirname(NODE_BUILD)).map((f) => `${f}:${statSync(path.join(path.dirname(NODE_BUILD), f)).mtimeMs}`);

  it('keys the kept build by the Electron and the better-sqlite3 versions, the platform and the processor', () => {
    const key = nativeKey({ electron: v.electron, sqlite: v.sqlite, ...here });
    expect(key).toBe(`electron-${v.electron}-better-sqlite3-${v.sqlite}-${process.platform}-${process.arch}`);
  });

  it('tells a library for this platform and processor from one for another, or from junk', () => {
    expect(isLibraryFor(NODE_BUILD, process.platform, process.arch)).toBe(true);
    expect(isLibraryFor(NODE_BUILD, process.platform, process.arch === 'arm64' ? 'x64' : 'arm64')).toBe(false);
    expect(isLibraryFor(NODE_BUILD, 'win32', 'x64')).toBe(false);
    expect(isLibraryFor(path.join(ROOT, 'package.json'), process.platform, process.arch)).toBe(false);
  });

  it('a failing step is reported with its exit status; nothing is kept and node_modules is untouched', () => {
    const dir = tmpDir();
    const before = nodeModulesState();
    const calls: string[][] = [];
    const result = electronSqliteBinding({ root: ROOT, dir, run: (_cmd: string, args: string[]) => (calls.push(args), { status: 1 }) });
    expect(result.error).toContain('下载 Electron 版的预编译数据库模块没有成功（退出码 1）');
    expect(result.error).toContain('按 Electron 的头文件编译数据库模块没有成功（退出码 1）');
    expect(calls.map((a) => path.basename(a[0]!))).toEqual(['bin.js', 'node-gyp.js']);
    expect(calls[0]).toContain(`--target=${v.electron}`);
    expect(readdirSync(dir)).toEqual([]);
    expect(nodeModulesState()).toEqual(before);
  });

  /** The steps as they would go here: the download lands a library in the copy's build/Release; compiling fails. */
  const steps = (counter: { made: number; env?: NodeJS.ProcessEnv }, node = { loads: false }) => (cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv }) => {
    if (args[0]?.endsWith(path.join('prebuild-install', 'bin.js'))) {
      counter.made += 1;
      counter.env = opts.env;
      mkdirSync(path.join(opts.cwd!, 'build', 'Release'), { recursive: true });
      copyFileSync(NODE_BUILD, path.join(opts.cwd!, 'build', 'Release', 'better_sqlite3.node'));
      return { status: 0 };
    }
    if (args[0]?.endsWith('node-gyp.js')) return { status: 1 };
    // the Node build stands in for Electron's: tell the check that Node cannot load it, unless testing that
    if (args[0] === '-e' && args[1]?.startsWith('process.dlopen') && !node.loads) return { status: 1 };
    return spawnSync(cmd, args, opts as never);
  };

  it('a build Node itself can load is a Node build, not Electron’s: refused (npm’s nodedir would make one)', () => {
    const counter = { made: 0 } as { made: number; env?: NodeJS.ProcessEnv };
    const result = electronSqliteBinding({ root: ROOT, dir: tmpDir(), run: steps(counter, { loads: true }) });
    expect(result.error).toContain('下载 Electron 版的预编译数据库模块没有成功');
    const withNpm = { ...process.env, npm_config_nodedir: '/usr', npm_config_runtime: 'node' };
    expect(buildEnv(withNpm).npm_config_nodedir).toBeUndefined();
    expect(counter.env?.npm_config_nodedir).toBeUndefined();
  });

  it('a build that loads is kept and used next time; a kept build that no longer loads is made again', () => {
    const dir = tmpDir();
    const before = nodeModulesState();
    let made = 0;
    // the download step, as it would go: the file lands in the copy's build/Release
    const run = (cmd: string, args: string[], opts: { cwd?: string }) => {
      if (args[0] === '-e' && args[1]?.startsWith('process.dlopen')) return { status: 1 };
      if (args[0]?.endsWith(path.join('prebuild-install', 'bin.js'))) {
        made += 1;
        mkdirSync(path.join(opts.cwd!, 'build', 'Release'), { recursive: true });
        copyFileSync(NODE_BUILD, path.join(opts.cwd!, 'build', 'Release', 'better_sqlite3.node'));
        return { status: 0 };
      }
      // compiling needs Electron's headers from the internet: not here
      if (args[0]?.endsWith('node-gyp.js')) return { status: 1 };
      return spawnSync(cmd, args, opts as never);
    };
    // Node stands in for Electron to open a database through the build
    const first = electronSqliteBinding({ root: ROOT, dir, run, electronBinary: process.execPath });
    expect(first.file).toBe(cachedPath(dir, { electron: v.electron, sqlite: v.sqlite, ...here }));
    expect(readdirSync(dir)).toEqual([path.basename(path.dirname(first.file))]);
    expect(electronSqliteBinding({ root: ROOT, dir, run, electronBinary: process.execPath }).file).toBe(first.file);
    expect(made).toBe(1);

    // a kept file damaged, or one that no longer opens a database in this Electron: made again
    writeFileSync(first.file, 'not a library');
    expect(electronSqliteBinding({ root: ROOT, dir, run, electronBinary: process.execPath }).file).toBe(first.file);
    expect(made).toBe(2);
    const again = electronSqliteBinding({ root: ROOT, dir, run: (cmd: string, args: string[], opts: { cwd?: string }) => (cmd === process.execPath && args[0] === '-e' ? { status: 1 } : run(cmd, args, opts)), electronBinary: process.execPath });
    expect(again.error).toBeDefined();
    expect(existsSync(first.file)).toBe(false);
    expect(readFileSync(NODE_BUILD).length).toBeGreaterThan(4096);
    expect(nodeModulesState()).toEqual(before);
  });
});
