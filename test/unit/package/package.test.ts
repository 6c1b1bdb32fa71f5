import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { reportFingerprint } from '../../../core/report/fingerprint.js';
import { sha256BytesHex } from '../../../core/report/sha256.js';
import {
  addComment,
  buildPackage,
  emptyThread,
  manifestText,
  openPackage,
  openRemarks,
  sealValue,
  type PackageManifest,
} from '../../../core/package/index.js';
import { findChromium } from '../../../electron/export/pdf.js';
import { loadReport } from '../../../electron/services/reports.js';
import { packageStoredReport } from '../../../electron/services/package.js';
import { SIGNOFF, signableReport } from '../signoff/setup.js';
import { runCli } from '../cli/run-cli.js';
import { tmpDir } from '../helpers/tmp.js';

const GENERATOR = { app: '年报助手', version: 'test' };
const AT = '2025-01-21T02:00:00.000Z';
const HAS_CHROMIUM = Boolean(findChromium());

async function signedPackage() {
  const backend = await signableReport();
  const { signed } = await backend.handlers['report.sign']({ reportId: backend.reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
  const made = await packageStoredReport(backend.store, backend.reportId, { generator: GENERATOR, now: AT });
  return { ...backend, signed, made };
}

async function draftPackage() {
  const backend = await signableReport();
  const made = await packageStoredReport(backend.store, backend.reportId, { generator: GENERATOR, now: AT });
  backend.store.close();
  return made;
}

const entries = (bytes: Uint8Array) => unzipSync(bytes);

/** The zip of these entries, written the package's own way (what someone with this app's code could do). */
function rezip(files: Record<string, Uint8Array>, order: string[]): Uint8Array {
  return zipSync(Object.fromEntries(order.map((n) => [n, [files[n]!, { level: 0, mtime: new Date(1980, 0, 1) }]])));
}

describe('the sealed package', () => {
  it.skipIf(!HAS_CHROMIUM)('a signed report: its signed version, the formal DOCX and PDF, every member hashed, the canonical report = the printed fingerprint', async () => {
    const { made, signed, store, reportId } = await signedPackage();
    const opened = openPackage(made.bytes);
    expect(opened.status).toBe('intact');
    if (opened.status !== 'intact') return;
    const m = opened.manifest;
    expect(m).toMatchObject({
      schema: 'nianbao.package/1',
      purpose: 'report',
      format: '2021',
      formatNotice: '国办公开办函〔2021〕30号',
      year: 2024,
      unit: { name: '某某县清河镇人民政府', level: 'township', region: '某某省某某县' },
      state: 'signed',
      signoff: { version: '第1版定稿', fingerprint: signed.fingerprint, short: signed.short, preparer: '张敏', approver: '王建国', date: '2025-01-20' },
    });
    expect(m.members.map((x) => x.role)).toEqual(['report', 'docx', 'pdf']);
    expect(`sha256-2:${m.report.canonicalSha256}`).toBe(signed.fingerprint);
    expect(`sha256-2:${reportFingerprint(opened.report)}`).toBe(signed.fingerprint);
    const files = entries(made.bytes);
    for (const member of m.members) expect(sha256BytesHex(files[member.path]!)).toBe(member.sha256);
    expect(Buffer.from(opened.documents.docx!.subarray(0, 2)).toString()).toBe('PK');
    expect(Buffer.from(opened.documents.pdf!.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(made.fileName).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告（定稿）.nianbao');
    // the manifest is written one way and sealed over that
    const { seal, ...unsealed } = m;
    expect(seal.value).toBe(sealValue(unsealed));
    expect(new TextDecoder().decode(files['manifest.json'])).toBe(manifestText(m));
    expect(loadReport(store, reportId).summary.state).toBe('signed');
    store.close();
  });

  it('a draft: the report as it is now, only the report file', async () => {
    const made = await draftPackage();
    const opened = openPackage(made.bytes);
    expect(opened.status).toBe('intact');
    if (opened.status !== 'intact') return;
    expect(opened.manifest.state).toBe('draft');
    expect(opened.manifest.signoff).toBeUndefined();
    expect(opened.manifest.members.map((x) => x.role)).toEqual(['report']);
    expect(opened.report.cells['t2.lic.decisions']).toBe(1288);
    expect(made.fileName).toMatch(/（草稿）\.nianbao$/);
  });

  it('the same package comes out byte for byte whatever the time zone of the computer', async () => {
    const made = await draftPackage();
    const files = entries(made.bytes);
    const order = Object.keys(files);
    const tz = process.env.TZ;
    try {
      for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = zone;
        expect(Buffer.from(rezip(files, order)).equals(Buffer.from(made.bytes)), zone).toBe(true);
      }
    } finally {
      process.env.TZ = tz;
    }
  });
});

describe('a changed byte is refused, with what changed', () => {
  it('every byte of the zip structure and a spread of bytes in every member: never intact', async () => {
    const made = await draftPackage();
    const bytes = made.bytes;
    const files = entries(bytes);
    // where each member's data lies in the file (stored entries: the bytes appear as they are)
    const spans = Object.entries(files).map(([name, data]) => {
      const at = Buffer.from(bytes).indexOf(Buffer.from(data));
      return { name, start: at, end: at + data.length };
    });
    const inData = (i: number) => spans.find((s) => i >= s.start && i < s.end);
    const positions: number[] = [];
    for (let i = 0; i < bytes.length; i++) if (!inData(i) || i % 37 === 0) positions.push(i);
    expect(positions.length).toBeGreaterThan(300);
    const seen = { tampered: 0, unreadable: 0 };
    for (const i of positions) {
      const changed = Uint8Array.from(bytes);
      changed[i] = changed[i]! ^ 0x20;
      const opened = openPackage(changed);
      expect(opened.status, `byte ${i}`).not.toBe('intact');
      seen[opened.status as 'tampered' | 'unreadable']++;
      const span = inData(i);
      if (span && span.name !== 'manifest.json' && opened.status === 'tampered') {
        // a change inside a member names that member
        expect(opened.problems.join(''), `byte ${i}`).toContain(span.name);
      }
    }
    expect(seen.tampered).toBeGreaterThan(0);
  });

  it('a member edited and the zip rebuilt the package way: that member is named', async () => {
    const made = await draftPackage();
    const files = entries(made.bytes);
    const text = new TextDecoder().decode(files['report.nianbao.json']);
    files['report.nianbao.json'] = new TextEncoder().encode(text.replace('"t2.lic.decisions": 1288', '"t2.lic.decisions": 1289'));
    const opened = openPackage(rezip(files, Object.keys(files)));
    expect(opened).toMatchObject({ status: 'tampered' });
    if (opened.status === 'tampered') expect(opened.problems).toEqual(['报告文件「report.nianbao.json」在封装后被改动过：它的内容与封签记录的不一致']);
  });

  it('the manifest edited (another year): the seal says so', async () => {
    const made = await draftPackage();
    const files = entries(made.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackageManifest;
    files['manifest.json'] = new TextEncoder().encode(manifestText({ ...manifest, year: 2023 }));
    const opened = openPackage(rezip(files, Object.keys(files)));
    expect(opened.status).toBe('tampered');
    if (opened.status === 'tampered') expect(opened.problems[0]).toContain('清单 manifest.json 在封装后被改动过');
  });

  it('unpacked and packed again with an ordinary zip tool: refused as repacked', async () => {
    const made = await draftPackage();
    const again = zipSync(entries(made.bytes), { level: 6 });
    const opened = openPackage(again);
    expect(opened.status).toBe('tampered');
    if (opened.status === 'tampered') expect(opened.problems[0]).toContain('被解开后重新压缩过');
  });

  it('a file added, or one taken out', async () => {
    const made = await draftPackage();
    const files = entries(made.bytes);
    const added = openPackage(rezip({ ...files, 'extra.txt': new Uint8Array([1]) }, [...Object.keys(files), 'extra.txt']));
    expect(added.status === 'tampered' && added.problems.join('')).toContain('多出了清单上没有的文件「extra.txt」');
    const taken = openPackage(rezip(files, ['manifest.json']));
    expect(taken.status === 'tampered' && taken.problems.join('')).toContain('缺少报告文件「report.nianbao.json」');
  });

  it('not a package at all, cut short, or from a newer version: unreadable, with why', async () => {
    const made = await draftPackage();
    expect(openPackage(new TextEncoder().encode('hello'))).toMatchObject({ status: 'unreadable' });
    const docxLike = zipSync({ '[Content_Types].xml': new Uint8Array([60]) });
    expect(openPackage(docxLike)).toMatchObject({ status: 'unreadable', message: expect.stringContaining('没有清单') });
    const cut = openPackage(made.bytes.subarray(0, made.bytes.length - 30));
    expect(cut.status).not.toBe('intact');
    const files = entries(made.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify({ ...manifest, schema: 'nianbao.package/2' }));
    expect(openPackage(rezip(files, Object.keys(files)))).toMatchObject({ status: 'unreadable', message: expect.stringContaining('更新版本') });
  });
});

describe('remarks going back and forth (for the county workspace)', () => {
  it('the county sends the report back with remarks per cell and section; the next package of the unit answers them', async () => {
    const unitPackage = await draftPackage();
    const first = openPackage(unitPackage.bytes);
    if (first.status !== 'intact') throw new Error('not intact');

    let thread = emptyThread();
    thread = addComment(thread, { target: { kind: 'cell', cellId: 't3.r1.np' }, from: 'county', author: '县政务公开办 李某', at: AT, text: '自然人申请数与登记台账不一致，请核对。' });
    thread = addComment(thread, { target: { kind: 'section', key: 's5' }, from: 'county', author: '县政务公开办 李某', at: AT, text: '改进情况请写具体措施。' });
    const review = buildPackage({
      report: first.report,
      state: 'draft',
      purpose: 'review',
      comments: thread,
      inReplyTo: { seal: first.manifest.seal.value, purpose: 'report', createdAt: first.manifest.createdAt },
      generator: GENERATOR,
      createdAt: '2025-01-25T01:00:00.000Z',
    });
    const received = openPackage(review.bytes);
    expect(received.status).toBe('intact');
    if (received.status !== 'intact') return;
    expect(received.manifest.comments).toEqual({ path: 'comments.json', total: 2, open: 2 });
    expect(openRemarks(received.comments!).map((c) => c.id)).toEqual(['c1', 'c2']);

    let answered = received.comments!;
    for (const remark of openRemarks(answered)) {
      answered = addComment(answered, { target: remark.target, from: 'unit', author: '清河镇 张敏', at: '2025-01-26T01:00:00.000Z', text: '已核对并修改。', replyTo: remark.id });
    }
    const next = buildPackage({
      report: received.report,
      state: 'draft',
      comments: answered,
      inReplyTo: { seal: received.manifest.seal.value, purpose: 'review', createdAt: received.manifest.createdAt },
      generator: GENERATOR,
      createdAt: '2025-01-26T02:00:00.000Z',
    });
    const back = openPackage(next.bytes);
    expect(back.status).toBe('intact');
    if (back.status !== 'intact') return;
    expect(back.manifest.inReplyTo?.seal).toBe(received.manifest.seal.value);
    expect(back.manifest.comments).toEqual({ path: 'comments.json', total: 4, open: 0 });
    expect(openRemarks(back.comments!)).toEqual([]);
  });

  it('a remark on a cell the format does not have makes the package suspect', async () => {
    const made = await draftPackage();
    const opened = openPackage(made.bytes);
    if (opened.status !== 'intact') throw new Error('not intact');
    const thread = addComment(emptyThread(), { target: { kind: 'cell', cellId: 't3.r9_9.np' }, from: 'county', author: 'x', at: AT, text: '？' });
    const bad = buildPackage({ report: opened.report, state: 'draft', purpose: 'review', comments: thread, generator: GENERATOR, createdAt: AT });
    expect(openPackage(bad.bytes)).toMatchObject({ status: 'tampered', problems: [expect.stringContaining('t3.r9_9.np')] });
  });
});

describe('opening a package by 「导入」 and from the command line', () => {
  it('导入: an intact package reads as its report, saying what the seal vouches for; a changed one is refused with what changed', async () => {
    const made = await draftPackage();
    const { handlers, store } = await signableReport();
    const file = (bytes: Uint8Array) => ({ source: { kind: 'file' as const, name: made.fileName, size: bytes.length, base64: Buffer.from(bytes).toString('base64') } });
    const parsed = await handlers['import.parse'](file(made.bytes));
    expect(parsed.report.cells['t2.lic.decisions']).toBe(1288);
    expect(parsed.warnings[0]).toMatch(/^报送包已核验，封签完好（封签 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}）：某某县清河镇人民政府 2024 年报告（草稿）；包含：报告文件。$/);
    const changed = Uint8Array.from(made.bytes);
    changed[Buffer.from(changed).indexOf('1288') + 1] = '9'.charCodeAt(0);
    const refused = await dispatch(handlers, 'import.parse', file(changed));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok) expect(refused.error.message).toContain('报告文件「report.nianbao.json」在封装后被改动过');
    store.close();
  });

  it('nianbao package (beside a running app) → nianbao verify: 0 intact, 1 changed (naming it), 2 not a package', async () => {
    const { store, handlers, reportId, dataDir } = await signableReport();
    const dir = tmpDir();
    const out = path.join(dir, '清河镇.nianbao');
    const packaged = runCli(['package', '--agency', '某某县清河镇人民政府', '--year', '2024', '--data-dir', dataDir, '--out', out]);
    expect(packaged.code, packaged.stderr).toBe(0);
    expect(packaged.stdout).toContain('某某县清河镇人民政府 2024 年报告（草稿）');
    expect(packaged.stdout).toMatch(/封签 [0-9A-F-]{14}/);

    const ok = runCli(['verify', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('完好：某某县清河镇人民政府 2024 年报告（草稿）');
    expect(ok.stdout).toMatch(/报告文件 {2}report\.nianbao\.json {2}\d+ 字节 {2}SHA-256 [0-9a-f]{64}/);

    const bytes = fs.readFileSync(out);
    bytes[bytes.indexOf('"year": 2024') + 10] = '3'.charCodeAt(0);
    const changed = path.join(dir, 'changed.nianbao');
    fs.writeFileSync(changed, bytes);
    const bad = runCli(['verify', changed]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('在封装后被改动过');

    const notPackage = path.join(dir, 'x.nianbao');
    fs.writeFileSync(notPackage, 'hello');
    expect(runCli(['verify', notPackage]).code).toBe(2);
    expect(runCli(['verify', path.join(dir, 'missing.nianbao')]).code).toBe(2);

    const json = JSON.parse(runCli(['verify', out, '--json']).stdout);
    expect(json.status).toBe('intact');
    expect(json.manifest.unit.name).toBe('某某县清河镇人民政府');
    void handlers;
    void reportId;
    store.close();
  }, 90_000);
});
