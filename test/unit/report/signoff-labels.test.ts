import { describe, expect, it } from 'vitest';
import { SIGNOFF_FIELD_NAMES, SIGNOFF_STEPS } from '../../../core/report/signoff.js';
import { SIGNOFF_STEPS as SHEET_STEPS } from '../../../core/document/approval.js';

describe('sign-off field names: one list for the 审批单, the gate and the version comparison', () => {
  it('names every field once, in the order the form shows them', () => {
    expect(Object.entries(SIGNOFF_FIELD_NAMES)).toEqual([
      ['preparer', '编制人'],
      ['preparerDate', '编制日期'],
      ['reviewer', '审核人'],
      ['reviewerDate', '审核日期'],
      ['approver', '签发人'],
      ['approverDate', '签发日期'],
      ['date', '落款日期'],
    ]);
    expect(SHEET_STEPS).toBe(SIGNOFF_STEPS);
  });
});
