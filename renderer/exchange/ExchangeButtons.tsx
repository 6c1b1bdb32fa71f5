import { useState } from 'react';
import type { ReportDetail } from '../../core/api.js';
import { PackageDialog } from './PackageDialog.js';
import { PublishedCheck } from './PublishedCheck.js';
import './exchange.css';

/** The report header's part of issue 14: 「导出报送包…」 and 「核对网上公布版…」. */
export function ExchangeButtons({ detail }: { detail: ReportDetail }) {
  const [open, setOpen] = useState<'package' | 'published' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('package')}>
        导出报送包…
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('published')}>
        核对网上公布版…
      </button>
      {open === 'package' && <PackageDialog summary={detail.summary} onClose={close} />}
      {open === 'published' && <PublishedCheck detail={detail} onClose={close} />}
    </>
  );
}
