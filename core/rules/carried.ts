import { PROSE_KEYS, staleSpots, staleSummary, type ProseKey } from '../report/index.js';
import { tableName, type TableId } from '../format/index.js';
import { PROSE_SECTION, sectionLabel } from './context.js';
import type { Finding, RuleDef } from './types.js';

/**
 * What carrying last year forward leaves for the clerk to look at (issue 6), checked before
 * sign-off like any other warning: carried years and figures still standing unconfirmed in the
 * text, and carried figures changed by hand without a reason.
 */

/** A part inside its section, as the message names it: the 导语, a table's note; nothing for the section's own text. */
function partName(key: ProseKey): string {
  if (key === 'intro') return '导语';
  return key.startsWith('note_') ? `${tableName(key.slice('note_'.length) as TableId)}下的说明` : '';
}

export const X6: RuleDef = {
  id: 'X-6',
  severity: 'warning',
  title: '从上年带入的正文中的年份和数字已逐一更新或确认',
  scope: 'prose',
  applies: (ctx) => Boolean(ctx.report.carry),
  check(ctx) {
    const carry = ctx.report.carry!;
    const out: Finding[] = [];
    for (const key of PROSE_KEYS) {
      const text = ctx.report.sections[key] ?? '';
      // the same places the window highlights and counts (core/report/carry.ts staleSpots)
      const left = staleSummary(staleSpots(text, carry.pending[key] ?? []));
      if (!left.count) continue;
      const section = PROSE_SECTION[key];
      const where = partName(key) ? `${sectionLabel(section)}的${partName(key)}` : sectionLabel(section);
      out.push({
        ruleId: 'X-6',
        severity: 'warning',
        section,
        cells: [],
        message: `${where}中还有 ${left.count} 处从 ${carry.fromYear} 年报告带入的年份或数字没有更新或确认（${left.mentions.join('、')}${left.more ? '等' : ''}），请逐一改为今年的，或确认无需修改`,
      });
    }
    return out;
  },
};

export const X7: RuleDef = {
  id: 'X-7',
  severity: 'warning',
  title: '改动过的结转数字写明了原因',
  scope: 'report',
  applies: (ctx) => Boolean(ctx.report.carry) && ctx.index !== null,
  check(ctx) {
    const carry = ctx.report.carry!;
    const out: Finding[] = [];
    for (const [cellId, carried] of Object.entries(carry.cells)) {
      const now = ctx.cells[cellId];
      if (now === undefined || now === carried || ctx.report.notes[cellId]?.trim()) continue;
      out.push({
        ruleId: 'X-7',
        severity: 'warning',
        section: cellId.startsWith('t2.') ? 's2' : 's3',
        cells: [cellId],
        message: `${ctx.name(cellId)} 从 ${carry.fromYear} 年结转来的是 ${carried}，现在是 ${now}，但没有写明改动的原因`,
      });
    }
    return out;
  },
};

export const CARRIED_RULES: readonly RuleDef[] = [X6, X7];
