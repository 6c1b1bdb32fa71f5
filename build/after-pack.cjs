// electron-builder's afterPack hook (build/electron-builder.json): once the app's files are laid
// out for one platform and processor, and before the installer is made from them, the Node build
// of better-sqlite3 copied from node_modules is replaced by the Electron build that
// scripts/native.mjs made beside node_modules for that platform and processor. Then the Electron
// fuses are set (build/fuses.cjs), before electron-builder signs and packs.
const { copyFileSync, existsSync } = require('node:fs');
const path = require('node:path');
const { fuseConfig } = require('./fuses.cjs');

const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

exports.default = async function afterPack(context) {
  const { cachedPath, isLibraryFor, nativeDir, versions } = await import(path.join(__dirname, '..', 'scripts', 'native.mjs'));
  const root = context.packager.projectDir;
  const platform = context.electronPlatformName;
  const arch = ARCH[context.arch];
  const v = versions(root);
  const built = cachedPath(nativeDir(root), { electron: v.electron, sqlite: v.sqlite, platform, arch });
  if (!isLibraryFor(built, platform, arch)) {
    throw new Error(`没有 Electron ${v.electron}（${platform}-${arch}）版的数据库模块：${built}。请用 npm run dist 打包，它会先制作这个模块。`);
  }
  const resources = platform === 'darwin' ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources') : path.join(context.appOutDir, 'resources');
  const target = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(target)) throw new Error(`打包结果中没有数据库模块：${target}`);
  copyFileSync(built, target);
  // electron-builder's own "electronFuses" cannot require every fuse to be set: done here instead
  const { FuseVersion, FuseV1Options } = await import('@electron/fuses');
  await context.packager.addElectronFuses(context, fuseConfig(FuseVersion, FuseV1Options));
};
