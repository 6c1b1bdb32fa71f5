import { CLASS_LABELS } from '../../../core/rules/index.js';
import type { SectionCount } from './summary.js';

/** The sidebar's count of open findings for one section: 必须改正 in red, 需核对 in amber. */
export function SectionBadge({ count }: { count: SectionCount | undefined }) {
  if (!count || (!count.must && !count.check)) return null;
  const label = [count.must ? `${count.must} 个${CLASS_LABELS.must}` : '', count.check ? `${count.check} 个${CLASS_LABELS.check}` : ''].filter(Boolean).join('，');
  return (
    <span className="section-badges" aria-label={label} title={label}>
      {count.must > 0 && <span className="count count-error">{count.must}</span>}
      {count.check > 0 && <span className="count count-warning">{count.check}</span>}
    </span>
  );
}
