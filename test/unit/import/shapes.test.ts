import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBytes, type ImportOutcome } from '../../../core/import/index.js';
import { expectedCells, SEED_EXPECTED } from './expected.js';

/**
 * Our own fixtures (test/fixtures/import/shape-00N.txt, made by generate.ts there): invented
 * reports that reproduce each seed's serialization and quirks with the seed's figures, so the
 * importer is tested where ../shared/seeds is absent.
 */

function importShape(id: string): Extract<ImportOutcome, { ok: true }> {
  const name = `shape-${id}.txt`;
  const bytes = readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)));
  const out = importBytes(new Uint8Array(bytes), name);
  if (!out.ok) throw new Error(`${name}: ${out.message}`);
  return out;
}

const AGENCIES: Record<string, string> = {
  '000': '青石县白河乡人民政府',
  '001': '松岭镇人民政府',
  '002': '东坪区柳湾镇人民政府',
  '003': '云溪市人民政府',
  '004': '石门县人民政府',
};

describe.each(Object.keys(AGENCIES))('shape of seed %s', (id) => {
  const expected = SEED_EXPECTED[id]!;

  it('reads every figure', () => {
    expect(importShape(id).report.cells).toEqual(expectedCells(expected));
  });

  it('detects format, year, agency and level', () => {
    expect(importShape(id).detected).toEqual({ format: expected.format, year: expected.year, agencyName: AGENCIES[id], level: expected.level });
  });
});

describe('the quirks of each shape', () => {
  it('000: Traditional with pinyin becomes Simplified without it; 2019 titles as printed', () => {
    const out = importShape('000');
    expect(out.normalizedText).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    expect(out.normalizedText).toContain('青石县白河乡2020年度政府信息公开工作年度报告');
    expect(out.report.sections.s1?.split('\n')[1]).toBe('（一）明确分工，压实责任');
    expect(out.report.sections.intro).toContain('（联系电话：0736-5512345；');
    expect(out.report.publishedTitles?.s4).toBe('政府信息公开申请行政复议和行政诉讼情况');
    expect(out.report.publishedTitles?.s6).toBeUndefined();
    expect(out.report.sections.s5?.split('\n')).toHaveLength(3);
    expect(out.report.sections.s5).not.toMatch(/docx|留言|评论/);
    expect(out.report.agency.contact).toMatchObject({ phone: '0736-5512345', postcode: '415100' });
  });

  it('001: metadata instead of a title; lost labels read by position and named', () => {
    const out = importShape('001');
    expect(out.warnings.some((w) => w.includes('没有找到带年份的报告标题'))).toBe(true);
    expect(out.warnings.filter((w) => w.includes('没有行名'))).toHaveLength(4);
    // the lost rows are all zeros: in any order they are the same rows, and the equations hold
    expect(out.uncertain).toEqual([]);
    expect(out.report.signoff?.date).toBe('2022-01-24');
    expect(out.report.sections.intro).toBeUndefined();
    expect(out.report.sections.s6).toBe('本年度未收取政府信息处理费。');
  });

  it('002: tabs, local labels and a row label in the wrong column', () => {
    const out = importShape('002');
    expect(out.uncertain).toEqual([]);
    expect(out.warnings).toEqual([]);
    expect(out.report.sections.s6).toBe('无');
    expect(out.report.sections.s1?.split('\n')).toHaveLength(4);
  });

  it('003: one cell per line, the repeated 三 label, 万元 and the 落款', () => {
    const out = importShape('003');
    expect(out.uncertain).toEqual([]);
    expect(out.report.cells['t2.fee.amount']).toBe(17_732_000_000);
    expect(out.report.signoff?.date).toBe('2024-02-05');
    expect(out.report.sections.s6).toMatch(/yxzwgk@example\.cn）。$/);
    expect(out.report.agency.contact).toEqual({ address: '云溪市新华路18号', postcode: '418000', phone: '0745-2861234', email: 'yxzwgk@example.cn' });
    expect(out.report.sections.s1?.split('\n')).toHaveLength(9);
  });

  it('004: free form; the parts go to their sections, the rest into 一', () => {
    const out = importShape('004');
    const s = out.report.sections;
    expect(s.s1?.split('\n')).toEqual([
      '（一）加强组织领导。局党组专题研究政务公开工作，成立了以局长为组长的领导小组，明确一名副局长分管。',
      '（二）完善公开制度。修订了主动公开、依申请公开和保密审查等制度，做到有章可循。',
      '（三）回应解读情况',
      '对群众关注的林木采伐审批等事项及时进行解读和回应。',
      '（四）机构建设和保障经费情况',
      '安排1名工作人员负责政务公开，全年工作经费支出3000元。',
      '（五）政府信息公开培训情况',
      '组织干部职工参加政务公开业务培训2次。',
    ]);
    expect(s.s2).toBe('全年共主动公开各类信息80余条，其中在政府网站公开60余条。');
    expect(s.s3).toBe('全年未收到政府信息公开申请。');
    expect(s.s4).toBe('全年未发生因政府信息公开引起的行政复议和行政诉讼。');
    expect(s.s5).toBe('公开内容还不够丰富，更新还不够及时。\n下一步，我局将加强信息采集，提高公开时效。');
    expect(s.intro).toMatch(/^根据《中华人民共和国政府信息公开条例》的规定，/);
    expect(s.intro).not.toMatch(/来源|发布时间/);
    expect(out.warnings.some((w) => w.includes('自由格式') && w.includes('并入了「一、总体情况」'))).toBe(true);
  });
});
