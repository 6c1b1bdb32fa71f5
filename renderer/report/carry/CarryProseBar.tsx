import { useCallback, useDeferredValue, useMemo } from 'react';
import { resolveTokens, type ProseKey, type ReportData } from '../../../core/report/index.js';
import { SIMILARITY_LIMIT, SIMILARITY_MIN_CHARS } from '../../../core/rules/cross-year.js';
import { textSimilarity } from '../../../core/rules/index.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { findMentions } from './mentions.js';
import './carry.css';

/** The text as printed: figure tokens replaced by the figures they show. */
function printed(report: Pick<ReportData, 'format'>, text: string, cells: Readonly<Record<string, number>>): string {
  return report.format === 'free' ? text : resolveTokens(text, report.format, cells);
}

/** How alike this section is to last year's same section, 0…1; undefined when either is empty. */
export function similarityToLastYear(data: Pick<ReportData, 'format'>, shown: Readonly<Record<string, number>>, previous: ReportData | undefined, key: ProseKey, text: string): number | undefined {
  const last = previous?.sections[key];
  if (!previous || !last?.trim() || !text.trim()) return undefined;
  return textSimilarity(printed(data, text, shown), printed(previous, last, previous.cells));
}

/** 「确认无需修改」: the mention is no longer 「待更新」, in the store and in the window. */
export function useConfirmMention(session: ReportSession, key: ProseKey): (mention: string) => void {
  return useCallback((mention: string) => void session.confirmMention(key, mention), [session, key]);
}

interface Props {
  session: ReportSession;
  sectionKey: ProseKey;
}

/**
 * Above a prose section: how alike it is to last year's (a warning above 80 %, X-5), and whether
 * the years and figures carried from last year's text have all been looked at.
 */
export function CarryProseBar({ session, sectionKey }: Props) {
  const data = useSessionState(session, (s) => s.figures);
  const shown = useSessionState(session, (s) => s.shown);
  const text = useSessionState(session, (s) => s.report.sections[sectionKey] ?? '');
  const previous = session.previous?.data;
  // read after the keystroke is on screen: on a long text these take a few milliseconds
  const later = useDeferredValue(text);
  const similarity = useMemo(() => similarityToLastYear(data, shown, previous, sectionKey, later), [data, shown, previous, sectionKey, later]);
  const carried = data.carry?.pending[sectionKey];
    // the places still to look at: the same list the text highlights and rule X-6 counts
  const left = useMemo(() => (carried ? findMentions(later, carried) : []), [carried, later]);
  if (similarity === undefined && !data.carry) return null;
  const pct = similarity === undefined ? undefined : Math.round(similarity * 100);
  // as X-5: a short 「无」 or 「本年度未收取信息处理费。」 may well read the same every year
  const long = later.trim().length >= SIMILARITY_MIN_CHARS && (previous?.sections[sectionKey]?.trim().length ?? 0) >= SIMILARITY_MIN_CHARS;
  const high = similarity !== undefined && similarity > SIMILARITY_LIMIT && long;
  return (
    <div className="carry-prose-bar" aria-label="与上年对照">
      {pct !== undefined && previous && (
        <span
          className={`similarity${high ? ' high' : ''}`}
          role={high ? 'note' : undefined}
          title="按相同的字和词计算；年度报告内容雷同会被通报追责"
        >
          与 {previous.year} 年同一部分相似度 {pct}%
          {high ? '：与上年高度雷同，请结合本年实际重写' : ''}
        </span>
      )}
      {data.carry && !session.readOnly && sectionKey in data.carry.pending && left.length > 0 && (
        <span className="muted">本部分从 {data.carry.fromYear} 年报告带来，还有 {left.length} 处年份或数字待更新（正文中黄色标出）。</span>
      )}
      {data.carry && !session.readOnly && previous?.sections[sectionKey] && later.trim() && left.length === 0 && (
        <span className="pending-done">✓ 从 {data.carry.fromYear} 年报告带来的年份和数字都已更新或确认。</span>
      )}
    </div>
  );
}
