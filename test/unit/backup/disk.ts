import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small disk of its own (a tmpfs of `kb` KB), to fill it up or make it read-only for real.
 * Needs root and a system that allows mounting; undefined where it cannot be had (the tests
 * that need it say so and are skipped). No test framework here: used by unit and e2e tests.
 */
export interface SmallDisk {
  dir: string;
  /** fills the disk, leaving about `leaveKb` KB free; returns a function that frees it again */
  fill(leaveKb: number): () => void;
  /** remounts read-only (only possible while no file on it is open for writing) or back */
  readOnly(on: boolean): void;
  unmount(): void;
}

export function smallDisk(kb: number): SmallDisk | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    fill(leaveKb) {
      const filler = path.join(dir, 'filler.bin');
      const free = () => {
        const { bavail, bsize } = fs.statfsSync(dir);
        return bavail * bsize;
      };
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 1);
      try {
        while (free() > leaveKb * 1024) fs.writeSync(fd, chunk);
      } catch {
        // full
      } finally {
        fs.closeSync(fd);
      }
      return () => fs.rmSync(filler, { force: true });
    },
    readOnly(on) {
      spawnSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
    },
    unmount() {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Can a small disk be mounted here? (root on Linux, a system that allows it) */
export const CAN_MOUNT = (() => {
  const disk = smallDisk(64);
  disk?.unmount();
  return Boolean(disk);
})();
