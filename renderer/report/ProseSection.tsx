import { useCallback, useRef, useState } from 'react';
import type { SaveAck } from '../../core/api.js';
import type { ProseKey } from '../../core/report/model.js';
import { CarryProseBar, useConfirmMention } from './carry/CarryProseBar.js';
import { IntroBlock } from './prose/IntroBlock.js';
import { outlineText, topicsFor, uncoveredTopics, withMissingTopics } from './prose/outline.js';
import { ProseEditor, type ProseEditorHandle } from './prose/ProseEditor.js';
import { useProseSaver } from './prose/useProseSaver.js';
import type { ReportEditor } from './table/editor.js';
import { useEditorSnapshot } from './table/useReportEditor.js';

interface Props {
  reportId: number;
  sectionKey: 's1' | 's5' | 's6';
  editor: ReportEditor;
  readOnly: boolean;
  track: (write: () => Promise<SaveAck>) => Promise<SaveAck | undefined>;
  onSaved: (key: ProseKey, text: string) => void;
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
 * figures, so editing a table changes the text.
 */
export function ProseSection({ reportId, sectionKey, editor, readOnly, track, onSaved, onShowCell }: Props) {
  const { data, shown } = useEditorSnapshot(editor);
  const initial = data.sections[sectionKey] ?? '';
  const [text, setText] = useState(initial);
  const saver = useProseSaver(reportId, sectionKey, initial, track, onSaved);
  const handle = useRef<ProseEditorHandle>(null);
  // carried from last year: its years and figures are 「待更新」 until edited or confirmed (issue 6)
  const confirmMark = useConfirmMention(editor, reportId, sectionKey, track);

  const onChange = useCallback(
    (next: string) => {
      setText(next);
      saver.change(next);
    },
    [saver],
  );

  return (
    <div className="prose">
      {sectionKey === 's1' && <IntroBlock reportId={reportId} data={data} cells={shown} readOnly={readOnly} track={track} onSaved={onSaved} />}
      {sectionKey === 's1' && data.format !== 'free' && (
        <Outline text={text} level={data.agency.level} readOnly={readOnly} onInsert={(t) => handle.current?.replaceAll(t)} />
      )}
      <CarryProseBar editor={editor} data={data} shown={shown} sectionKey={sectionKey} text={text} />
      <ProseEditor
        ref={handle}
        label="正文"
        initial={initial}
        format={data.format}
        cells={shown}
        readOnly={readOnly}
        onChange={onChange}
        onBlur={() => void saver.flush()}
        structure
        placeholder={PLACEHOLDERS[sectionKey]}
        onShowCell={onShowCell}
        marks={data.carry?.pending[sectionKey]}
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
