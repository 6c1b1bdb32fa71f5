import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReportDetail } from '../../core/api.js';
import type { ReportSession } from '../report/state/ReportSession.js';
import { ExcelFillDialog } from './ExcelFillDialog.js';
import { PackageDialog } from './PackageDialog.js';
import { PublishedCheck } from './PublishedCheck.js';
import { OpenReviewDialog } from '../county/OpenReviewDialog.js';
import './exchange.css';

type Open = 'package' | 'published' | 'excel' | 'review' | null;

const ITEMS: { key: Exclude<Open, null>; label: string; hint: string }[] = [
  { key: 'package', label: '导出报送包…', hint: '一个带封签的文件，交县里或拷 U 盘' },
  { key: 'published', label: '核对网上公布版…', hint: '网上的版本与定稿逐格、逐段核对' },
  { key: 'excel', label: '从 Excel 填入表格…', hint: '读 Excel 里的三张表，填进这份报告' },
  { key: 'review', label: '打开县里的意见…', hint: '县里退回的意见包：意见显示在相应的格和部分' },
];

/**
 * The report header's part of issue 14, one menu 「报送与核对」: the sealed package, the check of
 * the published copy, and filling the tables from a workbook. Keyboard: Enter/Space/↓ opens,
 * ↑↓ move, Enter chooses, Esc closes.
 */
export function ExchangeButtons({ detail, session, onReview }: { detail: ReportDetail; session: ReportSession; onReview?(): void }) {
  const [menu, setMenu] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const available = ITEMS.filter((i) => i.key !== 'excel' || (!session.readOnly && detail.data.format !== 'free'));

  useEffect(() => {
    if (!menu) return;
    items.current[0]?.focus();
    const away = (e: MouseEvent) => {
      if (!(e.target as HTMLElement).closest('.exchange-menu')) setMenu(false);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [menu]);

  const onMenuKey = (e: KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : available.length - 1)) % available.length;
      items.current[next]?.focus();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setMenu(false);
      button.current?.focus();
    } else if (e.key === 'Tab') setMenu(false);
  };

  const choose = async (key: Exclude<Open, null>) => {
    setMenu(false);
    // a package holds what the clerk sees: what is still waiting is saved first
    if (key === 'package' && !session.readOnly) await session.saved();
    setOpen(key);
  };
  const close = () => {
    setOpen(null);
    button.current?.focus();
  };

  return (
    <span className="exchange-menu">
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={menu}
        onClick={() => setMenu((m) => !m)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setMenu(true);
          }
        }}
      >
        报送与核对 ▾
      </button>
      {menu && (
        <div className="exchange-items" role="menu" aria-label="报送与核对" onKeyDown={onMenuKey}>
          {available.map((item, i) => (
            <button key={item.key} type="button" role="menuitem" ref={(el) => void (items.current[i] = el)} onClick={() => void choose(item.key)}>
              <span>{item.label}</span>
              <small className="muted">{item.hint}</small>
            </button>
          ))}
        </div>
      )}
      {open === 'package' && <PackageDialog summary={detail.summary} onClose={close} />}
      {open === 'published' && <PublishedCheck detail={detail} onClose={close} />}
      {open === 'excel' && <ExcelFillDialog detail={detail} session={session} onClose={close} />}
      {open === 'review' && (
        <OpenReviewDialog
          reportId={detail.summary.id}
          onClose={close}
          onOpened={() => {
            close();
            onReview?.();
          }}
        />
      )}
    </span>
  );
}
