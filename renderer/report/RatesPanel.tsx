import type { FormatId, TableId } from '../../core/format/index.js';
import { computeRates, formatRate } from '../../core/report/index.js';
import type { ReportSession } from './state/ReportSession.js';
import { useSessionState } from './state/useSession.js';

/**
 * The rates reviewers work out from the table (公开率, 纠错率 …), beside it with their formulas:
 * core/report/rates.ts, the same definitions the county roll-up shows. Not printed in the report.
 */
export function RatesPanel({ session, format, tableId }: { session: ReportSession; format: FormatId; tableId: TableId }) {
  const shown = useSessionState(session, (s) => s.shown);
  const rates = computeRates(format, shown).filter((r) => [...r.def.numerator.add].some((id) => id.startsWith(`${tableId}.`)));
  if (!rates.length) return null;
  return (
    <section className="rates" aria-label="由表格计算的比率">
      <h3>
        由表格计算的比率<span className="muted">（审查时常看的数字，不印在报告上）</span>
      </h3>
      <table>
        <tbody>
          {rates.map((r) => (
            <tr key={r.def.id} data-rate={r.def.id}>
              <th scope="row">{r.def.label}</th>
              <td className="rate-value">{formatRate(r.ratio)}</td>
              <td className="rate-formula muted">
                {r.def.formula}
                {r.ratio !== null && `＝${r.numerator}÷${r.denominator}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
