import { defaultIntro } from '../document/intro.js';
import { getFormat, sectionHeading, SECTIONS, type FormatId } from '../format/index.js';
import type { ReportData } from '../report/model.js';

/**
 * The wording every unit's report shares by the official format itself: section headings, the
 * tables' labels, the format's notice and the standard 导语. Copy detection never counts it.
 */
export function officialBoilerplate(format: FormatId, reports: readonly ReportData[]): string[] {
  const def = getFormat(format);
  const labels = new Set<string>();
  for (const c of def.cells) for (const l of [...c.rowPath, ...c.colPath]) labels.add(l);
  return [
    ...SECTIONS.map((s) => sectionHeading(s)),
    ...SECTIONS.map((s) => s.title),
    def.notice,
    ...labels,
    // the standard 导语 reads the same for every unit but for its name and contact
    ...reports.map((r) => defaultIntro(r)),
  ];
}
