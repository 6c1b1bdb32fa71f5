// `npm run pages [-- report.nianbao.json …] [--out folder] [--draft] [--footer-fingerprint] [--dpi 100]`
//
// Renders every page of a full report from both outputs to PNG images, so that a change of look
// can be looked at before it lands: the PDF as the app prints it (the print view through the
// system Chromium) and the DOCX as a word processor lays it out (LibreOffice). Without report
// files it prints the sample report of test/fixtures/export in both formats (2021 and 2019),
// signed, with the 审批单. An index.html in the folder shows the two outputs side by side.
//
// Needs Chromium (or Chrome/Edge), LibreOffice (soffice) and poppler (pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildDocument, type ReportDocument } from '../core/document/index.js';
import { parseReportFile, type ReportData } from '../core/report/index.js';
import { renderDocx } from '../electron/export/docx.js';
import { closePdfRenderer, renderDocumentPdf } from '../electron/export/pdf.js';
import { sampleReport } from '../test/fixtures/export/sample-report.js';

interface Args {
  files: string[];
  out: string;
  draft: boolean;
  footerFingerprint: boolean;
  dpi: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], out: 'test-results/pages', draft: false, footerFingerprint: false, dpi: 100 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') args.out = argv[++i] ?? args.out;
    else if (a === '--draft') args.draft = true;
    else if (a === '--footer-fingerprint') args.footerFingerprint = true;
    else if (a === '--dpi') args.dpi = Number(argv[++i]) || args.dpi;
    else if (a === '--help' || a === '-h') {
      console.log('用法：npm run pages [-- 报告文件.nianbao.json …] [--out 文件夹] [--draft] [--footer-fingerprint] [--dpi 100]');
      process.exit(0);
    } else args.files.push(a);
  }
  return args;
}

function loadReport(file: string): ReportData {
  const read = parseReportFile(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Error(`${file} 读不了：${read.message}`);
  return read.report;
}

/** Page images of a PDF: `<stem>-01.png`, … in `dir`; returns their names. */
function toPng(pdf: string, dir: string, stem: string, dpi: number): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(dir, stem)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'))
    .sort();
}

function docxToPdf(docx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
      timeout: 180_000,
      stdio: 'ignore',
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docx).replace(/\.docx$/, '.pdf'));
}

interface Rendered {
  name: string;
  pdfPages: string[];
  docxPages: string[];
}

async function render(name: string, doc: ReportDocument, out: string, dpi: number): Promise<Rendered> {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-pages-'));
  try {
    const pdf = join(out, `${name}.pdf`);
    writeFileSync(pdf, await renderDocumentPdf(doc));
    const docx = join(out, `${name}.docx`);
    writeFileSync(docx, await renderDocx(doc));
    const viaWord = docxToPdf(docx, work);
    return {
      name,
      pdfPages: toPng(pdf, out, `${name}.pdf`, dpi),
      docxPages: toPng(viaWord, out, `${name}.docx`, dpi),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function indexHtml(all: Rendered[]): string {
  const rows = all
    .map((r) => {
      const n = Math.max(r.pdfPages.length, r.docxPages.length);
      const pages = Array.from({ length: n }, (_, i) => {
        const img = (f: string | undefined) => (f ? `<img src="${f}" alt="${f}">` : '<span>（无此页）</span>');
        return `<tr><th>${i + 1}</th><td>${img(r.pdfPages[i])}</td><td>${img(r.docxPages[i])}</td></tr>`;
      }).join('\n');
      return `<h2>${r.name}（PDF ${r.pdfPages.length} 页，DOCX ${r.docxPages.length} 页）</h2>
<table><tr><th></th><th>PDF（打印视图）</th><th>DOCX（LibreOffice 排版）</th></tr>
${pages}</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面</title>
<style>body{font-family:sans-serif;background:#ddd}img{width:420px;border:1px solid #999;background:#fff}td,th{vertical-align:top;padding:4px}</style>
</head><body>${rows}</body></html>\n`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const reports: { name: string; report: ReportData }[] = args.files.length
    ? args.files.map((f) => ({ name: basename(f).replace(/\.nianbao\.json$|\.json$/, ''), report: loadReport(f) }))
    : [
        { name: 'sample-2021', report: sampleReport('2021') },
        { name: 'sample-2019', report: sampleReport('2019') },
      ];
  const all: Rendered[] = [];
  try {
    for (const { name, report } of reports) {
      const doc = buildDocument(report, {
        draft: args.draft,
        approvalSheet: true,
        ...(args.draft
          ? {}
          : { fingerprint: 'sha256:c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789', versionLabel: '第1版', footerFingerprint: args.footerFingerprint }),
      });
      const r = await render(name, doc, out, args.dpi);
      console.log(`${name}: PDF ${r.pdfPages.length} 页，DOCX（LibreOffice）${r.docxPages.length} 页`);
      all.push(r);
    }
  } finally {
    await closePdfRenderer();
  }
  writeFileSync(join(out, 'index.html'), indexHtml(all));
  console.log(`页面图片在 ${out}（index.html 左右对照）`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
