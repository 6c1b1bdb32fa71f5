import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One writer per data folder. SQLite itself would let two programs write the same file in turn,
 * and each would silently overwrite what the other showed its clerk; two starting together on a
 * new folder race each other's migrations. So every program that writes (browser mode, the
 * desktop app, `nianbao restore`) first takes `nianbao.lock` in the data folder: created with
 * O_EXCL, holding who took it. Reading commands never take it.
 *
 * A lock left behind by a program that was killed is stale: its process is gone, or the process
 * id now belongs to another program started later. Stale locks are taken over; live ones are
 * named in the refusal, so the clerk knows which window to go back to.
 */

export const LOCK_FILE_NAME = 'nianbao.lock';

/** What the lock file says about the program holding the folder. */
export interface LockHolder {
  pid: number;
  /** when the holding process started (ISO), to tell it from a later process given the same id */
  startedAt: string;
  /** how a clerk calls that program: 「浏览器模式」「桌面版」「命令行（nianbao restore）」 */
  program: string;
  /** the computer's name: a folder on a shared drive may be locked from another computer */
  host: string;
  /** when the lock was taken (ISO) */
  lockedAt: string;
}

export interface FolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** removes the lock file if it is still ours */
  release(): void;
}

/** The folder is held by another live program. */
export class FolderLockedError extends Error {
  constructor(
    readonly holder: LockHolder,
    message: string,
  ) {
    super(message);
  }
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE_NAME);
}

/** When a process started, in ms since the epoch, where the system tells (Linux); else undefined. */
export function processStartTime(pid: number): number | undefined {
  if (process.platform !== 'linux') return pid === process.pid ? ownStartTime() : undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22: starttime, in clock ticks after boot
    const boot = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || !boot) return undefined;
    // USER_HZ is 100 on every Linux the app runs on
    return Number(boot[1]) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

function ownStartTime(): number {
  return Math.round(Date.now() - process.uptime() * 1000);
}

/** Is a process with this id running (on this computer)? A process of another user counts. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Start times are read with a clock tick's precision and the process's own clock: a few seconds apart is the same process. */
const SAME_START_MS = 5000;

/**
 * Is the program that wrote this lock gone? Only decidable on this computer: a lock taken on
 * another computer (a shared drive) is never taken over.
 */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  if (!isAlive(holder.pid)) return true;
  const started = processStartTime(holder.pid);
  const recorded = Date.parse(holder.startedAt);
  // the id is in use, by a process that started at another time: the holder is gone, its id reused
  if (started !== undefined) return Number.isFinite(recorded) && Math.abs(started - recorded) > SAME_START_MS;
  // where the start time cannot be read (Windows reuses ids quickly): a process that is not a
  // Node or Electron program cannot be the holder
  const image = processImage(holder.pid);
  return image !== undefined && !isOurKindOfProgram(image);
}

/** The program file of a process on Windows (「node.exe」), from tasklist; undefined elsewhere or when unknown. */
function processImage(pid: number): string | undefined {
  if (process.platform !== 'win32') return undefined;
  try {
    const out = execFileSync('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'], { encoding: 'utf8', timeout: 3000, windowsHide: true });
    return /^"([^"]+)"/.exec(out.trim())?.[1];
  } catch {
    return undefined;
  }
}

/** Could this program file be a 年报助手 (browser mode, the command line or the desktop app)? */
export function isOurKindOfProgram(image: string): boolean {
  const name = image.toLowerCase();
  return name === path.basename(process.execPath).toLowerCase() || /^(node|electron|年报助手|nianbao)(\.exe)?$/.test(name);
}

export function readLock(dataDir: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startedAt !== 'string') return undefined;
    return {
      pid: parsed.pid,
      startedAt: parsed.startedAt,
      program: String(parsed.program ?? '年报助手'),
      host: String(parsed.host ?? ''),
      lockedAt: String(parsed.lockedAt ?? parsed.startedAt),
    };
  } catch {
    return undefined;
  }
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1} 月 ${d.getDate()} 日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 「浏览器模式（进程 4120，1 月 5 日 09:12 启动）」, with the computer when it is another one. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.host && holder.host !== os.hostname() ? `，在计算机「${holder.host}」上` : '';
  return `${holder.program}（进程 ${holder.pid}${where}，${localTime(holder.startedAt)}启动）`;
}

/** The refusal a second program gets, naming the first and what to do. */
export function lockedMessage(dataDir: string, holder: LockHolder): string {
  return (
    `数据文件夹「${dataDir}」正在被另一个年报助手使用：${describeHolder(holder)}。` +
    '同一个数据文件夹同时只能由一个年报助手写入，否则两边的修改会互相覆盖。' +
    '请回到那个窗口继续工作，或者先把它关闭（浏览器模式：关闭启动它的命令行窗口），再点「重试」。' +
    '只是查看或导出，可以用命令行的 nianbao check、nianbao export、nianbao backup，它们不受影响。'
  );
}

/**
 * Takes the data folder for this process, or throws FolderLockedError naming the holder.
 * A stale lock is replaced. Creating the file with O_EXCL means that of two programs starting at
 * the same moment exactly one gets the folder.
 */
export function acquireLock(dataDir: string, program: string): FolderLock {
  const file = lockFile(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: new Date(processStartTime(process.pid) ?? ownStartTime()).toISOString(),
    program,
    host: os.hostname(),
    lockedAt: new Date().toISOString(),
  };
  const text = `${JSON.stringify(holder, null, 2)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return {
        file,
        holder,
        release() {
          // only our own lock: a lock taken over after ours was judged stale belongs to someone else
          const now = readLock(dataDir);
          if (now && now.pid === holder.pid && now.startedAt === holder.startedAt) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const current = readLock(dataDir);
    if (current && !isStale(current)) throw new FolderLockedError(current, lockedMessage(dataDir, current));
    if (!current && justCreated(file)) {
      // another program is writing its lock this very moment: give it time to finish
      sleepMs(200);
      continue;
    }
    // stale (or unreadable: a lock file half written by a program killed at that instant)
    takeOverStale(file, current);
  }
  const current = readLock(dataDir);
  throw new FolderLockedError(current ?? { ...holder, pid: 0, program: '另一个年报助手' }, lockedMessage(dataDir, current ?? holder));
}

function justCreated(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs < 2000;
  } catch {
    return false;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Moves a stale lock out of the way. Renaming is atomic: of two programs taking over the same
 * stale lock, one renames it and the other finds it gone. If what was renamed is not the stale
 * lock judged (a third program had just taken the folder), it is put back.
 */
function takeOverStale(file: string, judged: LockHolder | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // already gone: try to create it again
  }
  let moved: LockHolder | undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(aside, 'utf8')) as LockHolder;
    moved = parsed;
  } catch {
    moved = undefined;
  }
  const same = !judged || (moved && moved.pid === judged.pid && moved.startedAt === judged.startedAt);
  if (same) fs.rmSync(aside, { force: true });
  else {
    try {
      fs.linkSync(aside, file);
    } catch {
      // the folder was taken again meanwhile; the live holder's own file stays
    }
    fs.rmSync(aside, { force: true });
  }
}
