import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, sniffBytes } from '../../../core/import/bytes.js';
import { linesFromDocumentXml, linesFromDocx } from '../../../core/import/docx.js';
import { linesFromHtml } from '../../../core/import/html.js';
import { linesFromText } from '../../../core/import/lines.js';
import { decodeEntities, parseMarkup } from '../../../core/import/markup.js';
import { readZipDirectory } from '../../../core/import/zip.js';
import { documentXml, makeDocx } from './render.js';

describe('plain text', () => {
  it('makes rows of pipe and tab lines, text of the others', () => {
    const lines = linesFromText('一、总体情况\n规章 | 0 | 0 | 0 |\n|\n0 |\n行政许可\t5\t\t\n  \n');
    expect(lines).toEqual([
      { cells: ['一、总体情况'], row: false },
      { cells: ['规章', '0', '0', '0'], row: true },
      { cells: ['0'], row: true },
      { cells: ['行政许可', '5'], row: true },
    ]);
  });
});

describe('the tolerant tag reader', () => {
  it('decodes entities, numeric and named', () => {
    expect(decodeEntities('&lt;&amp;&gt;&nbsp;&#20013;&#x6587;&ldquo;x&rdquo;&unknown;')).toBe('<&>\u00a0中文“x”&unknown;');
  });

  it('survives unclosed and stray tags, comments and scripts', () => {
    const { lines } = linesFromHtml('<div><p>一段<b>加粗</p></i><!-- <p>注释</p> --><script>var x = "<p>脚本</p>";</script><p>二段</div>');
    expect(lines.map((l) => l.cells[0])).toEqual(['一段加粗', '二段']);
  });

  it('does not overflow on very deep nesting', () => {
    const deep = '<div>'.repeat(50_000) + '<p>深处</p>' + '</div>'.repeat(50_000);
    expect(linesFromHtml(deep).lines.map((l) => l.cells[0])).toEqual(['深处']);
    expect(parseMarkup('</span>'.repeat(100_000) + '<b>x').children).toHaveLength(1);
  });
});

describe('HTML pages', () => {
  it('reads cells with spans once, <br> inside a cell as a line break', () => {
    const { lines } = linesFromHtml(`<table>
      <tr><th rowspan="2">行政复议</th><td colspan=2>结果<br/>纠正</td></tr>
      <tr><td>1</td><td>&nbsp;</td></tr></table>`);
    expect(lines).toEqual([
      { cells: ['行政复议', '结果\n纠正'], row: true },
      { cells: ['1', ''], row: true },
    ]);
  });

  it('treats a layout table holding the report as text, and reads the tables inside it', () => {
    const { lines } = linesFromHtml(`<table><tr><td><p>一、总体情况</p><p>正文。</p>
      <table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>`);
    expect(lines).toEqual([
      { cells: ['一、总体情况'], row: false },
      { cells: ['正文。'], row: false },
      { cells: ['规章', '0'], row: true },
    ]);
  });

  it('reads the <title> and counts images', () => {
    const out = linesFromHtml('<html><head><title>某镇2021年政府信息公开工作年度报告</title></head><body><img src="a.png"><IMG SRC=b.png></body></html>');
    expect(out.lines[0]!.cells[0]).toBe('某镇2021年政府信息公开工作年度报告');
    expect(out.images).toBe(2);
  });

  it('closes cells and rows that a page left open', () => {
    const { lines } = linesFromHtml('<table><tr><td>规章<td>1<td>2<tr><td>行政许可<td>3</table>');
    expect(lines.map((l) => l.cells)).toEqual([
      ['规章', '1', '2'],
      ['行政许可', '3'],
    ]);
  });
});

describe('DOCX', () => {
  // written by hand: a 3×3 table with a cell spanning two columns and one spanning two rows
  const xml = documentXml(`
    <w:p><w:r><w:t>表四</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> 复议</w:t></w:r></w:p>
    <w:tbl>
      <w:tr>
        <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>行政</w:t></w:r><w:r><w:t>复议</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>结果</w:t></w:r></w:p><w:p><w:r><w:t>纠正</w:t></w:r></w:p></w:tc>
      </w:tr>
      <w:tr>
        <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
        <w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>
        <w:tc><w:p><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:ins><w:r><w:t>2</w:t></w:r></w:ins></w:p></w:tc>
      </w:tr>
    </w:tbl>
    <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`);

  it('reads tables from w:tbl structure: gridSpan, vMerge, paragraphs in a cell, revisions', () => {
    expect(linesFromDocumentXml(xml)).toEqual([
      { cells: ['表四  复议'], row: false },
      { cells: ['行政复议', '结果\n纠正'], row: true },
      { cells: ['1', '2'], row: true },
      { cells: ['第一行'], row: false },
      { cells: ['第二行'], row: false },
    ]);
  });

  it('opens the zip and finds word/document.xml', () => {
    const out = linesFromDocx(makeDocx(xml));
    expect(out.ok && out.value.length).toBe(5);
  });

  it('reads the central directory without inflating anything', () => {
    const zip = zipSync({ 'a.xml': strToU8('x'.repeat(5000)), 'b.bin': [new Uint8Array(10), { level: 0 }] });
    const dir = readZipDirectory(zip);
    expect(dir.ok && dir.value.map((e) => [e.name, e.size, e.method])).toEqual([
      ['a.xml', 5000, 8],
      ['b.bin', 10, 0],
    ]);
  });
});

describe('bytes → kind and text', () => {
  const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开 in GBK

  it('decodes UTF-8, UTF-8 with BOM, UTF-16 and GBK', () => {
    expect(decodeText(strToU8('政府信息公开'))).toBe('政府信息公开');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('公开')]))).toBe('公开');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x6c, 0x51, 0x00, 0x5f]))).toBe('公开');
    expect(decodeText(gbk)).toBe('政府信息公开');
  });

  it('reads a page that declares GBK as GBK', () => {
    const page = new Uint8Array([...strToU8('<meta charset="gb2312"><p>'), ...gbk]);
    expect(sniffBytes(page, 'a.htm')).toEqual({ kind: 'html', text: '<meta charset="gb2312"><p>政府信息公开' });
  });

  it('tells HTML, report files and text apart by content when the name does not say', () => {
    expect(sniffBytes(strToU8('<!DOCTYPE html><html></html>')).kind).toBe('html');
    expect(sniffBytes(strToU8('{"schema":"nianbao.report/1"}')).kind).toBe('json');
    expect(sniffBytes(strToU8('一、总体情况')).kind).toBe('text');
  });
});
