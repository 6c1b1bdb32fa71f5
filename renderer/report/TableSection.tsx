import { cellDef, getFormat, type TableId } from '../../core/format/index.js';
import { yuanToWan, type ReportData } from '../../core/report/index.js';
import { OfficialTable } from './OfficialTable.js';

/** A table in its official layout, read-only. */
export function TableSection({ data, tableId }: { data: ReportData; tableId: TableId }) {
  if (data.format === 'free') {
    return <p className="empty">2019 年以前的报告没有统一的统计表。</p>;
  }
  const format = data.format;
  const table = getFormat(format).tables[tableId];
  return (
    <div className="table-scroll">
      <OfficialTable
        table={table}
        caption={`表${{ t2: '二', t3: '三', t4: '四' }[tableId]}`}
        renderValue={(id) => {
          const value = data.cells[id];
          if (value === undefined) return <span className="blank" aria-label="未填" />;
          return cellDef(format, id)?.kind === 'money' ? yuanToWan(value) : String(value);
        }}
      />
    </div>
  );
}
