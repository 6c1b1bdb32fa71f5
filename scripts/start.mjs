// `npm start`: opens the Electron window where Electron can run; otherwise starts browser mode and
// says in one line why. `npm start -- --web` forces browser mode. Other arguments (--data-dir,
// --port, --no-open) are passed on.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passOn = args.filter((a) => a !== '--web');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const outputs = ['main.cjs', 'preload.cjs', 'web.cjs', 'cli.cjs', 'renderer/index.html'].map((f) => path.join(root, 'dist', f));
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const sources = Math.max(...['core', 'electron', 'renderer'].map((d) => newestMtime(path.join(root, d))));
  if (built > sources) return;
  console.log('正在构建年报助手…');
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** Why the Electron window cannot open here, or null when it can. */
function electronUnavailable() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return '这台电脑没有图形桌面（DISPLAY 未设置）';
  const dir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(dir)) return '没有安装 Electron';
  const binary = () => {
    const pathFile = path.join(dir, 'path.txt');
    return existsSync(pathFile) && existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8')));
  };
  if (binary()) return null;
  // Electron fetches its binary on first run; try once, briefly
  console.log('第一次启动：正在下载 Electron 桌面程序…');
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'ignore'], timeout: 180_000 });
  return binary() ? null : '无法下载 Electron 桌面程序（可能没有连接互联网）';
}

/**
 * better-sqlite3 is a native module: Node (tests, browser mode, command line) and Electron need
 * different builds. The Electron build is made once per Electron version and kept in dist/native;
 * node_modules keeps the Node build.
 */
function electronSqliteBinding() {
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const target = path.join(root, 'dist', 'native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`正在为 Electron ${version} 编译数据库模块（只需一次，约一分钟）…`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const rebuild = spawnSync(npx, ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (rebuild.status !== 0) return null;
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return target;
}

function run(cmd, cmdArgs, env = process.env) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuilt();
const reason = forceWeb ? '按要求使用浏览器模式（--web）' : electronUnavailable();
if (!reason) {
  const binding = electronSqliteBinding();
  if (binding) {
    const electronBin = (await import('electron')).default;
    run(electronBin, [root, ...passOn], { ...process.env, NIANBAO_SQLITE_BINDING: binding });
  } else {
    console.log('无法为 Electron 编译数据库模块，改用浏览器模式。');
    run(process.execPath, [path.join(root, 'dist', 'web.cjs'), ...passOn]);
  }
} else {
  if (!forceWeb) console.log(`无法打开桌面窗口：${reason}。改用浏览器模式，功能完全相同。`);
  run(process.execPath, [path.join(root, 'dist', 'web.cjs'), ...passOn]);
}
