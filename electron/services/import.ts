import { AppError, IMPORT_SEND, type AgencyRecord, type Args, type Handlers, type ImportParsed } from '../../core/api.js';
import { cellDef } from '../../core/format/index.js';
import { importBytes, importHtml, importPdfText, importText, isPdf, refuseLongText, refuseUnread, type ImportOutcome } from '../../core/import/index.js';
import { readPdfText } from './import-pdf.js';
import { checkReport } from '../../core/rules/index.js';
import type { Store } from '../store/index.js';
import { checkCellChanges } from './reports.js';

/**
 * Importing a published report (issue 7): `import.parse` reads what the window sends — pasted
 * text (with the clipboard's HTML when the paste had it) or a file's bytes — and stores nothing;
 * `import.confirm` stores the report as the clerk corrected it, as that year's report of an agency.
 * The service takes bytes, never a path, so both hosts work the same way.
 */

type Source = Args<'import.parse'>['source'];

/** Reads an import source; refusals are the importer's own sentences. */
export function parseSource(source: Source): ImportOutcome | Promise<ImportOutcome> {
  return source.kind === 'text' ? parsePaste(source) : parseFile(source);
}

/**
 * A file's bytes → the import, for both the window and the command line: a PDF's text layer is
 * read here (pdf.js, asynchronous), everything else by core/import directly.
 */
export async function importFileBytes(bytes: Uint8Array, name: string): Promise<ImportOutcome> {
  if (!isPdf(bytes.subarray(0, 1024))) return importBytes(bytes, name);
  const refused = refuseUnread(bytes.length, bytes.subarray(0, IMPORT_SEND.headBytes), name);
  if (refused) return { ok: false, message: refused };
  const text = await readPdfText(bytes);
  return text.ok ? importPdfText(text.pages) : text;
}

function parsePaste({ text, html, length }: Extract<Source, { kind: 'text' }>): ImportOutcome {
  const tooLong = length !== undefined && length > text.length ? refuseLongText(length) : null;
  if (tooLong) return { ok: false, message: tooLong };
  if (!html?.trim()) return importText(text);
  // The HTML flavour keeps a table's cells apart where the text flavour may run them together; it
  // is taken unless it reads fewer figures than the text (a page whose HTML is only furniture).
  const rich = importHtml(html);
  if (!text.trim()) return rich;
  const plain = importText(text);
  if (!rich.ok) return plain;
  if (!plain.ok) return rich;
  return Object.keys(rich.report.cells).length >= Object.keys(plain.report.cells).length ? rich : plain;
}

/** How many bytes a base64 text holds, without decoding it. */
function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function parseFile({ name, size, base64 }: Extract<Source, { kind: 'file' }>): ImportOutcome | Promise<ImportOutcome> {
  // size, name and first bytes first: a huge or unreadable file is refused before anything is decoded
  const head = Buffer.from(base64.slice(0, Math.ceil(IMPORT_SEND.headBytes / 3) * 4), 'base64');
  const refused = refuseUnread(size, head, name);
  if (refused) return { ok: false, message: refused };
  const sent = base64Bytes(base64);
  if (sent !== size) {
    return {
      ok: false,
      message:
        size > IMPORT_SEND.maxFileBytes
          ? `文件有 ${mb(size)}，在这里一次最多能读取 ${mb(IMPORT_SEND.maxFileBytes)} 的文件。Word 文件通常是因为带了图片：请删去图片后另存，或打开文件复制全文，用「粘贴文字」导入`
          : '文件没有完整读到（可能在读取时被修改或移走了），请重新选择文件',
    };
  }
  const bytes = Buffer.from(base64, 'base64');
  return importFileBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), name);
}

/** The parsed report with the rules on its figures as published. */
export function parsedForReview(outcome: ImportOutcome): ImportParsed {
  if (!outcome.ok) throw new AppError('refused', outcome.message);
  const { report, warnings, uncertain, detected, normalizedText } = outcome;
  return { report, warnings, uncertain, detected, normalizedText, findings: checkReport(report) };
}

export function importHandlers(store: Store, now: () => string): Pick<Handlers, 'import.parse' | 'import.confirm'> {
  return {
    'import.parse': async ({ source }) => parsedForReview(await parseSource(source)),

    'import.confirm': ({ report, target, replace }) => {
      const { format, year } = report;
      const cells = Object.entries(report.cells);
      if (format === 'free' && cells.length) throw new AppError('refused', '自由格式（2019 年以前）的报告没有统计表，不能带表格数字');
      if (cells.length) checkCellChanges({ format, origin: 'imported' }, cells.map(([cellId, value]) => ({ cellId, value })));
      for (const cellId of Object.keys(report.notes)) {
        if (format === 'free' || !cellDef(format, cellId)) throw new AppError('invalid_args', `单元格「${cellId}」不属于这份报告的格式`);
      }
      const at = now();
      return store.transaction(() => {
        let agency: AgencyRecord;
        if ('agencyId' in target) {
          const found = store.agencies.get(target.agencyId);
          if (!found) throw new AppError('not_found', '找不到这个机关，可能已被删除');
          agency = found;
        } else {
          const name = target.newAgency.name;
          if (store.agencies.list().some((a) => a.name === name)) {
            throw new AppError('conflict', `已经有「${name}」这个机关了，请选择导入到这个机关，不要再新建一个`);
          }
          agency = store.agencies.create(target.newAgency, at);
        }
        const existing = store.reports.findByYear(agency.id, year);
        if (existing !== undefined) {
          const summary = store.reports.summary(existing)!;
          if (summary.state === 'signed') {
            throw new AppError('refused', `「${agency.name}」的 ${year} 年报告已经定稿，不能用导入的内容替换。如确需替换，请先在这份报告的「定稿」处修改定稿。`);
          }
          if (!replace) {
            throw new AppError(
              'conflict',
              `「${agency.name}」已经有 ${year} 年的报告了。要用导入的内容替换它吗？替换后，原来那份报告的数字、文字和保存的版本都会删除，不能恢复。`,
            );
          }
          store.reports.delete(existing);
        }
        const reportId = store.reports.create(
          {
            agencyId: agency.id,
            year,
            format,
            origin: 'imported',
            cells: report.cells,
            sections: report.sections as Record<string, string>,
            notes: report.notes,
            signoff: report.signoff ?? {},
            meta: report.publishedTitles ? { publishedTitles: report.publishedTitles } : {},
          },
          at,
        );
        return { summary: store.reports.summary(reportId)!, agency, replaced: existing !== undefined };
      });
    },
  };
}
