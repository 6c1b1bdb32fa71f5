// `npm start`: opens the Electron window where Electron can run; otherwise starts browser mode and
// says in one line why. `npm start -- --web` forces browser mode. Other arguments (--data-dir,
// --port, --no-open) are passed on.
//
// Electron "cannot run" when: there is no graphical desktop; its binary is not installed and cannot
// be downloaded; the database module cannot be made for it (scripts/native.mjs); or it dies at
// start-up before its window shows (scripts/electron-start.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchElectron } from './electron-start.mjs';
import { electronSqliteBinding } from './native.mjs';

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
  const sources = Math.max(...['core', 'electron', 'renderer', 'assets/icon'].map((d) => newestMtime(path.join(root, d))));
  if (built > sources) return;
  console.log('正在构建年报助手…');
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** The Electron binary, once downloaded (Electron fetches it on first run). */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** The Electron binary, or why the Electron window cannot open here. */
function findElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: '这台电脑没有图形桌面（DISPLAY 未设置）' };
  const dir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(dir)) return { reason: '没有安装 Electron' };
  const found = electronBinary();
  if (found) return { binary: found };
  // Electron fetches its binary on first run; try once, briefly
  console.log('第一次启动：正在下载 Electron 桌面程序…');
  const download = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'ignore'], timeout: 180_000 });
  const binary = download.status === 0 ? electronBinary() : undefined;
  return binary ? { binary } : { reason: '无法下载 Electron 桌面程序（可能没有连接互联网）' };
}

function runWeb(note) {
  if (note) console.log(`无法打开桌面窗口：${note}。改用浏览器模式，功能完全相同。`);
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web.cjs'), ...passOn], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuilt();
if (forceWeb) {
  console.log('按要求使用浏览器模式（--web）。');
  runWeb();
} else {
  const electron = findElectron();
  if (!electron.binary) runWeb(electron.reason);
  else {
    const binding = electronSqliteBinding({ root, electronBinary: electron.binary, log: (line) => console.log(line) });
    if (!binding.file) runWeb(binding.error);
    else {
      launchElectron({
        binary: electron.binary,
        args: [root, ...passOn],
        env: { ...process.env, NIANBAO_SQLITE_BINDING: binding.file },
        onFailedStart: (reason) => runWeb(reason),
        onExit: (code) => process.exit(code),
      });
    }
  }
}
