import type { Finding, Severity } from './types.js';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  hint: '提示',
  info: '说明',
};

/**
 * One line per finding, for the command line:
 * `A-3  错误 error  t3.r1.oth,t3.r2.oth,t3.r3_7.oth,t3.r4.oth  表三「其他」一列不符合勾稽关系…`
 * A finding with no cells shows 「-」 in their place. No findings give an empty string.
 */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const fix = f.fix ? `（可一键修正：${f.fix.label}）` : '';
      return `${f.ruleId}  ${SEVERITY_LABELS[f.severity]} ${f.severity}  ${f.cells.length ? f.cells.join(',') : '-'}  ${f.message}${fix}`;
    })
    .join('\n');
}
