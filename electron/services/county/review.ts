import { AppError, type Args, type ExportDelivery, type Handlers, type ReviewState } from '../../../core/api.js';
import { addComment, buildPackage, emptyThread, openPackage, threadProblems, type CommentThread, type PackageInput, type PackageManifest } from '../../../core/package/index.js';
import { exportFileName } from '../../../core/document/index.js';
import type { Store } from '../../store/index.js';
import type { ReviewMeta } from '../../store/reports.js';
import type { ExportHost } from '../export.js';
import { PACKAGE_MIME, refusal, sealShort } from '../package.js';
import { reportOrFail } from '../reports.js';
import { countySettings } from './workspace.js';

/**
 * Sending a report back (「退回」) and its answer, both ways through the sealed package:
 * - the county writes remarks per cell, per section or on the whole report, and sends the
 *   unit's report back in a review package (purpose 'review') carrying them;
 * - the unit opens that package on its own report: the remarks show at those cells and sections
 *   until the county marks them resolved; the unit answers each, and its next package of the
 *   report carries the whole thread with the answers (inReplyTo: the review's seal);
 * - the county collects that package: the answers are filed with the report.
 */

type Generator = PackageManifest['generator'];

export async function sendBack(
  store: Store,
  { collectedId, author, remarks }: Args<'county.sendBack'>,
  options: { generator: Generator; now: string; host?: ExportHost },
): Promise<{ delivery: ExportDelivery; seal: string; remarks: number }> {
  const c = store.county.collectedOne(collectedId);
  if (!c) throw new AppError('not_found', '找不到这份收到的报告，可能已被替换或删除');
  const unit = store.county.unit(c.unitId);
  const settings = countySettings(store);
  const who = author || settings.name || '县政务公开办';
  let thread: CommentThread = c.thread ?? emptyThread();
  for (const r of remarks) thread = addComment(thread, { target: r.target, from: 'county', author: who, at: options.now, text: r.text });
  const problems = threadProblems(thread, c.report.format);
  if (problems.length) throw new AppError('refused', `意见不能发出：${problems.join('；')}`);
  const parent = unit?.parentId ? store.county.unit(unit.parentId)?.name : undefined;
  const input: PackageInput = {
    report: c.report,
    state: 'draft',
    purpose: 'review',
    comments: thread,
    ...(c.seal ? { inReplyTo: { seal: c.seal, purpose: 'report' as const, createdAt: c.receivedAt } } : {}),
    unit: { ...(unit?.code ? { code: unit.code } : {}), ...(parent ? { parent } : {}) },
    generator: options.generator,
    createdAt: options.now,
  };
  const built = buildPackage(input);
  store.county.setReturned(c.id, thread, options.now, built.manifest.seal.value);
  const fileName = exportFileName(c.report, false, 'pdf').replace(/\.pdf$/, '（退回意见）.nianbao');
  const file = { fileName, mime: PACKAGE_MIME, format: 'nianbao' as const, bytes: built.bytes };
  const delivery: ExportDelivery = options.host?.deliver
    ? await options.host.deliver(file)
    : { kind: 'download', fileName, mime: PACKAGE_MIME, base64: Buffer.from(built.bytes).toString('base64'), size: built.bytes.length };
  return { delivery, seal: sealShort(built.manifest), remarks: remarks.length };
}

export function resolveRemark(store: Store, collectedId: number, commentId: string): CommentThread {
  const c = store.county.collectedOne(collectedId);
  if (!c?.thread) throw new AppError('not_found', '这份报告没有意见');
  if (!c.thread.items.some((i) => i.id === commentId && i.from === 'county')) throw new AppError('not_found', '找不到这条意见');
  const thread = { ...c.thread, items: c.thread.items.map((i) => (i.id === commentId ? { ...i, resolved: true } : i)) };
  store.county.setThread(c.id, thread);
  return thread;
}

// ---------- the unit's side ----------

function reviewState(meta: ReviewMeta): ReviewState {
  return { from: meta.from, createdAt: meta.createdAt, thread: meta.thread };
}

/** A review package of the county opened on the unit's own report: verified, matched to the report, kept with it. */
export function openReview(store: Store, reportId: number, bytes: Uint8Array): ReviewState {
  const summary = reportOrFail(store, reportId);
  const agency = store.agencies.get(summary.agencyId)!;
  const opened = openPackage(bytes);
  if (opened.status !== 'intact') throw new AppError('refused', refusal(opened));
  const { manifest } = opened;
  if (manifest.purpose !== 'review' || !opened.comments) {
    throw new AppError('refused', '这个报送包里没有县里的意见（它是一份报告的报送包）。要导入报告本身，请用报告列表的「导入」');
  }
  if (manifest.unit.name !== agency.name || manifest.year !== summary.year) {
    throw new AppError('refused', `这份意见是给「${manifest.unit.name}」${manifest.year} 年报告的，不是本报告（${agency.name} ${summary.year} 年）的`);
  }
  const before = store.reports.meta(reportId);
  const mine = before.review?.thread.items.filter((i) => i.from === 'unit' && !opened.comments!.items.some((c) => c.id === i.id)) ?? [];
  // answers written here before this package came stay (the county's thread does not have them yet)
  let thread = opened.comments;
  for (const a of mine) thread = addComment(thread, { ...a });
  const from = opened.comments.items.find((c) => c.from === 'county')?.author ?? '县里';
  const review: ReviewMeta = { seal: manifest.seal.value, createdAt: manifest.createdAt, from, thread };
  store.reports.setMeta(reportId, { ...before, review });
  return reviewState(review);
}

export function answerRemark(store: Store, { reportId, commentId, text, author }: Args<'review.answer'>, now: string): ReviewState {
  reportOrFail(store, reportId);
  const meta = store.reports.meta(reportId);
  const review = meta.review;
  if (!review?.thread.items.some((c) => c.id === commentId && c.from === 'county')) throw new AppError('not_found', '找不到这条意见');
  // one answer per remark: writing again replaces it, until the next package carries it
  const others = review.thread.items.filter((c) => !(c.from === 'unit' && c.replyTo === commentId));
  const thread = addComment({ ...review.thread, items: others }, { target: review.thread.items.find((c) => c.id === commentId)!.target, from: 'unit', author, at: now, text, replyTo: commentId });
  const next: ReviewMeta = { ...review, thread };
  store.reports.setMeta(reportId, { ...meta, review: next });
  return reviewState(next);
}

export function reviewHandlers(store: Store, now: () => string): Pick<Handlers, 'review.open' | 'review.answer'> {
  return {
    'review.open': ({ reportId, file }) => {
      const bytes = Buffer.from(file.base64, 'base64');
      return openReview(store, reportId, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    },
    'review.answer': (args) => answerRemark(store, args, now()),
  };
}
