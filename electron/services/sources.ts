import fs from 'node:fs';
import path from 'node:path';
import type { Args, Handlers } from '../../core/api.js';
import { CONTAINER_LIMITS, looksLikePackage } from '../../core/package/index.js';
import type { ImportOutcome } from '../../core/import/index.js';
import { parsedForReview } from './import.js';
import { importPackage } from './package.js';
import { isWorkbook, readWorkbook } from './xlsx.js';

/**
 * What 「导入」 reads besides published reports (issue 14): a sealed package (.nianbao), verified
 * before anything is shown, and an Excel workbook (.xlsx) of the three tables. Everything else
 * goes to the importer (core/import, through services/import.ts) unchanged.
 */

type Source = Args<'import.parse'>['source'];

/** Packages and workbooks are a few MB; anything larger is left to the importer to refuse. */
const MAX_BYTES = CONTAINER_LIMITS.maxBytes;

/** A file's bytes read here, or undefined for a file the importer reads itself. */
export async function readSpecial(bytes: Uint8Array, name: string): Promise<ImportOutcome | undefined> {
  if (looksLikePackage(bytes, name)) return importPackage(bytes);
  if (isWorkbook(bytes, name)) return readWorkbook(bytes);
  return undefined;
}

/** The same for a file source of the window. */
export async function specialSource(source: Source): Promise<ImportOutcome | undefined> {
  if (source.kind !== 'file') return undefined;
  const bytes = Buffer.from(source.base64, 'base64');
  // a file too large to send whole came as its first bytes only: the importer explains that
  if (bytes.length !== source.size) return undefined;
  return readSpecial(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), source.name);
}

/** The same for a file on disk (the command line). */
export async function readSpecialFile(file: string): Promise<ImportOutcome | undefined> {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_BYTES) return undefined;
    bytes = fs.readFileSync(file);
  } catch {
    return undefined; // the importer's reader says why
  }
  return readSpecial(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), path.basename(file));
}

/** The import methods, with packages read here before the importer sees them. */
export function sourceAwareImport<T extends Pick<Handlers, 'import.parse'>>(handlers: T): T {
  return {
    ...handlers,
    'import.parse': async (args) => {
      const special = await specialSource(args.source);
      return special ? parsedForReview(special) : handlers['import.parse'](args);
    },
  };
}
