import { formatIdForYear, FORMATS, SECTION_TITLE_ALIASES, sectionHeading, SECTIONS, type SectionKey } from '../format/index.js';
import { chineseDate } from '../document/text.js';
import { AGENCY_LEVEL_LABELS, SIGNING_DATE_LABEL, type AgencyLevel, type ReportFormat } from '../report/index.js';
import { sectionLabel } from './context.js';
import type { Finding, RuleDef } from './types.js';

/** Spec §3.6: the document as a whole — its six sections and its format. */

const PROSE_SECTIONS = SECTIONS.filter((s) => s.kind === 'prose');

export const G1: RuleDef = {
  id: 'G-1',
  severity: 'error',
  title: '六个部分齐全、顺序正确、标题与格式一致',
  scope: 'report',
  // the free-form reports before 2019 have no prescribed sections
  applies: (ctx) => ctx.report.format !== 'free',
  check(ctx) {
    const out: Finding[] = [];
    const finding = (section: SectionKey, message: string): Finding => ({
      ruleId: 'G-1',
      severity: 'error',
      section,
      cells: [],
      message,
    });
    const titles = ctx.report.publishedTitles;
    const missing = new Set<SectionKey>();
    if (titles) {
      for (const def of SECTIONS) {
        const printed = titles[def.key];
        if (printed === undefined) {
          missing.add(def.key);
          out.push(finding(def.key, `报告缺少${sectionLabel(def.key)}这一部分。格式规定的六个部分不能遗漏`));
        } else if (printed.trim() !== def.title) {
          const variant = SECTION_TITLE_ALIASES[printed.trim()] === def.key ? '（这是常见的变体写法）' : '';
          out.push(
            finding(def.key, `第${def.numeral}部分的标题写成了「${printed.trim()}」${variant}，应为「${sectionHeading(def)}」`),
          );
        }
      }
      const order = Object.keys(titles).filter((k) => SECTIONS.some((s) => s.key === k)) as SectionKey[];
      const wrong = order.findIndex((k, i) => i > 0 && k < order[i - 1]!);
      if (wrong > 0) {
        const key = order[wrong]!;
        out.push(finding(key, `${sectionLabel(key)}排在了${sectionLabel(order[wrong - 1]!)}之后，六个部分应按一至六的顺序排列`));
      }
    }
    for (const def of PROSE_SECTIONS) {
      if (missing.has(def.key)) continue;
      if (!(ctx.prose[def.key as 's1' | 's5' | 's6'] ?? '').trim()) {
        out.push(finding(def.key, `${sectionLabel(def.key)}还没有内容。格式规定的六个部分都要写，没有需要报告的事项也应写明`));
      }
    }
    return out;
  },
};

function formatName(format: ReportFormat): string {
  return format === 'free' ? '自由格式（2019 年以前，无统一表格）' : `${FORMATS[format].name}（${FORMATS[format].notice}）`;
}

export const G6: RuleDef = {
  id: 'G-6',
  severity: 'error',
  title: '报告格式与报告年度相符（2019—2020 年用 2019 年版，2021 年起用 2021 年版）',
  scope: 'report',
  applies: (ctx) => formatIdForYear(ctx.report.year) !== ctx.report.format,
  check(ctx) {
    const { year, format } = ctx.report;
    return [
      {
        ruleId: 'G-6',
        severity: 'error',
        section: 's1',
        cells: [],
        message: `这是 ${year} 年度的报告，应使用${formatName(formatIdForYear(year))}，而本报告按${formatName(format)}编制`,
      },
    ];
  },
};

/**
 * The statutory publication deadline in the year after the report year (条例 第四十九条, spec
 * §4.2) as month and day: 县级以上人民政府部门 by 31 January, 县级以上地方人民政府 by 31 March.
 * Townships and streets have only local deadlines, which the app does not know.
 */
export const DEADLINES: Partial<Record<AgencyLevel, readonly [month: number, day: number]>> = {
  department: [1, 31],
  county: [3, 31],
  city: [3, 31],
  province: [3, 31],
};

export const G3: RuleDef = {
  id: 'G-3',
  severity: 'warning',
  title: '落款日期在报告年度的下一年，不晚于条例规定的发布期限',
  scope: 'report',
  applies: (ctx) => chineseDate(ctx.report.signoff?.date) !== null,
  check(ctx) {
    const { year, agency } = ctx.report;
    const iso = ctx.report.signoff!.date!.trim();
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const shown = `${SIGNING_DATE_LABEL}${chineseDate(iso)}`;
    const finding = (message: string): Finding => ({ ruleId: 'G-3', severity: 'warning', section: 's6', cells: [], message });
    if (y !== year + 1) {
      return [
        finding(
          `${shown}不在 ${year + 1} 年。${year}年度的报告在统计期限结束后的 ${year + 1} 年发布，请核对落款日期或报告年度`,
        ),
      ];
    }
    const statutory = DEADLINES[agency.level];
    const deadline = ctx.deadline ? [ctx.deadline.month, ctx.deadline.day] : statutory;
    if (!deadline || m * 100 + d <= deadline[0]! * 100 + deadline[1]!) return [];
    const basis = ctx.deadline ? '（当地规定的发布期限，在「机关信息」里设置）' : '（《政府信息公开条例》第四十九条）';
    return [
      finding(
        `${shown}晚于${AGENCY_LEVEL_LABELS[agency.level]}的发布期限 ${year + 1}年${deadline[0]}月${deadline[1]}日` +
          `${basis}。如确实延后发布，请确认`,
      ),
    ];
  },
};

export const DOCUMENT_RULES: readonly RuleDef[] = [G1, G3, G6];
