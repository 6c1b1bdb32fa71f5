// better-sqlite3 is a native module: Node (tests, browser mode, the command line) and Electron
// need different builds of it. node_modules keeps the Node build and is never touched here. The
// Electron build is made in a copy of the package (dist/native/stage-…) and kept in
// dist/native/<key>/better_sqlite3.node, the key naming the Electron version, the better-sqlite3
// version, the platform and the processor: a new version of either is a new build. A kept build
// is checked before it is used (the right kind of file for that platform and processor, and,
// where Electron itself can run, that it loads and opens a database); a bad one is made again.
//
// Used by `npm start` (the build for this computer) and `npm run dist` (the build for each package).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, copyFileSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';

const HEADERS_URL = 'https://electronjs.org/headers';

/**
 * The environment for building: without the npm settings that would make node-gyp or
 * prebuild-install build for Node instead (npm run passes its config on, and a system-wide
 * `nodedir` points node-gyp at Node's own headers).
 */
export function buildEnv(env = process.env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source|platform)$/i.test(key)) delete clean[key];
  }
  return clean;
}

export function versions(root) {
  const read = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { electron: read('electron'), sqlite: read('better-sqlite3') };
}

/** The cache key: every input that changes the build. */
export function nativeKey({ electron, sqlite, platform, arch }) {
  return `electron-${electron}-better-sqlite3-${sqlite}-${platform}-${arch}`;
}

/** Where builds are kept: dist/native, unless a test says otherwise. */
export function nativeDir(root) {
  return path.join(root, 'dist', 'native');
}

export function cachedPath(dir, target) {
  return path.join(dir, nativeKey(target), 'better_sqlite3.node');
}

function head(file, bytes) {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    readSync(fd, buf, 0, bytes, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

const ELF_MACHINE = { x64: 62, arm64: 183, ia32: 3 };
const PE_MACHINE = { x64: 0x8664, arm64: 0xaa64, ia32: 0x14c };
const MACHO_CPU = { x64: 0x01000007, arm64: 0x0100000c };

/**
 * Whether a file is a loadable library for this platform and processor, read from its header:
 * an ELF shared object (Linux), a PE DLL (Windows) or a Mach-O (macOS) of the right machine.
 */
export function isLibraryFor(file, platform, arch) {
  if (!existsSync(file) || statSync(file).size < 4096) return false;
  const h = head(file, 4096);
  if (platform === 'linux') return h.readUInt32BE(0) === 0x7f454c46 && h.readUInt16LE(18) === ELF_MACHINE[arch];
  if (platform === 'win32') {
    if (h.toString('latin1', 0, 2) !== 'MZ') return false;
    const pe = h.readUInt32LE(0x3c);
    return pe + 6 <= h.length && h.toString('latin1', pe, pe + 4) === 'PE\0\0' && h.readUInt16LE(pe + 4) === PE_MACHINE[arch];
  }
  if (platform === 'darwin') return h.readUInt32LE(0) === 0xfeedfacf && h.readUInt32LE(4) === MACHO_CPU[arch];
  return false;
}

/** Opens an in-memory database through the build, inside Electron run as Node; true when it worked. */
export function loadsInElectron(root, file, electronBinary, run = spawnSync) {
  const script = `const D = require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))}); new D(':memory:', { nativeBinding: ${JSON.stringify(file)} }).prepare('select 1').get();`;
  const result = run(electronBinary, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'ignore', timeout: 60_000 });
  return result.status === 0;
}

/** A build Node itself can load is a Node build (Electron's has another NODE_MODULE_VERSION): not the one wanted. */
export function loadsInNode(file, run = spawnSync) {
  return run(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], { env: buildEnv(), stdio: 'ignore', timeout: 60_000 }).status === 0;
}

/**
 * A build is good when its header fits the platform and processor and, for this computer, when
 * Node cannot load it and Electron (where it can run here) can.
 */
export function checkBuild(root, file, target, electronBinary, run = spawnSync) {
  if (!isLibraryFor(file, target.platform, target.arch)) return false;
  if (target.platform !== process.platform || target.arch !== process.arch) return true;
  if (loadsInNode(file, run)) return false;
  return electronBinary ? loadsInElectron(root, file, electronBinary, run) : true;
}

/**
 * The Electron build of better-sqlite3 for `target` ({ platform, arch }): the kept one when it
 * checks out, else made anew in a copy of the package — first by downloading the published
 * prebuilt file, then, for this computer only, by compiling against Electron's headers. Every
 * step's exit status is checked. Resolves { file } or { error } (a sentence for the clerk).
 */
export function electronSqliteBinding({ root, dir = nativeDir(root), platform = process.platform, arch = process.arch, electronBinary, run = spawnSync, log = () => {} }) {
  const v = versions(root);
  const target = { electron: v.electron, sqlite: v.sqlite, platform, arch };
  const cached = cachedPath(dir, target);
  if (existsSync(cached)) {
    if (checkBuild(root, cached, target, electronBinary, run)) return { file: cached };
    log('保存的数据库模块无法使用，重新制作。');
    rmSync(path.dirname(cached), { recursive: true, force: true });
  }

  const stage = path.join(dir, `stage-${nativeKey(target)}`);
  const pkg = path.join(stage, 'better-sqlite3');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  // a copy without the Node build: node_modules stays as it is
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), pkg, {
    recursive: true,
    filter: (src) => path.relative(path.join(root, 'node_modules', 'better-sqlite3'), src).split(path.sep)[0] !== 'build',
  });
  const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
  const steps = [
    {
      what: '下载 Electron 版的预编译数据库模块',
      args: [path.join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime=electron', `--target=${v.electron}`, `--platform=${platform}`, `--arch=${arch}`, '--tag-prefix=v'],
    },
  ];
  if (platform === process.platform && arch === process.arch) {
    steps.push({
      what: '按 Electron 的头文件编译数据库模块',
      args: [path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${v.electron}`, `--arch=${arch}`, `--dist-url=${HEADERS_URL}`],
    });
  }
  const failures = [];
  for (const step of steps) {
    log(`正在${step.what}（Electron ${v.electron}，${platform}-${arch}）…`);
    const result = run(process.execPath, step.args, { cwd: pkg, env: buildEnv(), stdio: 'inherit', timeout: 600_000 });
    if (result.status === 0 && checkBuild(root, built, target, electronBinary, run)) break;
    failures.push(`${step.what}没有成功（${result.error ? result.error.message : `退出码 ${result.status ?? result.signal}`}）`);
  }
  if (failures.length === steps.length) {
    rmSync(stage, { recursive: true, force: true });
    return { error: `无法为 Electron ${v.electron}（${platform}-${arch}）制作数据库模块：${failures.join('；')}。这一步需要连接互联网。` };
  }
  mkdirSync(path.dirname(cached), { recursive: true });
  copyFileSync(built, cached);
  rmSync(stage, { recursive: true, force: true });
  return { file: cached };
}
