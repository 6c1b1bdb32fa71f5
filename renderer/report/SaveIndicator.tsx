import type { SaveStatus } from './state/saveQueue.js';
import type { ReportSession } from './state/ReportSession.js';
import { useSessionState } from './state/useSession.js';

/** Made once: building a formatter for the locale costs about a millisecond, and the status changes twice per keystroke. */
const TIME = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saving':
      return '正在保存…';
    case 'failed':
      return `没有保存：${status.message}`;
    case 'conflict':
      return '没有保存：另一个窗口改过这份报告，请选择保留哪一份';
    case 'saved':
      return status.at ? `已保存 ${TIME.format(new Date(status.at))}` : '已保存';
  }
}

/** The header's 「已保存 / 正在保存… / 没有保存：…」: 已保存 only when nothing typed is still only in the window. */
export function SaveIndicator({ session }: { session: ReportSession }) {
  const status = useSessionState(session, (s) => s.save);
  return (
    <span className={`save-state save-${status.kind}`} role="status" aria-live="polite">
      {saveStatusText(status)}
    </span>
  );
}
