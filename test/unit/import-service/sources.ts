import { readFileSync } from 'node:fs';
import { IMPORT_SEND, type Args } from '../../../core/api.js';
import type { ReportData } from '../../../core/report/model.js';
import { confirmReport } from '../../../renderer/import/args.js';

/** Our own text in seed 003's shape (Traditional with pinyin, pipes one cell per line). */
export const SHAPE_003 = readFileSync(new URL('../../fixtures/import/shape-003.txt', import.meta.url), 'utf8');

/** A file as the window sends it: whole, or its size and first bytes when too large to send. */
export function fileSource(bytes: Uint8Array, name: string) {
  const sent = bytes.length > IMPORT_SEND.maxFileBytes ? bytes.subarray(0, IMPORT_SEND.headBytes) : bytes;
  return { kind: 'file' as const, name, size: bytes.length, base64: Buffer.from(sent).toString('base64') };
}

export function confirmArgs(report: ReportData, target: Args<'import.confirm'>['target']): Args<'import.confirm'> {
  return { report: confirmReport(report), target };
}
