import { useMemo, useState, type DragEvent } from 'react';
import type { BoardRow, CollectOutcome } from '../../core/api.js';
import { AGENCY_LEVEL_LABELS } from '../../core/report/model.js';
import { formatRate } from '../../core/report/rates.js';
import { UNIT_STATES, UNIT_STATE_LABELS, type UnitState } from '../../core/rollup/status.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { navigate } from '../route.js';
import { readFile } from './files.js';
import { PaperDialog } from './PaperDialog.js';
import { PublishDialog } from './PublishDialog.js';
import { delivered, useLoad } from './useCounty.js';

type SortKey = 'name' | 'level' | 'state' | 'errors' | 'published' | 'deadline';
const SORTS: { key: SortKey; label: string }[] = [
  { key: 'name', label: '单位' },
  { key: 'level', label: '类型' },
  { key: 'state', label: '状态' },
  { key: 'errors', label: '错误/警告' },
  { key: 'published', label: '公布' },
  { key: 'deadline', label: '期限' },
];

const zh = new Intl.Collator('zh-CN');

/**
 * A city's board has hundreds of units: from this many rows on, only the rows in view (and a few
 * around them) are drawn, every row one line of fixed height, so that sorting and scrolling stay
 * within a frame.
 */
const WINDOWED_FROM = 100;
const ROW_HEIGHT = 40;
const OVERSCAN = 8;

function compare(a: BoardRow, b: BoardRow, key: SortKey): number {
  switch (key) {
    case 'name':
      return zh.compare(a.unit.name, b.unit.name);
    case 'level':
      return zh.compare(AGENCY_LEVEL_LABELS[a.unit.level], AGENCY_LEVEL_LABELS[b.unit.level]);
    case 'state':
      return UNIT_STATES.indexOf(a.state) - UNIT_STATES.indexOf(b.state);
    case 'errors':
      return a.errors - b.errors || a.warnings - b.warnings;
    case 'published':
      return (a.publishedOn ?? '9999').localeCompare(b.publishedOn ?? '9999');
    case 'deadline':
      return a.deadline.localeCompare(b.deadline);
  }
}

/** Sorts and filters the board's rows: what the clerk asked for, in a stable order. */
export function visibleRows(rows: readonly BoardRow[], filter: { state: UnitState | ''; text: string }, sort: { key: SortKey; down: boolean }): BoardRow[] {
  const text = filter.text.trim();
  return rows
    .filter((r) => (!filter.state || r.state === filter.state) && (!text || r.unit.name.includes(text)))
    .sort((a, b) => (sort.down ? -1 : 1) * compare(a, b, sort.key) || zh.compare(a.unit.name, b.unit.name));
}

/**
 * 「报送情况」: every unit with where its report stands, and the ways a report comes in — files
 * dropped or chosen (packages, published pages, report files), the inbox folder, a paper copy.
 */
export function BoardTab({ year }: { year: number }) {
  const board = useLoad(() => call('county.board', { year }), [year]);
  const [filter, setFilter] = useState<{ state: UnitState | ''; text: string }>({ state: '', text: '' });
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'state', down: false });
  const [outcomes, setOutcomes] = useState<CollectOutcome[]>([]);
  const [progress, setProgress] = useState('');
  const [message, setMessage] = useState('');
  const [paper, setPaper] = useState(false);
  const [publishing, setPublishing] = useState<BoardRow | null>(null);
  const rows = useMemo(() => (board.value ? visibleRows(board.value.rows, filter, sort) : []), [board.value, filter, sort]);
  const [scrollTop, setScrollTop] = useState(0);
  const windowed = rows.length >= WINDOWED_FROM;
  const inView = Math.ceil((window.innerHeight * 0.7) / ROW_HEIGHT);
  const start = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const end = windowed ? Math.min(rows.length, start + inView + 2 * OVERSCAN) : rows.length;

  const collect = async (files: File[]) => {
    if (!files.length) return;
    const out: CollectOutcome[] = [];
    // one file a request: a batch of packages may be larger than one request may carry
    for (const [i, f] of files.entries()) {
      setProgress(`正在收取 ${i + 1}/${files.length}：${f.name}`);
      try {
        out.push(...(await call('county.collect', { year, files: [await readFile(f)] })));
      } catch (err) {
        out.push({ fileName: f.name, ok: false, message: errorMessage(err) });
      }
    }
    setProgress('');
    setOutcomes(out);
    await board.reload();
  };
  const inbox = async () => {
    setMessage('');
    try {
      const read = await call('county.inbox', { year });
      setOutcomes(read.outcomes);
      if (!read.outcomes.length) setMessage(`收件文件夹「${read.folder}」里没有可以读取的文件。`);
      await board.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const exportFile = async (what: 'note-docx' | 'issues-xlsx') => {
    try {
      setMessage(delivered(await call('county.export', { year, what })));
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void collect([...e.dataTransfer.files]);
  };

  if (board.error) return <p className="error">{board.error}</p>;
  if (!board.value) return <p className="muted">正在读取…</p>;
  const b = board.value;
  return (
    <div className="board">
      <section className="collect-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} aria-label="收取报告">
        <label className="file-pick primary">
          收取报告…
          <input type="file" multiple aria-label="收取报告文件" onChange={(e) => void collect([...(e.target.files ?? [])])} />
        </label>
        <button type="button" onClick={() => void inbox()}>
          读取收件文件夹
        </button>
        <button type="button" onClick={() => setPaper(true)}>
          纸质已收…
        </button>
        <span className="muted">报送包（.nianbao）、网上公布的报告（网页、PDF、Word、文字）、报告文件都可以，可一次选多个，或直接拖到这里。</span>
      </section>
      {progress && <p role="status">{progress}</p>}
      {outcomes.length > 0 && (
        <ul className="outcomes" aria-label="收取结果">
          {outcomes.map((o, i) => (
            <li key={i} className={o.ok ? 'ok' : 'error'}>
              <strong>{o.fileName}</strong>：{o.message}
            </li>
          ))}
        </ul>
      )}
      <p className="board-summary" role="status">
        {b.year} 年度：单位 {b.rows.length} 个
        {UNIT_STATES.filter((s) => b.counts[s]).map((s) => `，${UNIT_STATE_LABELS[s]} ${b.counts[s]}`).join('')}。按时公布率 {formatRate(b.onTime.rate)}（{b.onTime.onTime}/{b.onTime.of}）。
      </p>
      <div className="board-tools">
        <label>
          状态
          <select value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.target.value as UnitState | '' })}>
            <option value="">全部</option>
            {UNIT_STATES.map((s) => (
              <option key={s} value={s}>
                {UNIT_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          查找
          <input value={filter.text} placeholder="单位名称" onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void exportFile('note-docx')}>
          导出公布情况（Word）
        </button>
        <button type="button" onClick={() => void exportFile('issues-xlsx')}>
          导出问题清单（Excel）
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <div className={windowed ? 'board-scroll' : undefined} tabIndex={windowed ? 0 : undefined} onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}>
      <table className={`board-table${windowed ? ' windowed' : ''}`} aria-label="报送情况" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {SORTS.map((s) => (
              <th key={s.key} aria-sort={sort.key === s.key ? (sort.down ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort" onClick={() => setSort({ key: s.key, down: sort.key === s.key ? !sort.down : false })}>
                  {s.label}
                  {sort.key === s.key ? (sort.down ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th>意见</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {start > 0 && <tr aria-hidden="true" style={{ height: start * ROW_HEIGHT }} />}
          {rows.slice(start, end).map((r, i) => (
            <tr key={r.unit.id} data-unit={r.unit.name} data-state={r.state} aria-rowindex={start + i + 2}>
              <td>
                {r.collectedId ? (
                  <a href={`#/county/report/${r.collectedId}/s1`}>{r.unit.name}</a>
                ) : (
                  r.unit.name
                )}
                {r.parentName && <small className="muted"> · {r.parentName}</small>}
              </td>
              <td>{AGENCY_LEVEL_LABELS[r.unit.level]}</td>
              <td>
                <span className={`state state-${r.state}`}>{r.stateLabel}</span>
                {r.source && <small className="muted"> {r.source === 'package' ? '报送包' : r.source === 'paper' ? '纸质' : '公布版'}</small>}
              </td>
              <td>{r.collectedId ? `${r.errors} / ${r.warnings}` : '—'}</td>
              <td>
                {r.publishedOn ?? (r.unit.mustReport ? '未公布' : '不需公布')}
                {r.publishedUrl && (
                  <small className="muted url" title={r.publishedUrl}>
                    {' '}
                    {r.publishedUrl}
                  </small>
                )}
              </td>
              <td>
                {r.deadline}
                {r.publishedOn ? (r.onTime ? ' · 按时' : ' · 逾期') : ''}
              </td>
              <td>{r.remarks ? `${r.remarks.total} 条，已答复 ${r.remarks.answered}` : ''}</td>
              <td>
                {r.collectedId && (
                  <button type="button" onClick={() => setPublishing(r)}>
                    登记公布…
                  </button>
                )}
              </td>
            </tr>
          ))}
          {end < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - end) * ROW_HEIGHT }} />}
        </tbody>
      </table>
      </div>
      {paper && (
        <PaperDialog
          year={year}
          units={b.rows.map((r) => r.unit)}
          onClose={() => setPaper(false)}
          onSaved={(o) => {
            setPaper(false);
            setOutcomes([o]);
            void board.reload();
          }}
        />
      )}
      {publishing && (
        <PublishDialog
          row={publishing}
          onClose={() => setPublishing(null)}
          onSaved={() => {
            setPublishing(null);
            void board.reload();
          }}
        />
      )}
    </div>
  );
}

export function openCollected(collectedId: number): void {
  navigate({ name: 'county-report', collectedId, section: 's1' });
}
