import { useCallback, useState } from 'react';
import type { TableId } from '../../../core/format/index.js';
import type { ProseKey } from '../../../core/report/model.js';
import { proseLabel } from '../../../core/rules/context.js';
import { useConfirmMention } from '../carry/CarryProseBar.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { ProseEditor } from './ProseEditor.js';

interface Props {
  tableId: TableId;
  session: ReportSession;
}

/** The optional note printed under a table (e.g. why a figure is what it is). Folded away while empty. */
export function NoteEditor({ tableId, session }: Props) {
  const key = `note_${tableId}` as ProseKey;
  const shown = useSessionState(session, (s) => s.shown);
  const marks = useSessionState(session, (s) => s.figures.carry?.pending[key]);
  const [initial] = useState(() => session.prose(key));
  const [open, setOpen] = useState(Boolean(initial.trim()));
  const onChange = useCallback((text: string) => session.setProse(key, text), [session, key]);
  const onBlur = useCallback(() => session.flushProse(), [session]);
  const label = proseLabel(key);
  // a note carried from last year: its years and figures are 「待更新」 (issue 6)
  const confirmMark = useConfirmMention(session, key);

  if (!open) {
    if (session.readOnly) return null;
    return (
      <div className="note-block">
        <button type="button" className="small" onClick={() => setOpen(true)}>
          ＋ 添加{label}
        </button>
      </div>
    );
  }
  return (
    <section className="note-block" aria-label={label}>
      <h3>
        {label}
        <span className="muted">（可选，印在表格下方）</span>
      </h3>
      <ProseEditor
        label={label}
        initial={initial}
        format={session.detail.data.format}
        cells={shown}
        readOnly={session.readOnly}
        onChange={onChange}
        onBlur={onBlur}
        placeholder="例如：本表“上年结转”含上年度受理、本年度办结的申请。"
        compact
        marks={marks}
        onConfirmMark={confirmMark}
      />
    </section>
  );
}
