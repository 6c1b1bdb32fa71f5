import { useEffect, useMemo, useRef, useState } from 'react';
import { sectionOfTable, tableName, type FormatId, type TableId } from '../../../core/format/index.js';
import { Dialog } from '../../components/Dialog.js';
import { allFigures, commonFigures, figureValue, type Figure } from './figures.js';


interface Props {
  format: FormatId;
  cells: Readonly<Record<string, number>>;
  onPick(cellId: string): void;
  onClose(): void;
}

/**
 * 「插入数字」: the figures a narrative quotes most, then every cell by table, each with its value
 * now. Typing filters; ↑↓ move, Enter inserts, Esc closes.
 */
export function FigurePicker({ format, cells, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [table, setTable] = useState<TableId | 'common'>('common');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const figures = useMemo<readonly Figure[]>(() => {
    const q = query.replace(/\s/g, '');
    if (q) {
      // the figure named exactly first, then the common ones, then the rest in table order
      const common = new Set(commonFigures(format).map((f) => f.id));
      const rank = (f: Figure) => (f.label === q ? 0 : common.has(f.id) ? 1 : f.label.startsWith(q) ? 2 : 3);
      const found = allFigures(format).filter((f) => f.label.includes(q) || f.id.includes(q));
      return found.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
    }
    return table === 'common' ? commonFigures(format) : allFigures(format).filter((f) => f.table === table);
  }, [format, query, table]);

  useEffect(() => setActive(0), [query, table]);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = figures.length;
      if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const f = figures[active];
      if (f) onPick(f.id);
    }
  };

  return (
    <Dialog title="插入表格数字" className="figure-picker" closeOnBackdrop onClose={onClose} onKeyDown={onKeyDown} initialFocus={input}>
      <p className="muted small-print">插入的数字随表格自动更新，导出时写成当时的数值。</p>
      <input
        ref={input}
        className="figure-search"
        aria-label="查找数字"
        placeholder="输入名称查找，如“予以公开”“复议”"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="figure-tabs" role="tablist" aria-label="数字的来源">
        {(['common', 't2', 't3', 't4'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={!query && table === t}
            className={!query && table === t ? 'on' : undefined}
            onClick={() => {
              setQuery('');
              setTable(t);
              input.current?.focus();
            }}
          >
            {t === 'common' ? '常用' : `${tableName(t)} ${sectionOfTable(t).short}`}
          </button>
        ))}
      </div>
      <ul className="figure-list" role="listbox" aria-label="可插入的数字" ref={list}>
        {figures.map((f, i) => (
          <li key={f.id} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}>
            <button type="button" onMouseMove={() => i !== active && setActive(i)} onClick={() => onPick(f.id)}>
              <span className="figure-name">{f.label}</span>
              <span className="figure-value">{figureValue(format, cells, f.id)}</span>
            </button>
          </li>
        ))}
        {figures.length === 0 && <li className="muted">没有找到这个数字。</li>}
      </ul>
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
      </div>
    </Dialog>
  );
}
