import { useEffect, useRef, useState } from 'react';
import { getFormat, T3_COLUMNS, T4_COLUMNS, tableName, type TableDef, type TableId } from '../../core/format/index.js';
import { computesTotals } from '../../core/report/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { navigate } from '../route.js';
import { CarriedPanel } from './carry/CarriedPanel.js';
import { RatesPanel } from './RatesPanel.js';
import { ConfirmationPanel } from './ConfirmationPanel.js';
import { historyKey, type CellChange } from './state/history.js';
import type { ReportSession } from './state/ReportSession.js';
import { useSessionState } from './state/useSession.js';
import type { PasteReport } from './table/paste.js';
import { TableEditor } from './table/TableEditor.js';
import { useCellDecor, useTableYoy } from './yoy/useCellDecor.js';
import { YoyBar } from './yoy/YoyBar.js';

/** How a paste treats the grey totals, said in the words of the table it is under. */
function pasteRule(table: TableDef, computedTotals: boolean): string {
  if (!computedTotals) {
    return '粘贴：从 Excel 或 WPS 复制一块数字，点中要放的第一格，按 Ctrl+V，按原样一格对一格放入（这份报告是导入的，合计按原文填写，也会粘贴进去）。';
  }
  if (table.id === 't3') {
    const open = T3_COLUMNS.filter((c) => c.key !== 'total');
    const total = T3_COLUMNS.at(-1)!.label;
    return (
      `粘贴：从 Excel 或 WPS 复制一块数字，点中要放的第一格，按 Ctrl+V，数字按原样一格对一格放入。` +
      `灰色的合计格不写入，只用来核对：从原表复制 ${T3_COLUMNS.length} 列（${open[0]!.label}…${total}）时，第 ${T3_COLUMNS.length} 列「${total}」与自动合计对照；` +
      `只复制 ${open.length} 列（${open[0]!.label}…${open.at(-1)!.label}）也可以。复制时带上的行名和表头会自动略去。`
    );
  }
  if (table.id === 't4') {
    const total = T4_COLUMNS.at(-1)!.label;
    return (
      `粘贴：从 Excel 或 WPS 复制这一行数字，点中第一格，按 Ctrl+V，按原样一格对一格放入。` +
      `灰色的三个「${total}」格不写入，只用来核对：整行 ${table.columns} 格照原表复制即可。`
    );
  }
  return '粘贴：从 Excel 或 WPS 复制一块数字，点中要放的第一格，按 Ctrl+V，按原样一格对一格放入。';
}

const KEYS_HELP =
  '方向键、Tab、回车移动；直接输入即替换原值，F2 或双击修改；Esc 取消；Delete 清空；Ctrl+Z 撤销，Ctrl+Y 重做；Shift+方向键或拖动鼠标选一块，Ctrl+C 复制。';

interface Props {
  session: ReportSession;
  tableId: TableId;
}

/** A table section: the official table as a spreadsheet, its tools, and what a paste did. */
export function TableSection(props: Props) {
  // each table starts with its own cursor, notices and paste result
  return <TableSectionBody key={props.tableId} {...props} />;
}

function TableSectionBody({ session, tableId }: Props) {
  const data = useSessionState(session, (s) => s.figures);
  const history = useSessionState(session, (s) => s.history);
  const [pasteReport, setPasteReport] = useState<PasteReport | null>(null);
  const [confirmNone, setConfirmNone] = useState(false);
  const [notice, setNotice] = useState('');
  const historyRef = useRef<(which: 'undo' | 'redo') => void>(() => {});
  const { reportId } = session;
  // last year beside this year: carried figures, the 现行有效件数 base, 「对比上年」 (issue 6)
  const yoy = useTableYoy(session, tableId);
  const decorate = useCellDecor(session, yoy);
  const name = tableName(tableId);

  // Ctrl+Z / Ctrl+Y also work when the focus is on a button or the issues panel, not only in the
  // table; text fields keep their own undo
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = historyKey(e);
      if (!which || (e.target as HTMLElement | null)?.closest('input, textarea, [contenteditable="true"]')) return;
      historyRef.current(which);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (data.format === 'free') {
    return <p className="empty">2019 年以前的报告没有统一的统计表。</p>;
  }
  const format = data.format;
  const tables = getFormat(format).tables;
  const table = tables[tableId];
  const readOnly = session.readOnly;
  // the app computes the totals of its own reports; an imported report keeps them as published
  const computedTotals = computesTotals(data);

  /** An undo or redo: go to where it happened, in whichever table. */
  const showCell = (cellId: string) => {
    const section = session.sectionOf(cellId);
    if (section && section !== table.section) navigate({ name: 'report', reportId, section });
    session.requestFocus(cellId);
  };
  const undoRedo = (which: 'undo' | 'redo') => {
    const edit = which === 'undo' ? session.undo() : session.redo();
    if (edit) showCell(edit.after[0]!.cellId);
  };
  historyRef.current = undoRedo;

  // one message at a time: what a fill button did replaces what the last paste did (a paste clears the notice likewise)
  const tell = (text: string) => {
    setPasteReport(null);
    setNotice(text);
  };

  const zeros = (defs: TableDef['cells'], onlyBlank: boolean): CellChange[] =>
    defs
      .filter((c) => session.isEditable(c.id) && (!onlyBlank || data.cells[c.id] === undefined))
      .map((c) => ({ cellId: c.id, value: 0 }));

  const fillBlanks = () => {
    const changes = zeros(table.cells, true);
    if (!changes.length) {
      tell(`${name}没有空白格。`);
      return;
    }
    session.apply(changes, `${name}空白填 0`);
    tell(`${name}的 ${changes.length} 个空白格已填 0。按 Ctrl+Z 可撤销。`);
  };

  // on 表三 the button says no application came (both tables are 0); on 表四 only that no case was brought
  const noApplicationCells = tableId === 't3' ? [...tables.t3.cells, ...tables.t4.cells] : tables.t4.cells;
  const noneLabel = tableId === 't3' ? '本年未收到政府信息公开申请' : '本年无行政复议、行政诉讼';
  const overwritten = noApplicationCells.filter((c) => session.isEditable(c.id) && (data.cells[c.id] ?? 0) !== 0).length;
  const fillNothingReceived = () => {
    setConfirmNone(false);
    session.apply(zeros(noApplicationCells, false), noneLabel);
    tell(`${tableId === 't3' ? `${tableName('t3')}、${tableName('t4')}` : tableName('t4')}已全部填 0。按 Ctrl+Z 可撤销。`);
  };

  return (
    <div className="table-section">
      {!readOnly && (
        <div className="table-tools" role="toolbar" aria-label={`${name}的工具`}>
          <button onClick={() => undoRedo('undo')} disabled={!history.canUndo} title={history.undoLabel ? `撤销：${history.undoLabel}` : undefined}>
            撤销
          </button>
          <button onClick={() => undoRedo('redo')} disabled={!history.canRedo} title={history.redoLabel ? `重做：${history.redoLabel}` : undefined}>
            重做
          </button>
          <span className="tools-gap" />
          <button onClick={fillBlanks}>空白填0</button>
          {(tableId === 't3' || tableId === 't4') && <button onClick={() => setConfirmNone(true)}>{noneLabel}</button>}
        </div>
      )}
      {notice && (
        <p className="table-notice" aria-live="polite">
          {notice}
          <button className="link" onClick={() => setNotice('')} aria-label="关闭提示">
            ×
          </button>
        </p>
      )}
      {pasteReport && (
        <div className={`paste-report paste-${pasteReport.tone}`} {...(pasteReport.tone === 'problem' ? { role: 'alert' } : { 'aria-live': 'polite' })}>
          {pasteReport.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          <button className="link" onClick={() => setPasteReport(null)} aria-label="关闭粘贴结果">
            ×
          </button>
        </div>
      )}
      <CarriedPanel session={session} tableId={tableId} />
      <YoyBar table={table} data={data} previous={session.previous?.data} figures={yoy} />
      <div className="table-scroll">
        <TableEditor
          session={session}
          table={table}
          format={format}
          caption={name}
          onHistory={undoRedo}
          decorate={decorate}
          onPasted={(report) => {
            setNotice('');
            setPasteReport(report);
          }}
        />
      </div>
      {(tableId === 't3' || tableId === 't4') && computedTotals && <ConfirmationPanel session={session} table={tableId} />}
      {(tableId === 't3' || tableId === 't4') && <RatesPanel session={session} format={format} tableId={tableId} />}
      <div className="table-help muted">
        <p className="legend">
          <span className="swatch swatch-blank" /> 空白＝还没填（与 0 不同）
          {computedTotals && (
            <>
              <span className="swatch swatch-computed" /> 灰色＝自动合计，不用填
            </>
          )}
          <span className="swatch swatch-error" /> 红框＝有错误
          <span className="swatch swatch-warning" /> 黄框＝请核对
        </p>
        {!readOnly && <p>{pasteRule(table, computedTotals)}</p>}
        {!readOnly && <p>{KEYS_HELP}</p>}
        {readOnly && <p>报告已定稿，表格只能查看。</p>}
      </div>
      {confirmNone && (
        <ConfirmDialog
          title={noneLabel}
          confirmLabel="全部填 0"
          danger={overwritten > 0}
          onConfirm={fillNothingReceived}
          onCancel={() => setConfirmNone(false)}
        >
          <p>{tableId === 't3' ? '表三（申请情况）和表四（行政复议、行政诉讼）' : '表四（行政复议、行政诉讼）'}的每一格都将填为 0，合计随之为 0。</p>
          {overwritten > 0 ? (
            <p className="dialog-warning">{tableId === 't3' ? '这两张表' : '这张表'}里已经填了 {overwritten} 个不为 0 的数字，也会改为 0。</p>
          ) : null}
          <p>填好后可以按 Ctrl+Z 或「撤销」恢复。</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
