import { describe, expect, it } from 'vitest';
import type { AgencyRecord } from '../../../core/api.js';
import { importText } from '../../../core/import/index.js';
import { emptyAgency } from '../../../core/report/index.js';
import { agencyFromReport, defaultTarget, proseParts, sameBody, sourceLineOf, withFormat } from '../../../renderer/import/review.js';
import { SHAPE_003 } from './sources.js';

/** The review screen's decisions that need no window (renderer/import/review.ts). */

const agency = (id: number, name: string): AgencyRecord => ({ ...emptyAgency(name), id, createdAt: '', updatedAt: '' });

function shape003() {
  const out = importText(SHAPE_003);
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe('whose report an import becomes', () => {
  const mine = agency(1, '某某县清河镇人民政府');
  const other = agency(2, '云溪市人民政府');

  it('the same body under a shorter or longer name', () => {
    expect(sameBody('清河镇', '某某县清河镇人民政府')).toBe(true);
    expect(sameBody('云溪市人民政府', '云溪市')).toBe(true);
    expect(sameBody('云溪市人民政府', '某某县清河镇人民政府')).toBe(false);
    expect(sameBody('', '某某县清河镇人民政府')).toBe(false);
  });

  it('the current agency when the report names it or no one; an existing one of that name; else a new one', () => {
    expect(defaultTarget('清河镇人民政府', mine, [mine, other])).toEqual({ kind: 'current' });
    expect(defaultTarget('', mine, [mine, other])).toEqual({ kind: 'current' });
    expect(defaultTarget('云溪市人民政府', mine, [mine, other])).toEqual({ kind: 'existing', id: 2 });
    expect(defaultTarget('石门县人民政府', mine, [mine, other])).toEqual({ kind: 'new' });
  });

  it('a new agency keeps only the contact details the agency form would accept', () => {
    const { report } = shape003();
    const made = agencyFromReport({ ...report, agency: { ...report.agency, contact: { ...report.agency.contact, phone: '见网站' } } }, ' 云溪市人民政府 ', 'county');
    expect(made).toMatchObject({ name: '云溪市人民政府', level: 'county', contact: { postcode: '418000', phone: '' } });
  });
});

describe('a change of format', () => {
  it('keeps the cells both formats have and says how many were dropped', () => {
    const { report } = shape003();
    const to2019 = withFormat(report, '2019');
    expect(to2019.report.cells['t3.r1.np']).toBe(219);
    expect(to2019.report.cells['t3.r3_6_3.np']).toBeUndefined();
    expect(to2019.dropped).toBeGreaterThan(0);
    expect(withFormat(report, 'free')).toMatchObject({ report: { cells: {} }, dropped: Object.keys(report.cells).length });
    expect(withFormat(report, '2021')).toEqual({ report, dropped: 0 });
  });
});

describe('the source beside the tables', () => {
  it('finds the row of a cell after its table heading and its group', () => {
    const { report, normalizedText } = shape003();
    const lines = normalizedText.split('\n');
    const at = (id: string) => {
      const i = sourceLineOf(lines, '2021', id, report.publishedTitles);
      return i === null ? null : lines[i];
    };
    expect(at('t3.r1.np')).toMatch(/^一、本年新收政府信息公开申请数量/);
    expect(at('t3.r3_6_3.total')).toMatch(/3\.其他/);
    expect(lines.indexOf(at('t3.r3_6_3.total')!)).toBeGreaterThan(lines.indexOf(at('t3.r3_6_1.np')!));
    expect(at('t2.norm.valid')).toMatch(/^行政规范性文件/);
    expect(at('t4.lit_after.total')).toMatch(/复议后起诉|行政诉讼/);
    expect(sourceLineOf(lines, '2021', 't9.x.y')).toBeNull();
  });

  it('a row whose label was lost in copying gives the line of its group', () => {
    const lines = ['三、收到和处理政府信息公开申请情况', '三、本年度办理结果', '（三）不予公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0', '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0'];
    expect(sourceLineOf(lines, '2021', 't3.r3_3_2.np')).toBe(2);
  });

  it('lists the prose parts in reading order with their headings', () => {
    const { report } = shape003();
    expect(proseParts(report).map((p) => p.label)).toEqual(['导语', '一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  });
});
