import { useCallback, useRef, useState } from 'react';
import { CarryProseBar, useConfirmMention } from './carry/CarryProseBar.js';
import { IntroBlock } from './prose/IntroBlock.js';
import { outlineText, topicsFor, uncoveredTopics, withMissingTopics } from './prose/outline.js';
import { ProseEditor, type ProseEditorHandle } from './prose/ProseEditor.js';
import type { ReportSession } from './state/ReportSession.js';
import { useSessionState } from './state/useSession.js';

interface Props {
  sectionKey: 's1' | 's5' | 's6';
  session: ReportSession;
  /** 「去表格查看」 a figure quoted in the text */
  onShowCell?: (cellId: string) => void;
}

const PLACEHOLDERS: Record<Props['sectionKey'], string> = {
  s1: '在这里写总体情况。每段一行；用上方按钮或 Alt+2 把一行设为（一）级标题，编号自动排。',
  s5: '在这里写存在的主要问题及改进情况。每段一行。',
  s6: '在这里写其他需要报告的事项，例如本年度是否收取信息处理费。每段一行。',
};

/**
 * A prose section (一、五、六): its editor, and for 一 also the 导语 above it and the outline
 * the 2021 notice asks 总体情况 to cover. The figures shown in the text are the tables' current
 * figures, so editing a table changes the text. What is typed goes to the session, which shows
 * it, checks it and saves it.
 */
export function ProseSection({ sectionKey, session, onShowCell }: Props) {
  const shown = useSessionState(session, (s) => s.shown);
  const text = useSessionState(session, (s) => s.report.sections[sectionKey] ?? '');
  const marks = useSessionState(session, (s) => s.figures.carry?.pending[sectionKey]);
  const { format, agency } = session.detail.data;
  // the text box starts from the text as it stands in the window and then keeps its own
  const [initial] = useState(() => session.prose(sectionKey));
  const handle = useRef<ProseEditorHandle>(null);
  // carried from last year: its years and figures are 「待更新」 until edited or confirmed (issue 6)
  const confirmMark = useConfirmMention(session, sectionKey);
  const onChange = useCallback((next: string) => session.setProse(sectionKey, next), [session, sectionKey]);
  const onBlur = useCallback(() => session.flushProse(), [session]);

  return (
    <div className="prose">
      {sectionKey === 's1' && <IntroBlock session={session} />}
      {sectionKey === 's1' && format !== 'free' && (
        <Outline text={text} level={agency.level} readOnly={session.readOnly} onInsert={(t) => handle.current?.replaceAll(t)} />
      )}
      <CarryProseBar session={session} sectionKey={sectionKey} />
      <ProseEditor
        ref={handle}
        label="正文"
        initial={initial}
        format={format}
        cells={shown}
        readOnly={session.readOnly}
        onChange={onChange}
        onBlur={onBlur}
        structure
        placeholder={PLACEHOLDERS[sectionKey]}
        onShowCell={onShowCell}
        marks={marks}
        onConfirmMark={confirmMark}
      />
    </div>
  );
}

/** Which of the topics 总体情况 should cover the text mentions; a starting outline on request. */
function Outline({ text, level, readOnly, onInsert }: { text: string; level: Parameters<typeof topicsFor>[0]; readOnly: boolean; onInsert(text: string): void }) {
  const topics = topicsFor(level);
  const missing = new Set(uncoveredTopics(text, level).map((t) => t.title));
  const empty = !text.trim();
  return (
    <div className="outline-bar" aria-label="总体情况应写到的方面">
      <span className="muted">总体情况应写到：</span>
      {topics.map((t) => (
        <span key={t.title} className={`topic ${missing.has(t.title) ? 'topic-missing' : 'topic-done'}`} title={missing.has(t.title) ? '正文还没有写到' : '正文已写到'}>
          {missing.has(t.title) ? '○' : '✓'} {t.title}
        </span>
      ))}
      {!readOnly && empty && (
        <button type="button" className="small" onClick={() => onInsert(outlineText(level))}>
          插入提纲
        </button>
      )}
      {!readOnly && !empty && missing.size > 0 && (
        <button type="button" className="small" onClick={() => onInsert(withMissingTopics(text, level))}>
          补上缺少的方面
        </button>
      )}
    </div>
  );
}
