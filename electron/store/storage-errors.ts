/**
 * What SQLite and the file system say when storage fails, said as a clerk needs it: what
 * happened, whether what was typed is kept, and what to do. SQLite's own texts ("database or
 * disk is full", "attempt to write a readonly database") never reach the window.
 */

export type StorageProblem =
  /** the disk (or the folder's quota) is full */
  | 'full'
  /** the file or the folder cannot be written any more */
  | 'read-only'
  /** another program holds the file */
  | 'busy'
  /** reading or writing failed: a removed USB stick, a failing disk, a dropped network drive */
  | 'io'
  /** the file's content is damaged */
  | 'damaged';

export interface StorageFailure {
  problem: StorageProblem;
  message: string;
}

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** The kind of storage failure an error is, or undefined when it is not one. */
export function storageProblem(err: unknown): StorageProblem | undefined {
  const code = codeOf(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') return 'io';
  return undefined;
}

/**
 * The sentence for a failed write or read of the data file. `kept` says what the window does
 * with the edit (it keeps it and tries again): true for the save paths of the report.
 */
export function storageMessage(problem: Exclude<StorageProblem, 'damaged'>, file: string): string {
  const retry = '窗口里刚才的修改还在，问题解决后会自动重新保存；在此之前请不要关闭窗口。';
  switch (problem) {
    case 'full':
      return `磁盘已满，刚才的修改没有保存。请删除一些不用的文件，腾出空间（数据文件在 ${file}）。${retry}`;
    case 'read-only':
      return `数据文件变成了只读，刚才的修改没有保存（${file}）。请检查：U 盘的写保护开关、文件的“只读”属性、文件夹的权限。${retry}`;
    case 'busy':
      return `数据文件正被别的程序占用，刚才的修改没有保存（${file}）。可能是杀毒软件或备份软件正在读取它，请稍等片刻。${retry}`;
    case 'io':
      return `读写数据文件时出错，刚才的修改没有保存（${file}）。如果数据放在 U 盘或网络盘上，请检查它是否还连着。${retry}`;
  }
}

/** The storage failure of an error, with its sentence; undefined for any other error. */
export function describeStorageError(err: unknown, file: string): StorageFailure | undefined {
  const problem = storageProblem(err);
  if (!problem) return undefined;
  if (problem === 'damaged') return { problem, message: '' };
  return { problem, message: storageMessage(problem, file) };
}
