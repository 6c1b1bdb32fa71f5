import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOurKindOfProgram, LOCK_FILE_NAME, readLock } from '../../../electron/store/lock.js';
import { openStore, openStoreReadOnly, StoreFault } from '../../../electron/store/index.js';
import { testBackend } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';
import { runCli } from '../cli/run-cli.js';
import { fillReport } from './helpers.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Starts hold-store.ts on a folder; resolves with the process once it has said what happened. */
function holder(dir: string, ms: number): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'hold-store.ts'), dir, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, said: out.split('\n')[0]! });
    });
    child.on('error', reject);
    child.on('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`exited ${code}: ${out}`))));
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

function faultOf(fn: () => unknown): StoreFault {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreFault) return err;
    throw err;
  }
  throw new Error('expected a fault');
}

describe('one writer per data folder', () => {
  it('a second program is refused with who holds the folder; reading still works; closing frees it', async () => {
    const { store, handlers, dataDir } = testBackend();
    await fillReport(handlers);
    const lock = readLock(dataDir)!;
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(Math.abs(Date.parse(lock.startedAt) - (Date.now() - process.uptime() * 1000))).toBeLessThan(5000);

    const fault = faultOf(() => openStore(dataDir, { program: '桌面版' }));
    expect(fault.kind).toBe('locked');
    expect(fault.message).toContain(`进程 ${process.pid}`);
    expect(fault.message).toContain('请回到那个窗口继续工作');
    expect(fault.message).not.toMatch(/SQLITE|EEXIST/);

    const reader = openStoreReadOnly(dataDir);
    expect(reader.agencies.list()).toHaveLength(1);
    expect(() => reader.agencies.create({ ...reader.agencies.list()[0]!, name: '另一个' }, '2025-01-01')).toThrow();
    reader.close();

    store.close();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    openStore(dataDir).close();
  });

  it('programs started together on a new folder: exactly one gets it, the others are told, none fails on the schema', async () => {
    const dir = path.join(tmpDir(), 'new');
    const all = await Promise.all(Array.from({ length: 3 }, () => holder(dir, 5000)));
    const said = all.map((h) => h.said);
    expect(said.filter((s) => s.startsWith('opened'))).toHaveLength(1);
    expect(said.filter((s) => s.startsWith('fault locked'))).toHaveLength(2);
    for (const s of said) expect(s).not.toMatch(/already exists|error/);
    await Promise.all(all.map((h) => exited(h.child)));
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);

  it('a lock left by a program that was killed is taken over', async () => {
    const dir = tmpDir();
    const { child, said } = await holder(dir, 0);
    // the program holding the store (tsx runs the script in a process of its own)
    const pid = Number(/^opened (\d+)/.exec(said)?.[1]);
    expect(readLock(dir)?.pid).toBe(pid);
    process.kill(pid, 'SIGKILL');
    await exited(child);
    const store = openStore(dir, { program: '桌面版' });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, program: '桌面版' });
    store.close();
  }, 30_000);

  it.skipIf(process.platform !== 'linux')('a lock whose process id now belongs to a later program is stale', () => {
    const dir = tmpDir();
    // our own id, but a process that started an hour before this one: the id was reused
    const old = { pid: process.pid, startedAt: new Date(Date.now() - 3_600_000).toISOString(), program: '浏览器模式', host: os.hostname(), lockedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(old));
    openStore(dir).close();
  });

  it('where start times cannot be read (Windows), a process id now used by another kind of program is stale', () => {
    for (const ours of ['node.exe', 'Node.exe', 'electron.exe', '年报助手.exe', 'node', path.basename(process.execPath)]) expect(isOurKindOfProgram(ours), ours).toBe(true);
    for (const other of ['chrome.exe', 'svchost.exe', 'WINWORD.EXE', 'bash']) expect(isOurKindOfProgram(other), other).toBe(false);
  });

  it('a lock taken on another computer (a shared drive) is never taken over, and says which computer', () => {
    const dir = tmpDir();
    const other = { pid: 999_999, startedAt: new Date().toISOString(), program: '桌面版', host: 'KEJI-PC-07', lockedAt: new Date().toISOString() };
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(other));
    const fault = faultOf(() => openStore(dir));
    expect(fault.kind).toBe('locked');
    expect(fault.message).toContain('在计算机「KEJI-PC-07」上');
  });

  it('the command line: nianbao restore is refused while the app runs, naming it; nianbao backup works beside it', async () => {
    const { store, handlers, dataDir } = testBackend();
    await fillReport(handlers);
    const backup = runCli(['backup', '--data-dir', dataDir]);
    expect(backup.code, backup.stderr).toBe(0);
    const file = backup.stdout.trim();
    expect(fs.existsSync(file)).toBe(true);
    const restore = runCli(['restore', file, '--data-dir', dataDir]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('正在被另一个年报助手使用');
    expect(restore.stderr).toContain(`进程 ${process.pid}`);
    store.close();
  }, 60_000);
});
