import type { Finding } from './types.js';

/**
 * The key an accepted warning is stored under: the rule id and the cells involved. The window
 * stores acceptances under it and the back end's export gate reads them back, so both must
 * build it the same way: here, once.
 */
export function findingKey(f: Pick<Finding, 'ruleId' | 'cells'>): string {
  return `${f.ruleId}|${f.cells.join(',')}`;
}

/** Warnings and hints can be accepted with a reason; errors must be fixed, guidance asks nothing. */
export function canAccept(f: Pick<Finding, 'severity'>): boolean {
  return f.severity === 'warning' || f.severity === 'hint';
}
