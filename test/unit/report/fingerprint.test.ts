import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseReportFile, reportFingerprint, sha256Hex, type ReportData } from '../../../core/report/index.js';

function seed(): ReportData {
  const parsed = parseReportFile(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'seeds', 'seed-003.nianbao.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.report;
}

describe('SHA-256', () => {
  it.each(['', 'abc', '年报助手', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), '政府信息公开'.repeat(5000)])('matches node:crypto for %#', (text) => {
    expect(sha256Hex(text)).toBe(crypto.createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('report fingerprint', () => {
  it('is stable: key order and re-reading do not change it', () => {
    const a = seed();
    const b = JSON.parse(JSON.stringify(a)) as ReportData;
    b.cells = Object.fromEntries(Object.entries(b.cells).reverse());
    expect(reportFingerprint(b)).toBe(reportFingerprint(a));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('changes after any edit: a figure, a text, a note, the sign-off', () => {
    const base = reportFingerprint(seed());
    const edits: ((r: ReportData) => void)[] = [
      (r) => (r.cells['t3.r1.np'] = (r.cells['t3.r1.np'] ?? 0) + 1),
      (r) => (r.sections.s5 = `${r.sections.s5 ?? ''}。`),
      (r) => (r.notes['t3.r2.np'] = '说明'),
      (r) => (r.signoff = { preparer: '张三', reviewer: '', approver: '' }),
      (r) => (r.agency = { ...r.agency, name: `${r.agency.name}办公室` }),
    ];
    for (const edit of edits) {
      const r = seed();
      edit(r);
      expect(reportFingerprint(r)).not.toBe(base);
    }
  });
});
