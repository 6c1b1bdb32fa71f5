import { classify, classOf, CLASS_LABELS, summaryText, type Finding } from '../../core/rules/index.js';

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
  // what must be corrected first, then what to check, then hints (within a class, the rules' own order)
  const c = classify(findings);
  const shown = [...c.must, ...c.check, ...c.hint];
  return (
    <section className="import-findings" aria-label="按规则核对">
      <h2>
        按规则核对
        <span className="muted">
          {shown.length === 0 ? '没有发现问题' : `${summaryText(c)}（原文本身的问题，导入后可在报告里修改）`}
        </span>
      </h2>
      {shown.length ? (
        <ul>
          {shown.map((f, i) => (
            <li key={i} className={`finding sev-${f.severity}`}>
              <button className="finding-go" onClick={() => f.cells[0] && onGo(f.cells[0])} disabled={!f.cells.length}>
                <span className="finding-sev">{CLASS_LABELS[classOf(f)]}</span>
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
