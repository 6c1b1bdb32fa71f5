import { classOf, CLASS_LABELS, type Finding } from '../../../core/rules/index.js';
import { findingLine } from '../../../core/document/index.js';

interface Props {
  findings: readonly Finding[];
  /** label of the list, for screen readers and tests */
  label: string;
  onGo(finding: Finding): void;
}

/** Findings that stand in the way of 定稿 or a final copy; each takes the clerk to its place. */
export function GateList({ findings, label, onGo }: Props) {
  return (
    <ul className="gate-list" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.ruleId}|${f.cells.join(',')}#${i}`} className={`finding sev-${f.severity}`}>
          <button type="button" className="finding-go" onClick={() => onGo(f)} title="转到相关的格或段落">
            <span className="finding-sev">{CLASS_LABELS[classOf(f)]}</span>
            <span className="finding-message">{findingLine(f)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
