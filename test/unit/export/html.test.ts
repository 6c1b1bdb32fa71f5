import { beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS, sectionHeading } from '../../../core/format/index.js';
import { buildDocument, renderPrintHtml } from '../../../core/document/index.js';
import { renderDocx } from '../../../electron/export/docx.js';
import { docxPart, fullReport, tablesOf, xmlTables } from './helpers.js';

const report = fullReport();
const draftDoc = buildDocument(report, { draft: true, approvalSheet: true });
const signedDoc = buildDocument(report, { draft: false, fingerprint: 'c0ffee0123456789', versionLabel: '第3版', footerFingerprint: true });
const websiteDoc = buildDocument(report, { draft: false, fingerprint: 'c0ffee0123456789', versionLabel: '第3版' });
const draftHtml = renderPrintHtml(draftDoc, { fontBaseUrl: 'app://fonts' });
const signedHtml = renderPrintHtml(signedDoc, { fontBaseUrl: 'https://nianbao.invalid/fonts/' });

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

interface HtmlCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

function htmlTables(html: string): HtmlCell[][][] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/g)].map((c) => ({
        text: decode(c[3]!),
        colSpan: Number(/colspan="(\d+)"/.exec(c[2]!)?.[1] ?? 1),
        rowSpan: Number(/rowspan="(\d+)"/.exec(c[2]!)?.[1] ?? 1),
      })),
    ),
  );
}

describe('renderPrintHtml', () => {
  it('is one standalone document with A4 and the GB/T 9704 margins', () => {
    expect(draftHtml.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(draftHtml).toContain('<html lang="zh-CN">');
    expect(draftHtml).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    // no script, and none allowed
    expect(draftHtml).not.toMatch(/<script/i);
    expect(draftHtml).toContain("script-src 'none'");
  });

  it('loads the bundled fonts from the given base, after the real 公文 fonts', () => {
    expect(draftHtml).toContain('<link rel="stylesheet" href="app://fonts/fonts.css">');
    expect(signedHtml).toContain('<link rel="stylesheet" href="https://nianbao.invalid/fonts/fonts.css">');
    const body = /body \{[^}]*font-family: ([^;]+);/.exec(draftHtml)![1]!;
    // the range-limited Latin face first (letters and digits only), then the CJK faces
    expect(body.indexOf("'Nianbao Latin'")).toBe(0);
    expect(body.indexOf("'仿宋_GB2312'")).toBeGreaterThan(0);
    // the 方正…_GBK names of domestic Linux desktops come before the bundled FandolFang
    expect(body.indexOf("'方正仿宋_GBK'")).toBeGreaterThan(body.indexOf("'仿宋_GB2312'"));
    expect(body.indexOf("'Nianbao Fang'")).toBeGreaterThan(body.indexOf("'FangSong'"));
    // the title sets its year in its own face: no Latin face in its stack
    expect(draftHtml).toMatch(/h1 \{[^}]*font-family: '方正小标宋简体'[^;]*'方正小标宋_GBK'[^;]*'Nianbao Title'/);
    expect(/h1 \{[^}]*font-family: ([^;]+);/.exec(draftHtml)![1]).not.toContain('Latin');
    expect(draftHtml).toMatch(/h2 \{[^}]*font-family: [^;]*'黑体'[^;]*'Nianbao Hei'/);
    expect(draftHtml).toMatch(/h3 \{[^}]*font-family: [^;]*'楷体_GB2312'[^;]*'Nianbao Kai'/);
  });

  it('prints 「— N —」 on the outer side of each page through @page margin boxes', () => {
    expect(draftHtml).toMatch(/@page :right \{\s*@bottom-right \{ content: "— " counter\(page\) " —";/);
    expect(draftHtml).toMatch(/@page :left \{\s*@bottom-left \{ content: "— " counter\(page\) " —";/);
    // the page number in 宋体, digits included: no Latin face
    expect(draftHtml).toMatch(/@bottom-right \{ content: "— " counter\(page\) " —"; font-family: '宋体'/);
    // the footer note of an internal copy sits on the inner side; the website copy has none
    expect(signedHtml).toContain('content: "第3版　校验码 C0FF-EE01-2345"');
    expect(renderPrintHtml(websiteDoc, { fontBaseUrl: '/fonts/' })).not.toContain('校验码');
    // (the draft's 审批单 has a 校验码 row, to be filled at 定稿; its footer has none)
    expect(draftHtml).not.toMatch(/content: "[^"]*校验码/);
  });

  it('carries the title, headings and prose in order', () => {
    const text = decode(signedHtml.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '\n'));
    let at = -1;
    for (const needle of ['某某县清河镇人民政府', ...SECTIONS.map(sectionHeading), '2025年1月20日']) {
      const next = text.indexOf(needle, at + 1);
      expect(next, needle).toBeGreaterThan(at);
      at = next;
    }
    expect(signedHtml).toContain('<h3>（一）主动公开</h3>');
    expect(signedHtml).toContain('<h4>1.制度建设</h4>');
  });

  it('sets body text 0.25 pt tight (28 characters to the 156 mm line) and lets long addresses break anywhere', () => {
    expect(draftHtml).toContain('p, h2, h3, h4, h5 { letter-spacing: -0.25pt; }');
    expect(draftHtml).toContain('.any { word-break: break-all; }');
    expect(draftHtml).toContain('<span class="any">qhz@example.gov.cn</span>');
    // short figures stay whole
    expect(draftHtml).not.toMatch(/<span class="any">\d{1,6}<\/span>/);
  });

  it('has the watermark on drafts only', () => {
    expect(draftHtml).toContain('<div class="watermark" aria-hidden="true">草稿</div>');
    expect(signedHtml).not.toContain('草稿');
  });

  it('escapes what the clerk typed', () => {
    const r = fullReport();
    r.sections.s6 = '<b>加粗</b> & "引号"';
    const html = renderPrintHtml(buildDocument(r, { draft: false }), { fontBaseUrl: '/fonts/' });
    expect(html).toContain('<p>&lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot;</p>');
  });

  describe('the same tables as the DOCX, cell for cell', () => {
    let docxTables: ReturnType<typeof xmlTables>;
    beforeAll(async () => {
      docxTables = xmlTables(docxPart(await renderDocx(draftDoc), 'word/document.xml'));
    });

    it('same spans and texts as the document model and the DOCX', () => {
      const tables = htmlTables(draftHtml);
      const model = [...tablesOf(draftDoc), draftDoc.approval!.table];
      expect(tables).toHaveLength(model.length);
      model.forEach((t, i) => {
        expect(tables[i]!.map((row) => row.map((c) => [c.text, c.colSpan, c.rowSpan]))).toEqual(
          t.rows.map((row) => row.map((c) => [c.text, c.colSpan, c.rowSpan])),
        );
        const docx = docxTables[i]!.rows.map((row) => row.filter((c) => c.vMerge !== 'continue').map((c) => c.text));
        expect(tables[i]!.map((row) => row.map((c) => c.text))).toEqual(docx);
      });
    });

    it('header rows are a <thead>, so Chromium repeats them on each page', () => {
      const heads = [...draftHtml.matchAll(/<table data-table="(t\d)"[^>]*>[\s\S]*?(<thead>[\s\S]*?<\/thead>)?<tbody>/g)];
      expect(heads.map((m) => [m[1], (m[2]?.match(/<tr/g) ?? []).length])).toEqual([
        ['t2', 0],
        ['t3', 3],
        ['t4', 3],
      ]);
    });
  });
});
