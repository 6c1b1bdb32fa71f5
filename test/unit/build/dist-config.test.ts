import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: build scripts in plain JavaScript
import { cachedPath, nativeDir, versions } from '../../../scripts/native.mjs';
import { tmpDir } from '../helpers/tmp.js';

/**
 * The packaging as far as it can be checked here (making installers needs the internet): the
 * electron-builder configuration against electron-builder's own schema, which files of the native
 * module go into a package, the icons, the processor, and the hook that puts the Electron build of
 * better-sqlite3 into the package without touching node_modules.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const CONFIG = JSON.parse(readFileSync(path.join(ROOT, 'build', 'electron-builder.json'), 'utf8'));
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('build/electron-builder.json', () => {
  it('passes electron-builder’s own validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    await expect(validateConfiguration(CONFIG, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('never rebuilds node_modules; the hook that brings the Electron build exists', () => {
    expect(CONFIG.npmRebuild).toBe(false);
    expect(CONFIG.afterPack).toBe('./build/after-pack.cjs');
    expect(readdirSync(path.join(ROOT, 'build'))).toContain('after-pack.cjs');
  });

  it('packs the native module’s library and JavaScript, not its sources or the leftovers of compiling it', () => {
    // node_modules get only the exclusions of `files`, after an all-including pattern (as electron-builder does)
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    const matcher = new FileMatcher('/app', '/out', (p: string) => p, ['**/*', ...CONFIG.files.filter((p: string) => p.startsWith('!'))]);
    const keep = matcher.createFilter() as (file: string, stat: { isDirectory(): boolean }) => boolean;
    const packed = (rel: string) => keep(`/app/node_modules/better-sqlite3/${rel}`, { isDirectory: () => false });
    for (const rel of ['build/Release/better_sqlite3.node', 'lib/index.js', 'lib/database.js', 'package.json']) expect(packed(rel), rel).toBe(true);
    const leftovers = [
      'build/Release/obj.target/better_sqlite3/src/better_sqlite3.o',
      'build/Release/obj/gen/sqlite3/sqlite3.c',
      'build/Release/.deps/Release/better_sqlite3.node.d',
      'build/Release/test_extension.node',
      'build/Release/sqlite3.a',
      'build/Release/better_sqlite3.pdb',
      'build/Makefile',
      'build/binding.Makefile',
      'build/better_sqlite3.target.mk',
      'build/config.gypi',
      'deps/sqlite3/sqlite3.c',
      'src/better_sqlite3.cpp',
      'binding.gyp',
    ];
    expect(leftovers.filter(packed)).toEqual([]);
  });

  it('has icons drawn at build time for Windows and Linux', () => {
    expect(CONFIG.win.icon).toBe('dist/icons/icon.ico');
    expect(CONFIG.linux.icon).toBe('dist/icons/png');
  });

  it('makes Linux packages for this computer’s processor, as the README says, and the Windows installer for x64', () => {
    for (const target of CONFIG.linux.target) expect(target.arch).toBeUndefined();
    expect(CONFIG.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(README).toContain('本机的处理器');
    expect(README).not.toMatch(/x64 与 arm64/);
  });
});

describe('build/after-pack.cjs', () => {
  it('puts the Electron build made beside node_modules into the packaged app, and refuses when there is none', async () => {
    const root = tmpDir();
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const v = versions(ROOT);
    const built = cachedPath(nativeDir(root), { electron: v.electron, sqlite: v.sqlite, platform: process.platform, arch: process.arch });
    const appOutDir = path.join(root, 'release', 'linux-unpacked');
    const target = path.join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(path.dirname(target), { recursive: true });
    mkdirSync(path.dirname(built), { recursive: true });
    copyFileSync(path.join(ROOT, 'package.json'), target);
    const fused: unknown[] = [];
    const context = { packager: { projectDir: root, addElectronFuses: async (_c: unknown, config: unknown) => fused.push(config) }, electronPlatformName: process.platform, arch: ['ia32', 'x64', 'armv7l', 'arm64'].indexOf(process.arch), appOutDir };
    const { default: afterPack } = require(path.join(ROOT, 'build', 'after-pack.cjs'));
    await expect(afterPack(context)).rejects.toThrow('没有 Electron');
    // a library for this computer stands in for the Electron build
    copyFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), built);
    await afterPack(context);
    expect(readFileSync(target).equals(readFileSync(built))).toBe(true);
    // and the fuses are set, every one of them required
    expect(fused).toEqual([expect.objectContaining({ strictlyRequireAllFuses: true })]);
  });
});

describe('the Electron fuses (build/fuses.cjs, set by build/after-pack.cjs)', () => {
  // a stand-in for the Electron binary: the fuse wire as Electron lays it out (sentinel, version, length, states)
  const fakeBinary = (fuses: number) => {
    const { SENTINEL } = require('@electron/fuses/dist/constants.js');
    const file = path.join(tmpDir(), 'nianbao');
    const bytes = Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, fuses]), Buffer.alloc(fuses, '1'), Buffer.from('…')]);
    require('node:fs').writeFileSync(file, bytes);
    return file;
  };

  it('names every fuse, requires them all, and leaves no way to run the app as Node, inspect it or load code from outside its asar', async () => {
    const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = await import('@electron/fuses');
    const { FUSES, fuseConfig } = require('../../../build/fuses.cjs');
    const named = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(named.sort());
    const config = fuseConfig(FuseVersion, FuseV1Options);
    expect(config.strictlyRequireAllFuses).toBe(true);
    const binary = fakeBinary(named.length);
    await flipFuses(binary, config);
    const wire = await getCurrentFuseWire(binary);
    const state = (name: keyof typeof FuseV1Options) => String.fromCharCode((wire as unknown as Record<number, number>)[FuseV1Options[name] as number]!);
    expect(state('RunAsNode')).toBe('0');
    expect(state('EnableNodeOptionsEnvironmentVariable')).toBe('0');
    expect(state('EnableNodeCliInspectArguments')).toBe('0');
    expect(state('OnlyLoadAppFromAsar')).toBe('1');
    expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
    expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
    // an Electron with one fuse more than we decided on fails the packaging
    await expect(flipFuses(fakeBinary(named.length + 1), config)).rejects.toThrow(/strictlyRequireAllFuses/);
    expect(CONFIG.electronFuses).toBeUndefined();
    expect(readFileSync(path.join(ROOT, 'build', 'after-pack.cjs'), 'utf8')).toContain('addElectronFuses(context, fuseConfig(');
  });

  it('Electron is pinned to an exact version, and the Node side’s source maps are not packed', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(CONFIG.files).toContain('!dist/**/*.map');
  });
});
