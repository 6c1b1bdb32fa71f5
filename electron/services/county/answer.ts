import type { PackageInput } from '../../../core/package/index.js';
import type { Store } from '../../store/index.js';

/**
 * What the unit's next package of a report carries when the county sent that report back: the
 * whole thread with the unit's answers, in reply to the review package (its seal). Used by
 * 「导出报送包」 (electron/services/package.ts).
 */
export function reviewAnswer(store: Store, reportId: number): Pick<PackageInput, 'comments' | 'inReplyTo'> {
  const review = store.reports.meta(reportId).review;
  if (!review) return {};
  return { comments: review.thread, inReplyTo: { seal: review.seal, purpose: 'review', createdAt: review.createdAt } };
}
