import { memo, useEffect, useRef, useState } from 'react';
import { SECTIONS, sectionHeading, type SectionKey } from '../../../core/format/index.js';
import { classify, classOf, CLASS_LABELS, summaryText, type Finding } from '../../../core/rules/index.js';
import { navigate } from '../../route.js';
import type { Acknowledgement } from '../../../core/api.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { canAccept, findingKey, isAccepted } from './summary.js';

interface Props {
  session: ReportSession;
  current: SectionKey;
}

/** The longest key an acceptance can be stored under (the contract's limit). */
const MAX_KEY = 8000;

/**
 * The rule findings of the open report, by section. A finding takes the clerk to its cell; a fix
 * is applied as one undoable edit; a warning can be accepted with a written reason and withdrawn.
 */
export function IssuesPanel({ session, current }: Props) {
  const findings = useSessionState(session, (s) => s.findings);
  const acks = useSessionState(session, (s) => s.acks);
  const panel = useRef<HTMLElement>(null);
  // opening a section brings its findings into view
  useEffect(() => {
    const box = panel.current;
    const group = box?.querySelector<HTMLElement>('.issues-group.current');
    // below the title, which stays at the top so the counts are always in sight
    const title = box?.querySelector<HTMLElement>('.issues-title');
    if (box && group) box.scrollTop += group.getBoundingClientRect().top - box.getBoundingClientRect().top - (title?.offsetHeight ?? 0) - 8;
  }, [current]);
  // counted and worded as the 定稿 gate and `nianbao check` do (core/rules/classify.ts)
  const summary = summaryText(classify(findings, new Set(acks.keys())));
  // within a section: what must be corrected, then what to check, then accepted ones, then guidance
  const rank = (f: Finding) => (f.severity === 'info' ? 3 : isAccepted(f, acks) ? 2 : classOf(f) === 'must' ? 0 : 1);
  const groups = SECTIONS.map((s) => ({
    section: s,
    items: findings.filter((f) => f.section === s.key).sort((a, b) => rank(a) - rank(b)),
  })).filter((g) => g.items.length);

  return (
    <aside className="issues" aria-label="检查结果" ref={panel}>
      <h2 className="issues-title">
        检查结果
        <span className="issues-summary">
          {summary}
        </span>
      </h2>
      {groups.map(({ section, items }) => (
        <section key={section.key} className={`issues-group${section.key === current ? ' current' : ''}`} aria-label={sectionHeading(section)}>
          <h3>{sectionHeading(section)}</h3>
          <ul>
            {withKeys(items).map(({ f, key }) => (
              <FindingItem key={key} finding={f} session={session} acks={acks} />
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

/**
 * A key for each item that stays with its finding when others come and go before it (an index
 * would make React redraw every item after a new one); the rare finding said twice gets a count.
 */
function withKeys(items: readonly Finding[]): { f: Finding; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((f) => {
    // not the message: a figure in it changes as the clerk types, and the item keeps its state (a reason being written)
    const base = findingKey(f);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { f, key: n ? `${base}#${n}` : base };
  });
}

/** Drawn again only when its finding or the accepted warnings change: the rules keep equal findings as they were (ReportSession). */
const FindingItem = memo(function FindingItem({ finding: f, session, acks }: { finding: Finding; session: ReportSession; acks: ReadonlyMap<string, Acknowledgement> }) {
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const key = findingKey(f);
  const ack = canAccept(f) ? acks.get(key) : undefined;
  const { readOnly, reportId } = session;

  const go = () => {
    const cell = f.cells[0];
    const section = (cell && session.sectionOf(cell)) || f.section;
    navigate({ name: 'report', reportId, section });
    if (cell) session.requestFocus(cell);
  };

  const applyFix = () => {
    if (!f.fix) return;
    const changes = Object.entries(f.fix.changes).map(([cellId, value]) => ({ cellId, value }));
    session.apply(changes, f.fix.label);
    const first = changes[0]?.cellId;
    if (first) {
      const section = session.sectionOf(first);
      if (section) navigate({ name: 'report', reportId, section });
      session.requestFocus(first);
    }
  };

  const accept = async () => {
    if (!reason.trim()) {
      setProblem('请写明为什么不用改');
      return;
    }
    if (await session.accept(key, reason)) {
      setAccepting(false);
      setReason('');
      setProblem('');
    } else setProblem('没有保存成功，请看页面上方的保存状态后再试');
  };

  return (
    <li className={`finding sev-${f.severity}${ack ? ' accepted' : ''}`}>
      <button className="finding-go" onClick={go} title={f.cells.length ? '转到相关的格' : '转到这一部分'}>
        <span className="finding-sev">{ack ? '已接受' : CLASS_LABELS[classOf(f)]}</span>
        <span className="finding-rule">{f.ruleId}</span>
        <span className="finding-message">{f.message}</span>
      </button>
      {ack && (
        <div className="finding-ack">
          <span>理由：{ack.reason}</span>
          {!readOnly && (
            <button className="link" onClick={() => void session.withdraw(key)}>
              撤回
            </button>
          )}
        </div>
      )}
      {!ack && !readOnly && (f.fix || canAccept(f)) && !accepting && (
        <div className="finding-actions">
          {f.fix && (
            <button className="small" onClick={applyFix}>
              {f.fix.label}
            </button>
          )}
          {canAccept(f) && key.length <= MAX_KEY && (
            <button className="small" onClick={() => setAccepting(true)}>
              接受并说明理由…
            </button>
          )}
        </div>
      )}
      {accepting && (
        <div className="finding-accept">
          <label>
            <span>为什么不用改？（理由会随报告保存）</span>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              autoFocus
              maxLength={2000}
              onKeyDown={(e) => {
                // Esc closes the form (an input method's own Esc is left to it); Ctrl+Enter accepts
                if (e.nativeEvent.isComposing) return;
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  setAccepting(false);
                  setProblem('');
                } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void accept();
                }
              }}
            />
          </label>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="finding-actions">
            <button className="small" onClick={() => setAccepting(false)}>
              取消
            </button>
            <button className="small primary" onClick={() => void accept()}>
              接受
            </button>
          </div>
        </div>
      )}
    </li>
  );
});
