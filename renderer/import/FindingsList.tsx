import { SEVERITY_LABELS, type Finding } from '../../core/rules/index.js';

interface Props {
  /** null: not checked yet (the report has no year) */
  findings: readonly Finding[] | null;
  /** takes the clerk to the first cell of a finding */
  onGo: (cellId: string) => void;
}

/**
 * The rules on the figures as published: where the published report does not add up, or breaks
 * the format. Guidance (severity info) is left out here; the report screen shows it.
 */
const RANK = { error: 0, warning: 1, hint: 2, info: 3 } as const;

export function FindingsList({ findings, onGo }: Props) {
  if (!findings) {
    return (
      <section className="import-findings" aria-label="按规则核对">
        <h2>
          按规则核对<span className="muted">填写报告年度后核对</span>
        </h2>
      </section>
    );
  }
  // errors first (the sort is stable: within a severity, the rules' own order by section)
  const shown = findings.filter((f) => f.severity !== 'info').sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const errors = shown.filter((f) => f.severity === 'error').length;
  return (
    <section className="import-findings" aria-label="按规则核对">
      <h2>
        按规则核对
        <span className="muted">
          {shown.length === 0 ? '没有发现问题' : `${errors ? `${errors} 个错误，` : ''}共 ${shown.length} 条（原文本身的问题，导入后可在报告里修改）`}
        </span>
      </h2>
      {shown.length ? (
        <ul>
          {shown.map((f, i) => (
            <li key={i} className={`finding sev-${f.severity}`}>
              <button className="finding-go" onClick={() => f.cells[0] && onGo(f.cells[0])} disabled={!f.cells.length}>
                <span className="finding-sev">{SEVERITY_LABELS[f.severity]}</span>
                <span className="finding-rule">{f.ruleId}</span>
                {f.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
