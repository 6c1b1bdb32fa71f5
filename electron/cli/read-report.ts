import fs from 'node:fs';
import { parseReportFile, type ReportData } from '../../core/report/index.js';
import type { CliIO } from './command.js';

/** Largest report file the command line reads: a real one is a few hundred KB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Reads a .nianbao.json file; on failure prints why (in Chinese) and returns undefined (exit code 2). */
export function readReportFile(file: string | undefined, io: CliIO): ReportData | undefined {
  return readReportFileAsWritten(file, io)?.report;
}

/** The same, with every figure as the file writes it (totals included), for checking the file as it stands. */
export function readReportFileAsWritten(file: string | undefined, io: CliIO): { report: ReportData; written: Record<string, number> } | undefined {
  if (!file) {
    io.err('请给出报告文件，例如：report.nianbao.json');
    return undefined;
  }
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      io.err(`无法读取 ${file}：文件太大（${(size / 1e6).toFixed(1)} MB），不像是报告文件`);
      return undefined;
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`无法读取 ${file}：${readFailure(err)}`);
    return undefined;
  }
  const parsed = parseReportFile(text);
  if (!parsed.ok) {
    io.err(`无法读取 ${file}：${parsed.message}`);
    return undefined;
  }
  for (const warning of parsed.warnings) io.err(`注意：${warning}`);
  return { report: parsed.report, written: parsed.written };
}

/** Why a file could not be read, as a clerk says it. */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : String(err);
}
