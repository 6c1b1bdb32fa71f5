import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { Board } from '../../../core/api.js';
import { EXPORT_MIME } from '../../../core/document/index.js';
import { FONTS, LATIN_FONT } from '../../../core/document/fonts.js';
import { chineseDate } from '../../../core/document/text.js';
import { AGENCY_LEVEL_LABELS } from '../../../core/report/model.js';
import { formatRate } from '../../../core/report/rates.js';
import { SEVERITY_LABELS, checkReport } from '../../../core/rules/index.js';
import type { CountyChecks } from '../../../core/api.js';
import type { Store } from '../../store/index.js';
import type { ExportFile } from '../export.js';
import { XLSX_MIME, newWorkbook } from '../xlsx.js';

/**
 * The county's two working papers besides the roll-up: the 公布情况 note (DOCX: every unit,
 * published or not, when, against its deadline, and the on-time rate, as offices publish it),
 * and the issue list per unit (.xlsx: each unit's own findings and the checks across units).
 */

function run(text: string, role: 'fang' | 'hei' | 'title', sizePt: number, extra: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: FONTS[role].word, hint: 'eastAsia' }, size: sizePt * 2, ...extra });
}

function cell(text: string, widthPct: number, bold = false): TableCell {
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, bold ? 'hei' : 'fang', 10.5)] })],
  });
}

const date = (iso?: string) => (iso ? chineseDate(iso) ?? iso : '');

/** 「某某县所属单位2024年度政府信息公开工作年度报告公布情况」 */
export async function publicationNote(b: Board): Promise<ExportFile> {
  const name = b.county.name || '本级';
  const title = `${name}所属单位${b.year}年度政府信息公开工作年度报告公布情况`;
  const must = b.rows.filter((r) => r.unit.mustReport);
  const published = must.filter((r) => r.publishedOn);
  const late = published.filter((r) => !r.onTime);
  const missing = must.filter((r) => !r.publishedOn);
  const summary =
    `${name}应公布${b.year}年度政府信息公开工作年度报告的单位共 ${must.length} 个，已公布 ${published.length} 个，` +
    `其中按期公布 ${b.onTime.onTime} 个，按时公布率 ${formatRate(b.onTime.rate)}` +
    (late.length ? `；逾期公布 ${late.length} 个（${late.map((r) => r.unit.name).join('、')}）` : '') +
    (missing.length ? `；尚未公布 ${missing.length} 个（${missing.map((r) => r.unit.name).join('、')}）` : '') +
    '。各单位公布情况如下：';
  const widths = [6, 28, 12, 14, 14, 10, 16];
  const head = ['序号', '单位', '类型', '公布日期', '公布期限', '是否按时', '公布地址'];
  const rows = [
    new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, true)) }),
    ...b.rows.map(
      (r, i) =>
        new TableRow({
          children: [
            String(i + 1),
            r.unit.name,
            AGENCY_LEVEL_LABELS[r.unit.level],
            r.publishedOn ? date(r.publishedOn) : r.unit.mustReport ? '未公布' : '不需公布',
            date(r.deadline),
            r.publishedOn ? (r.onTime ? '是' : '否') : '—',
            r.publishedUrl ?? '',
          ].map((t, k) => cell(t, widths[k]!)),
        }),
    ),
  ];
  const doc = new Document({
    creator: '年报助手',
    title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(title, 'title', 22)] }),
          new Paragraph({ indent: { firstLine: 640 }, spacing: { after: 200, line: 560, lineRule: 'exact' }, children: [run(summary, 'fang', 16)] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return { fileName: `${title}.docx`, mime: EXPORT_MIME.docx, format: 'docx', bytes };
}

/** 「问题清单」: one sheet, a row per finding, units in the board's order; the cross-unit checks after. */
export async function issueList(store: Store, b: Board, checks: CountyChecks): Promise<ExportFile> {
  const book = newWorkbook();
  book.creator = '年报助手';
  book.created = new Date(2000, 0, 1);
  book.modified = new Date(2000, 0, 1);
  const ws = book.addWorksheet('问题清单');
  ws.columns = [
    { header: '单位', width: 30 },
    { header: '状态', width: 12 },
    { header: '级别', width: 8 },
    { header: '规则', width: 8 },
    { header: '单元格', width: 22 },
    { header: '问题', width: 90 },
  ];
  ws.getRow(1).font = { bold: true, name: '宋体' };
  const names = new Map(b.rows.map((r) => [r.unit.id, r.unit.name]));
  for (const r of b.rows) {
    if (!r.collectedId) {
      if (r.unit.mustReport) ws.addRow([r.unit.name, r.stateLabel, '', '', '', `还没有收到报告（公布期限 ${r.deadline}）`]);
      continue;
    }
    const c = store.county.collectedOne(r.collectedId)!;
    const findings = checkReport(c.report).filter((f) => f.severity === 'error' || f.severity === 'warning');
    if (!findings.length) ws.addRow([r.unit.name, r.stateLabel, '', '', '', '没有错误和警告']);
    for (const f of findings) ws.addRow([r.unit.name, r.stateLabel, SEVERITY_LABELS[f.severity], f.ruleId, f.cells.join('、'), f.message]);
  }
  for (const f of checks.findings) {
    ws.addRow([f.unitIds.map((id) => names.get(id) ?? '').join('、'), '跨单位核对', f.severity === 'warning' ? SEVERITY_LABELS.warning : SEVERITY_LABELS.hint, f.kind === 'copy' ? '雷同' : f.kind === 'parent-sum' ? '合计' : '离群', f.cells.slice(0, 6).join('、'), f.message]);
  }
  ws.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { fileName: `${b.county.name || '本级'}${b.year}年度各单位年报问题清单.xlsx`, mime: XLSX_MIME, format: 'xlsx', bytes };
}
