import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type ExportDelivery } from '../../../core/api.js';
import { reportFingerprint } from '../../../core/report/fingerprint.js';
import { findingKey } from '../../../core/rules/index.js';
import { snapshotReport } from '../../../core/document/index.js';
import { docxParts } from '../export/helpers.js';
import { readDocxProperties } from '../../../electron/export/docx-properties.js';
import { SIGNOFF, signableReport } from './setup.js';

function bytesOf(delivery: ExportDelivery): Uint8Array {
  if (delivery.kind !== 'download') throw new Error(`expected a download, got ${delivery.kind}`);
  return new Uint8Array(Buffer.from(delivery.base64, 'base64'));
}

const headers = (docx: Uint8Array) => Object.values(docxParts(docx, 'word/header')).join('');
const footers = (docx: Uint8Array) => Object.values(docxParts(docx, 'word/footer')).join('');

describe('定稿 (sign-off) at the service level (real SQLite)', () => {
  it('freezes the report: state signed, a signed version with the SHA-256 of its content, edits refused', async () => {
    const { handlers, store, reportId } = await signableReport();
    const { summary, signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '张敏' });
    expect(summary.state).toBe('signed');
    expect(signed).toMatchObject({ label: '第1版定稿', footerLabel: '第1版', author: '张敏' });
    expect(signed.fingerprint).toMatch(/^sha256-2:[0-9a-f]{64}$/);
    expect(signed.short).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);

    // the version is one of the report's versions, of kind 'signed', holding the content signed
    const version = store.versions.get(reportId, signed.versionId)!;
    expect(version.kind).toBe('signed');
    expect(version.snapshot.signoff).toMatchObject({ approver: '王建国', date: '2025-01-20' });
    expect(version.snapshot.agency?.name).toBe('某某县清河镇人民政府');
    // …and the fingerprint is reportFingerprint (core/report/fingerprint.ts) of that content
    expect(signed.fingerprint).toBe(`sha256-2:${reportFingerprint(snapshotReport(version.snapshot, version.snapshot.agency!))}`);
    expect((await handlers['version.list']({ reportId })).map((v) => v.kind)).toContain('signed');

    // read-only everywhere
    const edits = [
      dispatch(handlers, 'cells.set', { reportId, changes: [{ cellId: 't3.r1.np', value: 6 }] }),
      dispatch(handlers, 'section.set', { reportId, key: 's1', text: '改' }),
      dispatch(handlers, 'signoff.save', { reportId, signoff: SIGNOFF }),
      dispatch(handlers, 'report.sign', { reportId, signoff: SIGNOFF, confirmWarnings: true, author: '' }),
    ];
    for (const result of await Promise.all(edits)) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain('已定稿');
    }
    const status = await handlers['signoff.status']({ reportId });
    expect(status.state).toBe('signed');
    expect(status.signed?.short).toBe(signed.short);
  });

  it('a signed report is opened with the agency it was signed with; reopened, it follows the agency again (issue 12, point 7)', async () => {
    const { handlers, reportId, agencyId } = await signableReport();
    await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
    const now = (await handlers['agency.list']({})).find((a) => a.id === agencyId)!;
    const { id: _id, createdAt: _c, updatedAt: _u, ...details } = now;
    await handlers['agency.update']({ id: agencyId, agency: { ...details, name: '某某县清河街道办事处', contact: { ...details.contact, phone: '0731-89999999' } } });
    const signed = await handlers['report.open']({ reportId });
    expect(signed.data.agency.name).toBe('某某县清河镇人民政府');
    expect(signed.data.agency.contact.phone).toBe(details.contact.phone);
    // the record itself is the agency now (the window names both when they differ)
    expect(signed.agency.name).toBe('某某县清河街道办事处');
    // a draft export of the signed report is as signed too
    const draft = bytesOf(await handlers['export.file']({ reportId, draft: true, format: 'docx' }));
    const xml = Object.values(docxParts(draft, 'word/document')).join('');
    expect(xml).toContain('某某县清河镇人民政府');
    expect(xml).not.toContain('某某县清河街道办事处');
    await handlers['report.reopen']({ reportId, reason: '单位更名', author: '张敏' });
    expect((await handlers['report.open']({ reportId })).data.agency.name).toBe('某某县清河街道办事处');
  });

  it('refuses while an error is present, listing it, and keeps the people typed in', async () => {
    // 5 + 1 received, but 9 + 1 concluded + 2 carried on
    const { handlers, store, reportId, agencyId } = await signableReport({ 't3.r3_1.np': 9 });
    const result = await dispatch(handlers, 'report.sign', { reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('refused');
      expect(result.error.message).toMatch(/必须改正的问题，不能定稿/);
      expect(result.error.message).toContain('A-3');
      expect(result.error.message).toContain('三、收到和处理政府信息公开申请情况');
    }
    expect(store.reports.summary(reportId)!.state).toBe('draft');
    expect(store.versions.list(reportId)).toEqual([]);
    // the names are kept on the report and remembered for the agency
    expect((await handlers['signoff.status']({ reportId })).signoff).toMatchObject({ preparer: '张敏', approver: '王建国' });
    expect(store.agencies.signoff(agencyId)).toEqual({ preparer: '张敏', reviewer: '李强', approver: '王建国' });
    // the gate lists the same finding for the window
    const gate = (await handlers['signoff.status']({ reportId })).gate;
    expect(gate.blocking.map((f) => f.ruleId)).toContain('A-3');
  });

  it('refuses blank cells (a final document has no blanks) and missing names', async () => {
    const { handlers, reportId } = await signableReport();
    await handlers['cells.set']({ reportId, changes: [{ cellId: 't4.rev.upheld', value: null }] });
    const blank = await dispatch(handlers, 'report.sign', { reportId, signoff: SIGNOFF, confirmWarnings: true, author: '' });
    expect(!blank.ok && blank.error.message).toContain('D-4');

    await handlers['cells.set']({ reportId, changes: [{ cellId: 't4.rev.upheld', value: 0 }] });
    const noApprover = await dispatch(handlers, 'report.sign', { reportId, signoff: { ...SIGNOFF, approver: '', date: '' }, confirmWarnings: true, author: '' });
    expect(!noApprover.ok && noApprover.error.message).toBe('请先填写签发人、落款日期，再定稿。');
  });

  it('asks for the warnings to be confirmed unless each was accepted with a reason', async () => {
    // P-1 (warning): 现行有效件数 below this year's 制发 − 废止
    const { handlers, reportId } = await signableReport({ 't2.norm.made': 9, 't2.norm.valid': 2 });
    const { gate } = await handlers['signoff.status']({ reportId });
    expect(gate.blocking).toEqual([]);
    const p1 = gate.unconfirmed.find((f) => f.ruleId === 'P-1')!;
    expect(p1).toBeDefined();

    const unconfirmed = await dispatch(handlers, 'report.sign', { reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    expect(!unconfirmed.ok && unconfirmed.error.message).toMatch(/提醒没有确认[\s\S]*P-1/);

    // accepted with a reason: nothing left to confirm
    await handlers['ack.set']({ reportId, key: findingKey(p1), reason: '部分文件到期自然失效，未正式废止' });
    const after = await handlers['signoff.status']({ reportId });
    expect(after.gate.unconfirmed.filter((f) => f.ruleId === 'P-1')).toEqual([]);
    expect(after.gate.accepted.map((f) => f.ruleId)).toContain('P-1');
    const signed = await dispatch(handlers, 'report.sign', { reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    expect(signed.ok).toBe(true);
  });

  it('修改定稿 needs a reason, keeps the signed content as a version with the reason, and re-signing makes 第2版', async () => {
    const { handlers, store, reportId } = await signableReport();
    const first = (await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '张敏' })).signed;

    const noReason = await dispatch(handlers, 'report.reopen', { reportId, reason: '  ', author: '张敏' });
    expect(!noReason.ok && noReason.error.message).toContain('请写明修改定稿的理由');

    const { summary, version } = await handlers['report.reopen']({ reportId, reason: '行政许可数量统计有误', author: '张敏' });
    expect(summary.state).toBe('draft');
    expect(version).toMatchObject({ kind: 'reopen', label: '修改定稿：行政许可数量统计有误', author: '张敏' });
    expect(store.versions.get(reportId, version.id)!.snapshot.cells['t2.lic.decisions']).toBe(1288);

    await handlers['cells.set']({ reportId, changes: [{ cellId: 't2.lic.decisions', value: 1290 }] });
    const second = (await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '张敏' })).signed;
    expect(second.label).toBe('第2版定稿');
    expect(second.fingerprint).not.toBe(first.fingerprint);
    // the first signed version is untouched
    expect(store.versions.get(reportId, first.versionId)!.snapshot.cells['t2.lic.decisions']).toBe(1288);
    const status = await handlers['signoff.status']({ reportId });
    expect(status.signedVersions.map((v) => v.label)).toEqual(['第2版定稿', '第1版定稿']);
  });

  it('offers the agency\'s people again on next year\'s report', async () => {
    const { handlers, reportId, agencyId } = await signableReport();
    await handlers['signoff.save']({ reportId, signoff: { preparer: '张敏', reviewer: '李强', approver: '王建国' } });
    const next = await handlers['report.create']({ agencyId, year: 2025 });
    const { signoff } = await handlers['signoff.status']({ reportId: next.id });
    expect(signoff).toMatchObject({ preparer: '张敏', reviewer: '李强', approver: '王建国' });
    expect(signoff.date).toBeUndefined();
  });
});

describe('exports at the service level', () => {
  it('the fingerprint is stable across re-exports of one version and changes after any edit', async () => {
    const { handlers, reportId } = await signableReport();
    const { signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    const once = bytesOf(await handlers['export.file']({ reportId, draft: false, format: 'docx', footerFingerprint: true }));
    const twice = bytesOf(await handlers['export.file']({ reportId, draft: false, format: 'docx' }));
    // an internal copy prints it in the footer; every copy carries it in its properties
    expect(footers(once)).toContain(`第1版　校验码 ${signed.short}`);
    expect(footers(twice)).not.toContain('校验码');
    expect(readDocxProperties(once).NianbaoFingerprint).toBe(signed.fingerprint);
    expect(readDocxProperties(twice).NianbaoFingerprint).toBe(signed.fingerprint);
    // same version, same fingerprint, whatever happened to the draft since
    await handlers['report.reopen']({ reportId, reason: '补充说明', author: '' });
    const byId = bytesOf(await handlers['export.file']({ reportId, versionId: signed.versionId, draft: false, format: 'docx' }));
    expect(readDocxProperties(byId).NianbaoFingerprint).toBe(signed.fingerprint);

    // any edit — a figure, a word, a name — gives another fingerprint when signed again
    const seen = new Set([signed.fingerprint]);
    const edits = [
      () => handlers['cells.set']({ reportId, changes: [{ cellId: 't2.lic.decisions', value: 1289 }] }),
      () => handlers['section.set']({ reportId, key: 's6', text: '本年度未收取信息处理费，未发生减免。' }),
      () => handlers['signoff.save']({ reportId, signoff: { ...SIGNOFF, reviewer: '李刚' } }),
    ];
    for (const edit of edits) {
      await edit();
      const again = (await handlers['report.sign']({ reportId, signoff: (await handlers['signoff.status']({ reportId })).signoff, confirmWarnings: true, author: '' })).signed;
      expect(seen.has(again.fingerprint), again.label).toBe(false);
      seen.add(again.fingerprint);
      await handlers['report.reopen']({ reportId, reason: '继续修改', author: '' });
    }
  });

  it('a draft has the 「草稿」 watermark and no fingerprint; the signed copy has the fingerprint and no watermark', async () => {
    const { handlers, reportId } = await signableReport();
    const draft = await handlers['export.file']({ reportId, draft: true, format: 'docx' });
    expect(draft.kind === 'download' && draft.fileName).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告（草稿）.docx');
    expect(headers(bytesOf(draft))).toContain('string="草稿"');
    expect(footers(bytesOf(draft))).not.toContain('校验码');
    expect(readDocxProperties(bytesOf(draft)).NianbaoFingerprint).toBeUndefined();

    const { signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    const final = await handlers['export.file']({ reportId, draft: false, format: 'docx', approvalSheet: true });
    expect(final.kind === 'download' && final.fileName).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告.docx');
    const bytes = bytesOf(final);
    expect(headers(bytes)).not.toContain('草稿');
    // the website copy: page numbers only in the footer; the fingerprint on the 审批单 and in the properties
    expect(footers(bytes)).not.toContain('校验码');
    expect(readDocxProperties(bytes).NianbaoFingerprint).toBe(signed.fingerprint);
    const body = docxParts(bytes, 'word/document.xml')['word/document.xml']!;
    expect(body).toContain('审批单');
    expect(body).toContain('王建国');
    expect(body).toContain(signed.fingerprint.slice('sha256-2:'.length, 'sha256-2:'.length + 8));
  });

  it('refuses a final copy of a report not signed, or of a version that is not a signed one', async () => {
    const { handlers, reportId } = await signableReport();
    const unsigned = await dispatch(handlers, 'export.file', { reportId, draft: false, format: 'docx' });
    expect(!unsigned.ok && unsigned.error.message).toContain('还没有定稿');
    const manual = await handlers['version.create']({ reportId, label: '送审稿', author: '' });
    const notSigned = await dispatch(handlers, 'export.preview', { reportId, versionId: manual.id, draft: false });
    expect(!notSigned.ok && notSigned.error.message).toContain('「送审稿」不是定稿版本');
    // a draft of any version is fine
    expect((await dispatch(handlers, 'export.preview', { reportId, versionId: manual.id, draft: true })).ok).toBe(true);
  });

  it('refuses a final copy when an error appears after signing (last year\'s report changed)', async () => {
    const { handlers, reportId, agencyId } = await signableReport();
    await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    // last year's report, made in the app, carried on 3 — this year says 1 was carried over
    const last = await handlers['report.create']({ agencyId, year: 2023 });
    await handlers['cells.set']({ reportId: last.id, changes: [{ cellId: 't3.r1.np', value: 3 }, { cellId: 't3.r4.np', value: 3 }] });
    const refused = await dispatch(handlers, 'export.file', { reportId, draft: false, format: 'docx' });
    expect(!refused.ok && refused.error.message).toMatch(/不能导出或打印正式版[\s\S]*X-1/);
    expect((await dispatch(handlers, 'export.file', { reportId, draft: true, format: 'docx' })).ok).toBe(true);
  });

  it('catches a signed version whose stored content no longer matches its fingerprint', async () => {
    const { handlers, reportId, dataDir, store } = await signableReport();
    const { signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    const db = new Database(path.join(dataDir, 'nianbao.db'));
    const row = db.prepare('SELECT snapshot FROM versions WHERE id = ?').get(signed.versionId) as { snapshot: string };
    db.prepare('UPDATE versions SET snapshot = ? WHERE id = ?').run(row.snapshot.replace('"t2.lic.decisions":1288', '"t2.lic.decisions":1388'), signed.versionId);
    db.close();
    expect(store.versions.get(reportId, signed.versionId)!.snapshot.cells['t2.lic.decisions']).toBe(1388);
    const result = await dispatch(handlers, 'export.file', { reportId, draft: false, format: 'docx' });
    expect(!result.ok && result.error.message).toContain('与它的校验码不一致');
  });

  it('catches a signed version whose 表三 confirmation (who confirmed it) was changed after signing (issue 12)', async () => {
    const { handlers, reportId, dataDir } = await signableReport();
    const { signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    expect((await dispatch(handlers, 'export.file', { reportId, draft: false, format: 'docx' })).ok).toBe(true);
    const db = new Database(path.join(dataDir, 'nianbao.db'));
    const row = db.prepare('SELECT snapshot FROM versions WHERE id = ?').get(signed.versionId) as { snapshot: string };
    expect(row.snapshot).toContain('"confirmer":"赵敏"');
    db.prepare('UPDATE versions SET snapshot = ? WHERE id = ?').run(row.snapshot.replace('"confirmer":"赵敏"', '"confirmer":"钱七"'), signed.versionId);
    db.close();
    const result = await dispatch(handlers, 'export.file', { reportId, draft: false, format: 'docx' });
    expect(!result.ok && result.error.message).toContain('与它的校验码不一致');
  });

  it('preview and print: a same-origin print view; without a host the window prints it', async () => {
    const { handlers, reportId } = await signableReport();
    const preview = await handlers['export.preview']({ reportId, draft: true, approvalSheet: true, lineSpacingPt: 30 });
    expect(preview.url).toMatch(/^\/preview\/[0-9a-f]{32}$/);
    expect(preview.fileName).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告（草稿）');
    const print = await handlers['export.print']({ reportId, draft: true });
    expect(print.kind).toBe('in-window');
  });
});
