import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { tokenFor } from '../../../core/report/prose.js';
import { openBackend, type Backend } from '../../../electron/backend.js';
import { SAMPLE_AGENCY } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';
import { signableCells, signableProse } from '../signoff/fixture.js';
import { SIGNOFF } from '../signoff/setup.js';

const open: Backend[] = [];

/** The services as browser mode runs them (keeper, lock, storage guard), on a folder of the test's own; closed after the test. */
export function runningBackend(dataDir = tmpDir()): Backend & { dataDir: string } {
  const backend = openBackend(dataDir, 'web');
  open.push(backend);
  return Object.assign(backend, { dataDir });
}

afterEach(() => {
  for (const b of open.splice(0)) b.close();
});

type H = Backend['handlers'];

/** An agency and its 2024 report that passes the gate: what a clerk has after an afternoon. */
export async function fillReport(handlers: H, year = 2024, cells: Record<string, number> = {}): Promise<{ agencyId: number; reportId: number }> {
  const agencies = await handlers['agency.list']({});
  const agency = agencies[0] ?? (await handlers['agency.create']({ agency: SAMPLE_AGENCY }));
  const report = await handlers['report.create']({ agencyId: agency.id, year });
  const reportId = report.id;
  await handlers['cells.set']({ reportId, changes: Object.entries(signableCells(cells)).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse(`本年度，我镇收到政府信息公开申请${tokenFor('t3.r1.total')}件，均按时答复。`);
  for (const key of ['s1', 's5', 's6'] as const) await handlers['section.set']({ reportId, key, text: prose[key] });
  return { agencyId: agency.id, reportId };
}

export async function sign(handlers: H, reportId: number) {
  return handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
}

/**
 * A small disk of its own (a tmpfs of `kb` KB), to fill it up or make it read-only for real.
 * Needs root and a system that allows mounting; undefined where it cannot be had (the tests
 * that need it say so and are skipped).
 */
export interface SmallDisk {
  dir: string;
  /** fills the disk, leaving about `leaveKb` KB free; returns a function that frees it again */
  fill(leaveKb: number): () => void;
  readOnly(on: boolean): void;
  unmount(): void;
}

export function smallDisk(kb: number): SmallDisk | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = tmpDir('nianbao-disk-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) return undefined;
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
    },
  };
}

/** Can a small disk be mounted here? (root on Linux, a system that allows it) */
export const CAN_MOUNT = (() => {
  const disk = smallDisk(64);
  disk?.unmount();
  return Boolean(disk);
})();
