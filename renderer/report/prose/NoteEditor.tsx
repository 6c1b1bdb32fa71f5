import { useCallback, useState } from 'react';
import type { SaveAck } from '../../../core/api.js';
import type { TableId } from '../../../core/format/index.js';
import type { ProseKey } from '../../../core/report/model.js';
import { proseLabel } from '../../../core/rules/context.js';
import { useConfirmMention } from '../carry/CarryProseBar.js';
import type { ReportEditor } from '../table/editor.js';
import { useEditorSnapshot } from '../table/useReportEditor.js';
import { ProseEditor } from './ProseEditor.js';
import { useProseSaver } from './useProseSaver.js';

interface Props {
  reportId: number;
  tableId: TableId;
  editor: ReportEditor;
  track: (write: () => Promise<SaveAck>) => Promise<SaveAck | undefined>;
  onSaved: (key: ProseKey, text: string) => void;
}

/** The optional note printed under a table (e.g. why a figure is what it is). Folded away while empty. */
export function NoteEditor({ reportId, tableId, editor, track, onSaved }: Props) {
  const { data, shown } = useEditorSnapshot(editor);
  const key = `note_${tableId}` as ProseKey;
  const initial = data.sections[key] ?? '';
  const [open, setOpen] = useState(Boolean(initial.trim()));
  const saver = useProseSaver(reportId, key, initial, track, onSaved);
  const onChange = useCallback((text: string) => saver.change(text), [saver]);
  const label = proseLabel(key);
  // a note carried from last year: its years and figures are 「待更新」 (issue 6)
  const confirmMark = useConfirmMention(editor, reportId, key, track);

  if (!open) {
    if (editor.readOnly) return null;
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
        format={data.format}
        cells={shown}
        readOnly={editor.readOnly}
        onChange={onChange}
        onBlur={() => void saver.flush()}
        placeholder="例如：本表“上年结转”含上年度受理、本年度办结的申请。"
        compact
        marks={data.carry?.pending[key]}
        onConfirmMark={confirmMark}
      />
    </section>
  );
}
