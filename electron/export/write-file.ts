import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes an exported file so that it is either there whole or not changed at all: the bytes go
 * to a temporary file in the same folder, are flushed to disk, and the temporary file is then
 * renamed over the target. A failure at any step removes the temporary file and leaves any
 * earlier file of that name as it was.
 */

export type WriteFailure = 'busy' | 'denied' | 'missing-folder' | 'disk-full' | 'read-only' | 'other';

export class ExportWriteError extends Error {
  override name = 'ExportWriteError';
  constructor(
    message: string,
    readonly reason: WriteFailure,
    readonly path: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** How often a rename blocked by another program is retried: antivirus and indexers hold new files briefly. */
const RENAME_TRIES = 5;
const RENAME_WAIT_MS = 120;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** A sentence a clerk can act on, naming the file or the folder. */
export function describeWriteError(e: unknown, path: string, stage: 'folder' | 'replace'): ExportWriteError {
  const code = codeOf(e);
  const file = basename(path);
  const folder = dirname(path);
  switch (code) {
    case 'EBUSY':
      return new ExportWriteError(`文件「${file}」正被其他程序打开（例如 Word 或 WPS），请先关闭它，再重新导出。`, 'busy', path, code);
    case 'EPERM':
    case 'EACCES':
      // on Windows a file open in Word refuses the rename with EPERM/EACCES; a folder without
      // write permission refuses the temporary file already
      return stage === 'replace'
        ? new ExportWriteError(
            `无法替换文件「${file}」：它可能正被其他程序打开（例如 Word 或 WPS），或是只读文件。请关闭该文件后重新导出，或换一个文件名。`,
            'busy',
            path,
            code,
          )
        : new ExportWriteError(
            `没有权限在文件夹「${folder}」中保存文件。请换一个文件夹（例如“文档”或桌面）再导出。`,
            'denied',
            path,
            code,
          );
    case 'ENOENT':
    case 'ENOTDIR':
      return new ExportWriteError(`文件夹「${folder}」不存在，请重新选择保存位置。`, 'missing-folder', path, code);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ExportWriteError(`磁盘空间不足，文件「${file}」没有保存。请清理磁盘或换一个位置后重新导出。`, 'disk-full', path, code);
    case 'EROFS':
      return new ExportWriteError(`「${folder}」是只读的位置（例如光盘或写保护的U盘），请换一个位置保存。`, 'read-only', path, code);
    case 'EISDIR':
      return new ExportWriteError(`「${path}」是一个文件夹，请另取一个文件名。`, 'other', path, code);
    default:
      return new ExportWriteError(
        `文件「${file}」没有保存成功（${code ?? (e instanceof Error ? e.message : String(e))}），请换一个位置或文件名重试。`,
        'other',
        path,
        code,
      );
  }
}

/** Writes `data` to `path` atomically. Throws ExportWriteError with a Chinese message. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    let handle;
    try {
      handle = await open(temp, 'wx');
      created = true;
      await handle.writeFile(data);
      await handle.sync();
    } catch (e) {
      throw describeWriteError(e, path, 'folder');
    } finally {
      await handle?.close();
    }
    await renameWithRetry(temp, path);
    created = false;
    await syncFolder(dirname(path));
  } finally {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = codeOf(e);
      const locked = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
      if (!locked || attempt >= RENAME_TRIES) throw describeWriteError(e, to, 'replace');
      await sleep(RENAME_WAIT_MS * attempt);
    }
  }
}

/** Makes the rename itself durable where the system allows it (not on Windows: folders cannot be opened). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
