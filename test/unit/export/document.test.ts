import { describe, expect, it } from 'vitest';
import { getFormat, sectionHeading, SECTIONS, T3_CORNER_NOTE } from '../../../core/format/index.js';
import {
  buildDocument,
  defaultIntro,
  printedValue,
  shortFingerprint,
  signature,
  textWidth,
  type DocBlock,
} from '../../../core/document/index.js';
import { fullReport, tablesOf, valueTexts, availableSeeds } from './helpers.js';

const texts = (blocks: DocBlock[]) =>
  blocks.map((b) => (b.kind === 'table' ? `[${b.table.id}]` : b.kind === 'signature' ? '[落款]' : b.text));

describe('buildDocument', () => {
  it('lays out title, 导语, the six sections with their tables and notes, and the 落款, in order', () => {
    const report = fullReport();
    const doc = buildDocument(report, { draft: false });
    expect(doc.title).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告');
    // 24 characters of 二号 do not fit on one line: the title breaks after the agency name
    expect(doc.titleLines).toEqual(['某某县清河镇人民政府', '2024年政府信息公开工作年度报告']);
    const order = texts(doc.blocks);
    const headings = SECTIONS.map(sectionHeading);
    const at = (text: string) => order.indexOf(text);
    expect(headings.map(at).every((i, k, all) => i > 0 && (k === 0 || i > all[k - 1]!))).toBe(true);
    expect(at('[t2]')).toBe(at(headings[1]!) + 1);
    expect(at('注：本表数据来源于本镇各办所统计。')).toBe(at('[t2]') + 1);
    expect(at('[t3]')).toBe(at(headings[2]!) + 1);
    expect(at('[t4]')).toBe(at(headings[3]!) + 1);
    expect(order.at(-1)).toBe('[落款]');
    // the 导语 comes first and is generated when the clerk has written none
    expect(order[0]).toBe(defaultIntro(report));
  });

  it('splits prose into 公文 heading levels and paragraphs and resolves figure tokens', () => {
    const report = fullReport();
    const doc = buildDocument(report, { draft: false });
    const s1 = doc.blocks.slice(doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '一、总体情况') + 1);
    expect(s1.slice(0, 6)).toEqual([
      { kind: 'paragraph', text: '本年度，我镇认真落实条例要求，政务公开工作稳步推进。' },
      { kind: 'heading', level: 2, text: '（一）主动公开' },
      { kind: 'paragraph', text: `全年通过门户网站主动公开各类信息，本年新收政府信息公开申请${report.cells['t3.r1.total']}件。` },
      { kind: 'heading', level: 3, text: '1.制度建设' },
      { kind: 'paragraph', text: '修订完善主动公开目录，明确各办所公开职责。' },
      { kind: 'heading', level: 2, text: '（二）依申请公开' },
    ]);
    expect(JSON.stringify(doc)).not.toContain('{{cell:');
  });

  it('builds the three tables from the format grids, spans and labels unchanged, values in place', () => {
    const report = fullReport();
    const doc = buildDocument(report, { draft: false });
    const format = getFormat('2021');
    for (const table of tablesOf(doc)) {
      const def = format.tables[table.id as 't2' | 't3' | 't4'];
      expect(table.rows.length).toBe(def.rows.length);
      expect(table.widths).toEqual(def.widths);
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const grid = def.rows[r]![c]!;
          expect([cell.role, cell.colSpan, cell.rowSpan]).toEqual([grid.role, grid.colSpan ?? 1, grid.rowSpan ?? 1]);
          if (grid.role === 'value') expect(cell.text).toBe(printedValue('2021', grid.cell!, report.cells, null));
          else expect(cell.text).toBe(grid.text ?? '');
        }),
      );
      // every value cell of the format is printed
      expect(valueTexts(table)).toHaveLength(def.cells.length);
    }
    expect(tablesOf(doc)[1]!.rows[0]![0]!.text).toBe(T3_CORNER_NOTE);
  });

  it('prints counts as integers and money in 万元, as entered or with fixed decimals; blanks stay blank', () => {
    const report = fullReport();
    report.cells['t2.fee.amount'] = 1_773_200;
    delete report.cells['t2.lic.decisions'];
    const find = (decimals: number | null, id: string) =>
      tablesOf(buildDocument(report, { draft: true, feeDecimals: decimals }))
        .flatMap((t) => t.rows.flat())
        .find((c) => c.cellId === id)!.text;
    expect(find(null, 't2.fee.amount')).toBe('1.7732');
    report.cells['t2.fee.amount'] = 1_500_000;
    expect(find(null, 't2.fee.amount')).toBe('1.5');
    expect(find(4, 't2.fee.amount')).toBe('1.5000');
    // to the 分: six decimals print in full, whatever the fixed number of decimals
    report.cells['t2.fee.amount'] = 1_234_567_891;
    expect(find(null, 't2.fee.amount')).toBe('1234.567891');
    expect(find(4, 't2.fee.amount')).toBe('1234.567891');
    expect(find(null, 't2.lic.decisions')).toBe('');
    expect(find(null, 't3.r1.np')).toBe(String(report.cells['t3.r1.np']));
  });

  it('the 2019 format gets its own table 二 and the 2019 notice in the 导语', () => {
    const report = fullReport('2019');
    const doc = buildDocument(report, { draft: false });
    expect(tablesOf(doc)[0]!.rows.flat().some((c) => c.text === '政府集中采购')).toBe(true);
    const intro = defaultIntro(report);
    expect(intro).toContain('国办公开办函〔2019〕60号');
    expect(intro).toContain('（试行）');
  });

  it('free-form reports are prose only, without the fixed headings or tables', () => {
    const report = { ...fullReport(), format: 'free' as const, year: 2017 };
    report.sections = { s1: '一、概述\n本机关全年公开信息若干条。', s5: '二、存在的问题\n仍需改进。' };
    const doc = buildDocument(report, { draft: false });
    expect(tablesOf(doc)).toHaveLength(0);
    expect(texts(doc.blocks).slice(1)).toEqual(['一、概述', '本机关全年公开信息若干条。', '二、存在的问题', '仍需改进。', '[落款]']);
    expect(defaultIntro(report)).not.toContain('国办公开办函');
  });

  it('keeps the clerk’s own 导语 when there is one', () => {
    const report = fullReport();
    report.sections.intro = '本报告由本镇党政办公室编制。';
    expect(texts(buildDocument(report, { draft: false }).blocks)[0]).toBe('本报告由本镇党政办公室编制。');
  });

  it('places the unsealed 落款 as GB/T 9704 §7.3.5.2 has it', () => {
    const doc = buildDocument(fullReport(), { draft: false });
    const sign = doc.blocks.at(-1) as Extract<DocBlock, { kind: 'signature' }>;
    expect(sign.signature).toMatchObject({ agency: '某某县清河镇人民政府', date: '2025年1月20日' });
    // a name longer than the date: the name 右空二字, the date starts two characters further right
    const long = signature('某某县清河镇人民政府', '2025年1月20日');
    expect(long.agencyRightChars).toBe(2);
    const nameStart = long.agencyRightChars + textWidth(long.agency);
    const dateStart = long.dateRightChars + textWidth(long.date);
    expect(nameStart - dateStart).toBe(2);
    // a short name: the date keeps 右空二字 and the name moves left
    const short = signature('某某局', '2025年12月20日');
    expect(short.dateRightChars).toBe(2);
    expect(short.agencyRightChars + 3 - (2 + textWidth('2025年12月20日'))).toBe(2);
    // no date yet: a blank to fill in by hand
    const undated = fullReport();
    delete undated.signoff;
    const blank = buildDocument(undated, { draft: true }).blocks.at(-1) as Extract<DocBlock, { kind: 'signature' }>;
    expect(blank.signature.date).toBe('　　年　　月　　日');
  });

  it('marks drafts; a signed copy carries its fingerprint, in the footer only when asked (internal copies)', () => {
    const report = fullReport();
    expect(buildDocument(report, { draft: true }).draft).toBe(true);
    const options = { draft: false, fingerprint: 'sha256:3f9a1c0b22d4e5f60718293a', versionLabel: '第2版' };
    const website = buildDocument(report, options);
    expect(website.draft).toBe(false);
    // the copy for the website: the page number only (GB/T 9704 §7.5)
    expect(website.footerNote).toBeUndefined();
    expect([website.fingerprint, website.versionLabel]).toEqual(['sha256:3f9a1c0b22d4e5f60718293a', '第2版']);
    expect(buildDocument(report, { ...options, footerFingerprint: true }).footerNote).toBe('第2版　校验码 3F9A-1C0B-22D4');
    expect(shortFingerprint('sha256:00ff')).toBe('00FF');
    expect(buildDocument(report, { draft: false, footerFingerprint: true }).footerNote).toBeUndefined();
  });

  it('takes line spacing and bold headings from the options', () => {
    const doc = buildDocument(fullReport(), { draft: false, lineSpacingPt: 29, boldHeadings: true });
    expect(doc.layout).toEqual({ lineSpacingPt: 29, boldHeadings: true });
    expect(buildDocument(fullReport(), { draft: false }).layout).toEqual({ lineSpacingPt: 28, boldHeadings: false });
  });

  it('adds the 审批单 on request, with the sign-off names and blank room for ink and seal', () => {
    const report = fullReport();
    report.signoff = { ...report.signoff!, reviewerDate: '2025-01-18' };
    expect(buildDocument(report, { draft: false }).approval).toBeUndefined();
    const sheet = buildDocument(report, { draft: false, approvalSheet: true }).approval!;
    expect(sheet.title).toBe('2024年政府信息公开工作年度报告审批单');
    const rows = sheet.table.rows.map((r) => r.map((c) => c.text));
    expect(rows[0]).toEqual(['报告名称', '某某县清河镇人民政府2024年政府信息公开工作年度报告']);
    expect(rows.slice(1, 3)).toEqual([
      ['版本', '草稿'],
      ['校验码', '定稿时生成'],
    ]);
    expect(rows.slice(4, 7)).toEqual([
      ['编制人', '张某', '', '　　年　　月　　日'],
      ['审核人', '李某', '', '2025年1月18日'],
      ['签发人', '王某', '', '　　年　　月　　日'],
    ]);
    // who confirmed 表三/表四 (issue 12): lines to fill in by hand when not recorded
    expect(rows[7]).toEqual(['表三数据', '来源：＿＿＿＿＿＿　核对人：＿＿＿＿']);
    expect(rows[8]).toEqual(['表四数据', '来源：＿＿＿＿＿＿　核对人：＿＿＿＿']);
    expect(rows[9]).toEqual(['机关印章', '']);
    expect(sheet.table.keepRows).toBe(rows.length);
  });

  it('names the signed version and its whole fingerprint on the 审批单, where the website copy’s footer has none', () => {
    const fingerprint = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const doc = buildDocument(fullReport(), { draft: false, fingerprint, versionLabel: '第2版', approvalSheet: true });
    const rows = doc.approval!.table.rows.map((r) => r.map((c) => c.text));
    expect(rows[1]).toEqual(['版本', '第2版定稿']);
    expect(rows[2]).toEqual(['校验码', 'SHA256：01234567 89abcdef 01234567 89abcdef 01234567 89abcdef 01234567 89abcdef']);
    expect(doc.footerNote).toBeUndefined();
  });

  it('prints the unit of a money column whose header has none (2019 采购总金额), as 2021 does', () => {
    const t2 = (format: '2019' | '2021') => tablesOf(buildDocument(fullReport(format), { draft: false }))[0]!;
    const headers = (format: '2019' | '2021') => t2(format).rows.flat().filter((c) => c.role === 'header').map((c) => c.text);
    expect(headers('2019')).toContain('采购总金额（单位：万元）');
    expect(headers('2019')).toContain('采购项目数量');
    expect(headers('2021')).toContain('本年收费金额（单位：万元）');
    expect(headers('2021').filter((h) => h.includes('万元'))).toHaveLength(1);
  });

  it('sets the three tables in one type size, and keeps 表二 and 表四 whole and 表三’s first rows with its heading', () => {
    const tables = tablesOf(buildDocument(fullReport(), { draft: false }));
    expect(new Set(tables.map((t) => t.fontSizePt))).toEqual(new Set([9]));
    expect(tables.map((t) => t.keepRows >= t.rows.length)).toEqual([true, false, true]);
    expect(tables[1]!.keepRows).toBe(tables[1]!.headerRows + 3);
  });

  describe.skipIf(availableSeeds().length === 0)('seed fixtures', () => {
    it.each(availableSeeds().map((s) => [s.name, s.report] as const))('%s: every published figure is printed', (_name, report) => {
      const doc = buildDocument(report, { draft: false });
      const printed = tablesOf(doc).flatMap((t) => t.rows.flat()).filter((c) => c.cellId);
      for (const cell of printed) {
        if (report.format === 'free') continue;
        expect(cell.text).toBe(printedValue(report.format, cell.cellId!, report.cells, null));
      }
      expect(printed.filter((c) => c.text !== '').length).toBe(Object.keys(report.cells).length);
    });
  });
});
