import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportWriteError, describeWriteError, writeFileAtomic } from '../../../electron/export/write-file.js';
import { tmpDir } from '../helpers/tmp.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one whole, leaving no temporary file', async () => {
    const dir = tmpDir();
    const path = join(dir, '2024年年报.docx');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    await writeFileAtomic(path, '第二版');
    expect(readFileSync(path, 'utf8')).toBe('第二版');
    expect(readdirSync(dir)).toEqual(['2024年年报.docx']);
  });

  it('says so clearly when the folder does not exist, and leaves nothing behind', async () => {
    const dir = tmpDir();
    const path = join(dir, '没有这个文件夹', '年报.pdf');
    const error = await writeFileAtomic(path, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as ExportWriteError).reason).toBe('missing-folder');
    expect((error as Error).message).toContain('不存在');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old file and removes the temporary one when the replace fails', async () => {
    const dir = tmpDir();
    // a non-empty folder where the file should go: the rename cannot replace it
    const path = join(dir, '年报.docx');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'keep');
    const error = (await writeFileAtomic(path, 'new').catch((e: unknown) => e)) as ExportWriteError;
    expect(error).toBeInstanceOf(ExportWriteError);
    expect(error.message).toMatch(/年报\.docx/);
    expect(readdirSync(dir)).toEqual(['年报.docx']);
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('writes under a path that is a file as a missing folder, not as a crash', async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'a-file'), '');
    const error = (await writeFileAtomic(join(dir, 'a-file', '年报.pdf'), 'x').catch((e: unknown) => e)) as ExportWriteError;
    expect(error.reason).toBe('missing-folder');
  });
});

describe('describeWriteError', () => {
  it('names a file open in Word or WPS (Windows refuses the replace with EBUSY, EPERM or EACCES)', () => {
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
      const e = describeWriteError(errno(code), 'C:\\报告\\年报.docx', 'replace');
      expect(e.reason).toBe('busy');
      expect(e.message).toContain('年报.docx');
      expect(e.message).toMatch(/其他程序打开/);
    }
  });

  it('names a folder without write permission', () => {
    const e = describeWriteError(errno('EACCES'), '/只读/年报.docx', 'folder');
    expect(e.reason).toBe('denied');
    expect(e.message).toContain('没有权限');
    expect(e.message).toContain('/只读');
  });

  it('has a sentence for a full disk, a read-only medium and anything else', () => {
    expect(describeWriteError(errno('ENOSPC'), '/x/a.pdf', 'folder').message).toContain('磁盘空间不足');
    expect(describeWriteError(errno('EROFS'), '/x/a.pdf', 'folder').reason).toBe('read-only');
    const other = describeWriteError(errno('EIO'), '/x/a.pdf', 'folder');
    expect(other.reason).toBe('other');
    expect(other.message).toContain('a.pdf');
    expect(other.message).toContain('EIO');
  });
});
