import { useState } from 'react';
import { cellDef, getFormat, sectionHeading, SECTIONS } from '../../core/format/index.js';
import { fenToWan } from '../../core/report/money.js';
import { SPLITS } from '../../core/rollup/units.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { OfficialTable } from '../report/OfficialTable.js';
import { delivered, useLoad } from './useCounty.js';

/**
 * 「全县汇总」: the three tables summed over the chosen units, each cell split into 本级 / 部门 /
 * 乡镇街道 on request, checked by the table rules, with the rates and their formulas; exported
 * as Word, PDF and Excel.
 */
export function RollupTab({ year }: { year: number }) {
  const units = useLoad(() => call('county.board', { year }), [year]);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const received = (units.value?.rows ?? []).filter((r) => r.collectedId);
  const chosen = received.filter((r) => !excluded.has(r.unit.id)).map((r) => r.unit.id);
  const key = chosen.join(',');
  const rollup = useLoad(() => call('county.rollup', { year, ...(excluded.size ? { unitIds: chosen } : {}) }), [year, key]);
  const [split, setSplit] = useState(false);
  const [message, setMessage] = useState('');

  const exportAs = async (what: 'rollup-docx' | 'rollup-pdf' | 'rollup-xlsx' | 'units-pdf') => {
    setMessage(what === 'rollup-pdf' ? '正在生成 PDF…' : what === 'units-pdf' ? `正在把汇总和 ${chosen.length} 个单位的报告生成 PDF，请稍候…` : '');
    try {
      setMessage(delivered(await call('county.export', { year, what, ...(excluded.size ? { unitIds: chosen } : {}) })));
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  if (rollup.error) return <p className="error">{rollup.error}</p>;
  if (!rollup.value) return <p className="muted">正在汇总…</p>;
  const r = rollup.value;
  const format = getFormat(r.format);
  const show = (id: string, v: number | undefined) => (v === undefined ? '' : cellDef(r.format, id)?.kind === 'money' ? fenToWan(v) : String(v));
  const errors = r.findings.filter((f) => f.severity === 'error');
  return (
    <div className="rollup">
      <h2>{r.title}</h2>
      <p role="status">
        汇总了 {r.included.length} 个单位（{SPLITS.map((s) => `${s.label} ${r.splitUnits[s.key]} 个`).join('、')}）
        {r.missing.length ? `；未收到：${r.missing.join('、')}` : ''}
        {r.skipped.length ? `；没有计入：${r.skipped.map((s) => `${s.name}（${s.reason}）`).join('、')}` : ''}。
      </p>
      <details className="rollup-units">
        <summary>选择汇总哪些单位（{chosen.length}/{received.length}）</summary>
        {received.map((row) => (
          <label key={row.unit.id} className="check">
            <input
              type="checkbox"
              checked={!excluded.has(row.unit.id)}
              onChange={(e) => {
                const next = new Set(excluded);
                if (e.target.checked) next.delete(row.unit.id);
                else next.add(row.unit.id);
                setExcluded(next);
              }}
            />
            {row.unit.name}
          </label>
        ))}
      </details>
      <div className="board-tools">
        <label className="check">
          <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
          每格分列本级 / 部门 / 乡镇街道
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void exportAs('rollup-docx')}>
          导出 Word
        </button>
        <button type="button" onClick={() => void exportAs('rollup-pdf')}>
          导出 PDF
        </button>
        <button type="button" onClick={() => void exportAs('rollup-xlsx')}>
          导出 Excel
        </button>
        <button type="button" onClick={() => void exportAs('units-pdf')} title="全县汇总和所选各单位的报告，每份一个 PDF，打包成一个压缩文件">
          各单位报告 PDF（压缩包）
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <section aria-label="比率">
        <h3>主要比率</h3>
        <table className="rates">
          <tbody>
            {r.rates.map((x) => (
              <tr key={x.id}>
                <th>{x.label}</th>
                <td className="rate">{x.shown}</td>
                <td>
                  {x.formula}
                  <small className="muted">（{x.numerator} ÷ {x.denominator}；{x.meaning}）</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="汇总的核对">
        <h3>汇总表的核对</h3>
        {r.findings.length === 0 ? (
          <p>汇总表符合全部表格规则。</p>
        ) : (
          <ul className="cross-findings">
            {r.findings.map((f, i) => (
              <li key={i} className={f.severity}>
                <span className="badge">{f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}</span> {f.message}
              </li>
            ))}
          </ul>
        )}
        {errors.length > 0 && <p className="muted">汇总表的错误来自某个单位自己的数字：请在「报送情况」中查看有错误的单位。</p>}
      </section>
      {Object.values(format.tables).map((table) => (
        <section key={table.id} className="rollup-table">
          <h3>{sectionHeading(SECTIONS.find((s) => s.key === table.section)!)}</h3>
          <OfficialTable
            table={table}
            renderValue={(id) =>
              split ? (
                <span className="split">
                  <strong>{show(id, r.report.cells[id])}</strong>
                  {SPLITS.map((s) => (
                    <small key={s.key} title={s.label}>
                      {s.label[0]} {show(id, r.splits[s.key][id]) || '—'}
                    </small>
                  ))}
                </span>
              ) : (
                show(id, r.report.cells[id])
              )
            }
          />
        </section>
      ))}
    </div>
  );
}
