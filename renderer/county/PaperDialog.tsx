import { useState } from 'react';
import type { CollectOutcome, UnitRecord } from '../../core/api.js';
import { cellDef, cellName, formatIdForYear, getFormat, sectionHeading, SECTIONS, type FormatId } from '../../core/format/index.js';
import { isComputed, parseCellInput } from '../../core/report/index.js';
import { call } from '../api/client.js';
import { DateField } from '../components/DateField.js';
import { Dialog } from '../components/Dialog.js';
import { useFormAction } from '../components/useFormAction.js';
import { OfficialTable } from '../report/OfficialTable.js';
import { FormFooter } from '../components/FormFooter.js';

/**
 * 「纸质已收」: a signed and sealed paper copy, its figures typed in from the paper into the
 * official tables (totals are computed). Full-width digits and thousands separators are taken as
 * in the report editor; a figure that is not a number is named and nothing is stored.
 */
export function PaperDialog({ year, units, onClose, onSaved }: { year: number; units: UnitRecord[]; onClose(): void; onSaved(o: CollectOutcome): void }) {
  const [unitId, setUnitId] = useState(units[0]?.id ?? 0);
  const [received, setReceived] = useState('');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const action = useFormAction();
  const format = formatIdForYear(year);
  if (format === 'free') {
    return (
      <Dialog title="纸质已收" onClose={onClose}>
        <p>{year} 年的报告没有统计表。</p>
      </Dialog>
    );
  }
  const def = getFormat(format as FormatId);
  const submit = async () => {
    const cells: Record<string, number> = {};
    for (const [id, raw] of Object.entries(typed)) {
      const read = parseCellInput(raw, cellDef(format, id)!.kind);
      if (!read.ok) return action.setError(`${cellName(cellDef(format, id)!)}：${read.message}`);
      if (read.value !== null) cells[id] = read.value;
    }
    const saved = await action.run(
      () => call('county.paper', { unitId, year, cells, receivedOn: received }),
      () => (!unitId ? '请选择单位' : !Object.keys(cells).length ? '请填入纸质报告上的数字' : undefined),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Dialog
      title="纸质已收：录入纸质报告的数字"
      className="paper-dialog"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="paper-head">
        <label>
          单位
          <select autoFocus value={unitId} aria-label="单位" onChange={(e) => setUnitId(Number(e.target.value))}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          收到日期
          <DateField value={received} aria-label="收到日期" onChange={setReceived} />
        </label>
      </div>
      {Object.values(def.tables).map((table) => (
        <div key={table.id} className="paper-table">
          <h4>{sectionHeading(SECTIONS.find((s) => s.key === table.section)!)}</h4>
          <OfficialTable
            table={table}
            renderValue={(id) =>
              isComputed(format, id) ? (
                <span className="muted">自动</span>
              ) : (
                <input
                  className="paper-cell"
                  aria-label={cellName(cellDef(format, id)!)}
                  inputMode="decimal"
                  value={typed[id] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [id]: e.target.value })}
                />
              )
            }
          />
        </div>
      ))}
      <FormFooter error={action.error} busy={action.busy} submit="保存为纸质已收" onCancel={onClose} />
    </Dialog>
  );
}
