import { z } from 'zod';
// its refusals in Chinese, whoever reads the file (the command line reads it without core/api)
import '../schema-messages.js';
import { cellDef, type FormatId } from '../format/index.js';
import { wanNumberToFen, fenToWan } from './money.js';
import { AGENCY_LEVELS, type ReportData } from './model.js';
import { resolveTokens, tokensIn } from './prose.js';
import { SIGNOFF_STEPS } from './signoff.js';
import { shownCells } from './totals.js';

/**
 * The report file (spec/report-json.md): one UTF-8 JSON document, extension `.nianbao.json`.
 * In the file money is a decimal number of 万元; in the domain it is integer 分.
 */

export const REPORT_SCHEMA = 'nianbao.report/1';
export const REPORT_FILE_EXTENSION = '.nianbao.json';

const text = z.string().max(200_000);
const contactSchema = z
  .object({ address: text.optional(), postcode: text.optional(), phone: text.optional(), email: text.optional() })
  .passthrough();

const fileSchema = z
  .object({
    schema: z.string(),
    format: z.enum(['2021', '2019', 'free']),
    year: z.number().int().min(2000).max(2100),
    agency: z
      .object({
        name: z.string().max(200),
        level: z.enum(AGENCY_LEVELS).optional(),
        region: text.optional(),
        contact: contactSchema.optional(),
        website: text.optional(),
      })
      .passthrough(),
    cells: z.record(z.string(), z.number()).optional(),
    sections: z.record(z.string(), z.string()).optional(),
    /** the app's own richer form of `sections`: the same text with live figure tokens {{cell:…}} */
    sectionsWithFigures: z.record(z.string(), z.string()).optional(),
    notes: z.record(z.string(), z.string()).optional(),
    signoff: z
      .object({ preparer: text.optional(), reviewer: text.optional(), approver: text.optional(), date: text.optional() })
      .passthrough()
      .optional(),
    origin: z.enum(['app', 'imported']).optional(),
    /** imported reports: the section headings as published, for rule G-1 */
    publishedTitles: z.partialRecord(z.enum(['s1', 's2', 's3', 's4', 's5', 's6']), z.string()).optional(),
    /** 表三/表四: source and who confirmed them (printed on the 审批单) */
    confirmations: z
      .partialRecord(
        z.enum(['t3', 't4']),
        z.object({ source: z.string().max(200), confirmer: z.string().max(100), date: z.string().max(10).optional(), noneConfirmed: z.boolean().optional() }),
      )
      .optional(),
    carry: z
      .object({
        fromYear: z.number().int(),
        cells: z.record(z.string(), z.number()),
        base: z.record(z.string(), z.number()),
        pending: z.record(z.string(), z.array(z.string())),
        notices: z.array(z.string()),
      })
      .optional(),
  })
  .passthrough();

export type ReadResult =
  | {
      ok: true;
      /** the report; in one made by the app, the app computes its totals again from the parts */
      report: ReportData;
      /** every figure as the file writes it, totals included: what a check of the file reads (spec report-json.md) */
      written: Record<string, number>;
      warnings: string[];
    }
  | { ok: false; message: string };

/** Reads a report file's text. Every refusal is a sentence a clerk can act on. */
export function parseReportFile(source: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: '文件不是有效的报告文件（无法按 JSON 读取），可能已损坏或不是本软件导出的文件' };
  }
  if (typeof json !== 'object' || json === null || !('schema' in json)) {
    return { ok: false, message: '文件缺少 "schema" 标记，不是年报助手的报告文件' };
  }
  const schema = String((json as { schema: unknown }).schema);
  const m = /^nianbao\.report\/(\d+)$/.exec(schema);
  if (!m) return { ok: false, message: `文件的 schema「${schema}」不是年报助手的报告文件` };
  if (m[1] !== '1') {
    return { ok: false, message: `文件由更新版本的年报助手生成（格式版本 ${m[1]}），请升级本软件后再打开` };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `报告文件内容有误：字段「${issue?.path.join('.') || '?'}」${issue?.message ?? ''}` };
  }
  const f = parsed.data;
  const warnings: string[] = [];
  const cells: Record<string, number> = {};
  for (const [id, value] of Object.entries(f.cells ?? {})) {
    const def = f.format === 'free' ? undefined : cellDef(f.format as FormatId, id);
    if (!def) {
      warnings.push(`单元格「${id}」不属于 ${f.format} 年版格式，已忽略`);
      continue;
    }
    if (def.kind === 'money') {
      const fen = wanNumberToFen(value);
      if (fen === null) {
        warnings.push(`单元格「${id}」的金额 ${value} 超过 6 位小数（分），已忽略`);
        continue;
      }
      cells[id] = fen;
    } else if (!Number.isSafeInteger(value)) {
      warnings.push(`单元格「${id}」的值 ${value} 不是整数，已忽略`);
    } else {
      cells[id] = value;
    }
  }
  const c = f.agency.contact ?? {};
  const report: ReportData = {
    format: f.format,
    year: f.year,
    agency: {
      name: f.agency.name,
      level: f.agency.level ?? 'other',
      region: f.agency.region ?? '',
      contact: { address: c.address ?? '', postcode: c.postcode ?? '', phone: c.phone ?? '', email: c.email ?? '' },
      website: f.agency.website ?? '',
    },
    cells: { ...cells },
    // a file made by the app keeps the live figures; anyone else's has plain text only
    sections: { ...(f.sections ?? {}), ...(f.sectionsWithFigures ?? {}) },
    notes: { ...(f.notes ?? {}) },
    origin: f.origin ?? 'app',
    ...(f.carry ? { carry: f.carry as ReportData['carry'] } : {}),
    ...(f.publishedTitles ? { publishedTitles: f.publishedTitles } : {}),
    ...(f.confirmations ? { confirmations: f.confirmations as ReportData['confirmations'] } : {}),
  };
  if (f.signoff) {
    report.signoff = {
      preparer: f.signoff.preparer ?? '',
      reviewer: f.signoff.reviewer ?? '',
      approver: f.signoff.approver ?? '',
      ...(f.signoff.date ? { date: f.signoff.date } : {}),
    };
    // the date of each step (编制日期 …), written by the app beside the names
    const extra = f.signoff as Record<string, unknown>;
    for (const { date } of SIGNOFF_STEPS) if (typeof extra[date] === 'string' && extra[date]) report.signoff[date] = extra[date];
  }
  return { ok: true, report, written: cells, warnings };
}

/**
 * The agency as the file spells it: spec/report-json.md knows six levels; the form's 「其他」 is
 * written as no level at all, which reads back as 「其他」.
 */
function fileAgency(agency: ReportData['agency']): Omit<ReportData['agency'], 'level'> & { level?: ReportData['agency']['level'] } {
  if (agency.level !== 'other') return agency;
  const { level: _other, ...rest } = agency;
  return rest;
}

/** Writes a report file. Money goes out as a decimal number of 万元. */
export function serializeReportFile(report: ReportData): string {
  const withFigures = Object.entries(report.sections).filter(([, text]) => text && tokensIn(text).length);
  const cells: Record<string, number> = {};
  // totals are included (spec report-json.md): computed here for a report made in the app
  const figures = shownCells(report);
  for (const [id, value] of Object.entries(figures)) {
    const def = report.format === 'free' ? undefined : cellDef(report.format, id);
    cells[id] = def?.kind === 'money' ? Number(fenToWan(value)) : value;
  }
  const doc = {
    schema: REPORT_SCHEMA,
    format: report.format,
    year: report.year,
    agency: fileAgency(report.agency),
    cells,
    // plain text for every reader of the file, as the spec requires; the live figures alongside
    sections: Object.fromEntries(Object.entries(report.sections).map(([k, text]) => [k, resolveTokens(text ?? '', report.format, figures)])),
    ...(withFigures.length ? { sectionsWithFigures: Object.fromEntries(withFigures) } : {}),
    notes: report.notes,
    ...(report.signoff ? { signoff: report.signoff } : {}),
    origin: report.origin,
    ...(report.carry ? { carry: report.carry } : {}),
    ...(report.publishedTitles ? { publishedTitles: report.publishedTitles } : {}),
    ...(report.confirmations ? { confirmations: report.confirmations } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
