import type { Signoff } from './model.js';

/**
 * The sign-off fields as a clerk reads them. One list serves the 审批单, the 定稿 dialog, the
 * sign-off gate and the version comparison, so a field is never named two ways.
 */

/** The three steps of sign-off, in the order they happen. */
export const SIGNOFF_STEPS = [
  { label: '编制人', dateLabel: '编制日期', name: 'preparer', date: 'preparerDate' },
  { label: '审核人', dateLabel: '审核日期', name: 'reviewer', date: 'reviewerDate' },
  { label: '签发人', dateLabel: '签发日期', name: 'approver', date: 'approverDate' },
] as const satisfies readonly { label: string; dateLabel: string; name: keyof Signoff; date: keyof Signoff }[];

/** The date printed under the agency name at the end of the report. */
export const SIGNING_DATE_LABEL = '落款日期';

/** Every sign-off field with its name, in the order the form shows them. */
export const SIGNOFF_FIELD_NAMES: Readonly<Record<keyof Signoff, string>> = {
  ...Object.fromEntries(SIGNOFF_STEPS.flatMap((s) => [[s.name, s.label], [s.date, s.dateLabel]])),
  date: SIGNING_DATE_LABEL,
} as Record<keyof Signoff, string>;
