import type { Args } from '../../../core/api.js';
import { cellDef, type FormatId } from '../../../core/format/index.js';
import { formatIdForYear } from '../../../core/format/index.js';
import { emptyAgency, enteredCells } from '../../../core/report/index.js';
import type { UnitRow } from '../../store/county.js';
import type { Arrival } from './collect.js';
import { AppError } from '../../../core/api.js';

/**
 * 「纸质已收」: a signed and sealed paper copy, its figures typed in by the county. The typed
 * figures are the report (totals computed from them); the copy counts as signed.
 */
export function paperReport(unit: UnitRow, { year, cells }: Args<'county.paper'>): Arrival {
  const format = formatIdForYear(year);
  if (format === 'free') throw new AppError('refused', `${year} 年的报告没有统计表，不能录入数字`);
  const unknown = Object.keys(cells).filter((id) => !cellDef(format as FormatId, id));
  if (unknown.length) throw new AppError('invalid_args', `这些单元格不属于 ${year} 年的格式：${unknown.join('、')}`);
  return {
    report: {
      format,
      year,
      agency: { ...emptyAgency(unit.name), level: unit.level },
      // the figures typed; the totals are the app's to compute (a total typed in is not kept)
      cells: { ...enteredCells({ format, origin: 'app', cells }) },
      sections: {},
      notes: {},
      origin: 'app' as const,
    },
    source: 'paper' as const,
    state: 'signed' as const,
    seal: '',
    notes: ['纸质报告的数字已录入；正文没有录入'],
  };
}
