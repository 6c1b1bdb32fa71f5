// `npm run dist` (-- --win, --linux): the installers, in release/. Needs the internet (electron-builder
// fetches Electron and its packaging tools; the database module for Electron is downloaded or
// compiled against Electron's headers).
//
// node_modules is left as it was found: its better-sqlite3 stays the Node build (tests, browser
// mode and the command line need it). The Electron build is made beside it (scripts/native.mjs)
// and put into each package by build/after-pack.cjs; electron-builder's own rebuild, which would
// overwrite node_modules, is off (npmRebuild: false).
//
// Linux packages are made for this computer's processor (x64 or arm64): a native module cannot be
// compiled for another, and the Linux packages should be made on the oldest distribution supported.
// The Windows installer is x64, with the published prebuilt module for Windows.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './native.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const platforms = ['--win', '--linux'].filter((p) => args.includes(p));
if (!platforms.length) platforms.push('--win', '--linux');

/** Each file of node_modules/better-sqlite3 with its size and time: to show it was not touched. */
function snapshot(dir = path.join(root, 'node_modules', 'better-sqlite3')) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size, mtimeMs } = statSync(file);
    out.push(`${path.relative(dir, file)}:${size}:${mtimeMs}`);
  }
  return out.sort().join('\n');
}

function run(what, cmd, cmdArgs) {
  console.log(`\n=== ${what}`);
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`${what}没有成功（${result.error ? result.error.message : `退出码 ${result.status ?? result.signal}`}）。`);
    process.exit(1);
  }
}

const before = snapshot();
run('构建', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);

const targets = platforms.map((p) => (p === '--win' ? { platform: 'win32', arch: 'x64', flags: ['--win', '--x64'] } : { platform: 'linux', arch: process.arch, flags: ['--linux', `--${process.arch}`] }));
for (const target of targets) {
  const binding = electronSqliteBinding({ root, platform: target.platform, arch: target.arch, log: (line) => console.log(line) });
  if (binding.error) {
    console.error(binding.error);
    process.exit(1);
  }
  console.log(`Electron 版数据库模块（${target.platform}-${target.arch}）：${path.relative(root, binding.file)}`);
}

const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
run('制作安装程序', process.execPath, [builder, '--config', 'build/electron-builder.json', ...targets.flatMap((t) => t.flags)]);

if (snapshot() !== before) {
  console.error('node_modules/better-sqlite3 在打包过程中被改动了，浏览器模式和测试可能无法使用。请运行 npm rebuild better-sqlite3 恢复。');
  process.exit(1);
}
console.log('\n安装程序在 release/ 中；node_modules 没有改动。');
