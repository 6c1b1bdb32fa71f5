import type { SectionCount } from './summary.js';

/** The sidebar's count of open findings for one section: errors in red, the rest in amber. */
export function SectionBadge({ count }: { count: SectionCount | undefined }) {
  if (!count || (!count.errors && !count.warnings)) return null;
  const label = [count.errors ? `${count.errors} 个错误` : '', count.warnings ? `${count.warnings} 个需核对` : ''].filter(Boolean).join('，');
  return (
    <span className="section-badges" aria-label={label} title={label}>
      {count.errors > 0 && <span className="count count-error">{count.errors}</span>}
      {count.warnings > 0 && <span className="count count-warning">{count.warnings}</span>}
    </span>
  );
}
