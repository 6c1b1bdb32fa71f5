import { z } from 'zod';
import { cellDef, cellName, SECTIONS, sectionHeading } from '../format/index.js';
import { PROSE_KEYS, type ProseKey, type ReportFormat } from '../report/model.js';
import { proseLabel } from '../rules/context.js';

/**
 * Remarks on a report, carried in a package's comments.json: the county's remarks per cell and
 * per section when it sends a report back (purpose 'review'), and the unit's answers in its next
 * package. The whole thread travels each time, so either side has the full conversation in the
 * last package it received. The county workspace (issue 15) writes the remarks; the unit's side
 * answers them.
 */

export const COMMENTS_SCHEMA = 'nianbao.comments/1';

const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report') }).strict(),
  /** one of the six sections, or a prose part (导语, the notes under the tables) */
  z.object({ kind: z.literal('section'), key: z.enum(['s1', 's2', 's3', 's4', 's5', 's6', ...PROSE_KEYS]) }).strict(),
  z.object({ kind: z.literal('cell'), cellId: z.string().regex(/^t[234]\.[a-z0-9_]+\.[a-z_]+$/) }).strict(),
]);

const commentSchema = z
  .object({
    /** unique within the thread, kept forever (an answer names it) */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    target,
    from: z.enum(['county', 'unit']),
    /** the person or office that wrote it: 「县政务公开办 李某」 */
    author: z.string().max(100),
    at: z.string().min(10).max(40),
    text: z.string().min(1).max(4000),
    /** an answer to another comment of the thread */
    replyTo: z.string().max(40).optional(),
    /** set by the county: its remark has been dealt with */
    resolved: z.boolean().optional(),
  })
  .strict();

export const commentsSchema = z.object({ schema: z.literal(COMMENTS_SCHEMA), items: z.array(commentSchema).max(2000) }).strict();

export type CommentTarget = z.infer<typeof target>;
export type PackageComment = z.infer<typeof commentSchema>;
export type CommentThread = z.infer<typeof commentsSchema>;

export function emptyThread(): CommentThread {
  return { schema: COMMENTS_SCHEMA, items: [] };
}

/** A remark of the county nobody has answered yet and that is not marked resolved. */
export function openRemarks(thread: CommentThread): PackageComment[] {
  const answered = new Set(thread.items.filter((c) => c.from === 'unit' && c.replyTo).map((c) => c.replyTo));
  return thread.items.filter((c) => c.from === 'county' && !c.replyTo && !c.resolved && !answered.has(c.id));
}

/** What a comment is about, as a clerk reads it: 「表三「一、本年新收…」·自然人」, 「一、总体情况」, 「整份报告」. */
export function targetLabel(format: ReportFormat, t: CommentTarget): string {
  if (t.kind === 'report') return '整份报告';
  if (t.kind === 'cell') {
    const def = format === 'free' ? undefined : cellDef(format, t.cellId);
    return def ? cellName(def) : t.cellId;
  }
  const section = SECTIONS.find((s) => s.key === t.key);
  return section ? sectionHeading(section) : proseLabel(t.key as ProseKey);
}

/** Checks that every comment's cell belongs to the report's format and every answer names a comment of the thread. */
export function threadProblems(thread: CommentThread, format: ReportFormat): string[] {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const c of thread.items) {
    if (ids.has(c.id)) problems.push(`意见编号「${c.id}」重复`);
    ids.add(c.id);
    if (c.target.kind === 'cell' && (format === 'free' || !cellDef(format, c.target.cellId))) problems.push(`意见「${c.id}」指向的单元格「${c.target.cellId}」不属于这份报告的格式`);
    if (c.replyTo && !ids.has(c.replyTo)) problems.push(`意见「${c.id}」回复的「${c.replyTo}」不在前面`);
  }
  return problems;
}

/** Adds a comment with the next free id; returns the new thread (threads are values, never changed in place). */
export function addComment(thread: CommentThread, comment: Omit<PackageComment, 'id'>): CommentThread {
  const n = thread.items.length + 1;
  let id = `c${n}`;
  for (let k = n; thread.items.some((c) => c.id === id); k++) id = `c${k + 1}`;
  return { ...thread, items: [...thread.items, { ...comment, id }] };
}

export function commentsText(thread: CommentThread): string {
  return `${JSON.stringify(thread, null, 2)}\n`;
}
