import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ReportDetail, SaveAck } from '../../../core/api.js';
import { checkReport } from '../../../core/rules/index.js';
import { call } from '../../api/client.js';
import { ReportEditor, type EditorSnapshot } from './editor.js';

type Track = <T extends SaveAck>(write: () => Promise<T>) => Promise<T | undefined>;

/**
 * The editor of the open report, made once when the report has loaded. Its writes go through
 * `track`, so the header's save state covers them. Leaving the report sends anything still
 * waiting; closing the window with unsaved figures asks first.
 */
export function useReportEditor(detail: ReportDetail | null, track: Track): ReportEditor | null {
  const ref = useRef<ReportEditor | null>(null);
  if (detail && !ref.current) {
    const reportId = detail.summary.id;
    ref.current = new ReportEditor({
      data: detail.data,
      acks: detail.acknowledgements,
      readOnly: detail.summary.state === 'signed',
      // last year's report brings in the cross-year rules (X-1…X-5, L-5)
      ...(detail.previous ? { previous: { data: detail.previous.data, madeInApp: detail.previous.madeInApp } } : {}),
      check: (data) =>
        checkReport(data, detail.previous ? { previous: detail.previous.data, previousMadeInApp: detail.previous.madeInApp } : {}),
      sendCells: async (changes) => Boolean(await track(() => call('cells.set', { reportId, changes }))),
      setAck: async (key, reason) => {
        const ack = await track(() => call('ack.set', { reportId, key, reason }));
        return ack ? { key, reason: reason.trim(), createdAt: ack.savedAt } : undefined;
      },
      clearAck: async (key) => Boolean(await track(() => call('ack.clear', { reportId, key }))),
    });
  }
  const editor = ref.current;
  useEffect(() => {
    if (!editor) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      editor.flush();
      if (editor.unsaved > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      editor.flush();
    };
  }, [editor]);
  return editor;
}

const NO_SNAPSHOT = () => null;
const NO_SUBSCRIBE = () => () => {};

/** The editor's current state; re-renders on every change. */
export function useEditorSnapshot(editor: ReportEditor): EditorSnapshot;
export function useEditorSnapshot(editor: ReportEditor | null): EditorSnapshot | null;
export function useEditorSnapshot(editor: ReportEditor | null): EditorSnapshot | null {
  return useSyncExternalStore<EditorSnapshot | null>(editor?.subscribe ?? NO_SUBSCRIBE, editor?.getSnapshot ?? NO_SNAPSHOT);
}
