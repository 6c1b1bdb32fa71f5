import type { ReactNode } from 'react';

export interface ValueDiffRow {
  key: string;
  /** 「表三「一、本年新收政府信息公开申请数量」·自然人」 */
  name: ReactNode;
  /** said after the name, muted: 「（没有把握读对）」 */
  note?: string;
  left: string;
  right: string;
}

/** Figures side by side, the left one as it is, the right one as it would be or is elsewhere. */
export function ValueDiffTable({ rows, label, headers }: { rows: ValueDiffRow[]; label: string; headers?: [string, string, string] }) {
  return (
    <table className="list cell-diff" aria-label={label}>
      {headers && (
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              {r.name}
              {r.note && <span className="muted">{r.note}</span>}
            </td>
            <td className="diff-left-val">{r.left}</td>
            <td className="diff-right-val">{r.right}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
