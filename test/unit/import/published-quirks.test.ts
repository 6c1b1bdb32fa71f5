import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBytes, importText } from '../../../core/import/index.js';
import { expectedCells, SEED_EXPECTED } from './expected.js';

/** Issue 10's smaller points: stray bytes, agencies above the county, names over two lines, one-line articles. */

const SHAPE = readFileSync(fileURLToPath(new URL('../../fixtures/import/shape-002.txt', import.meta.url)));

describe('one stray byte does not make a UTF-8 report unreadable', () => {
  it.each([
    ['a cut last character', SHAPE.subarray(0, SHAPE.length - 1)],
    ['one Latin-1 ©', Buffer.concat([SHAPE.subarray(0, 200), Buffer.from([0xa9]), SHAPE.subarray(200)])],
    ['a trailing 0xFF', Buffer.concat([SHAPE, Buffer.from([0xff])])],
  ])('%s: every figure read, and the damage located', (_name, bytes) => {
    const out = importBytes(new Uint8Array(bytes), '报告.txt');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.report.cells).toEqual(expectedCells(SEED_EXPECTED['002']!));
    expect(out.warnings[0]).toMatch(/^文件里有 1 个字节不是有效的文字（第 \d+ 行/);
  });

  it('a GB18030 text is still read as GB18030, not as damaged UTF-8', () => {
    // 「某镇」 in GB18030, as often as a short report names its town
    const gb = Array.from({ length: 12 }, () => [0xc4, 0xb3, 0xd5, 0xf2, 0x0a]).flat();
    const title = new TextEncoder().encode('2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。');
    const out = importBytes(new Uint8Array([...gb, ...title]), '报告.txt');
    expect(out.ok && out.warnings.some((w) => w.includes('字节不是有效的文字'))).toBe(false);
  });
});

describe('who published it', () => {
  const detected = (title: string) => {
    const out = importText(`${title}\n一、总体情况\n本年度工作平稳。`);
    if (!out.ok) throw new Error(out.message);
    return out.detected;
  };

  it.each([
    ['湖南省长沙市人民政府办公厅2023年政府信息公开工作年度报告', 'city'],
    ['湖南省人民政府办公厅2023年政府信息公开工作年度报告', 'province'],
    ['湖南省教育厅2023年政府信息公开工作年度报告', 'province'],
    ['湖南省长沙市教育局2023年政府信息公开工作年度报告', 'city'],
    ['长沙县教育局2023年政府信息公开工作年度报告', 'department'],
    ['浏阳市人民政府2023年政府信息公开工作年度报告', 'county'],
  ])('%s → %s', (title, level) => {
    expect(detected(title).level).toBe(level);
  });

  it('joins a name printed over two lines', () => {
    expect(detected('湖南省长沙市望城区\n白沙洲街道办事处2023年政府信息公开工作年度报告')).toMatchObject({ agencyName: '湖南省长沙市望城区白沙洲街道办事处', level: 'street', year: 2023 });
  });
});

describe('a whole article on one line', () => {
  it('finds the title, the sections and the tables inside the running text', () => {
    const out = importText(
      '松岭镇人民政府2022年政府信息公开工作年度报告本报告依照条例编制。一、总体情况本年度工作平稳。' +
        '全镇围绕群众关心的事项推进公开，信息发布及时准确，平台运行稳定，制度建设持续完善。'.repeat(10) +
        '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000' +
        '三、收到和处理政府信息公开申请情况（一）予以公开421000043四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计210030000000000五、存在的主要问题及改进情况无。六、其他需要报告的事项无。',
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.detected).toMatchObject({ year: 2022, agencyName: '松岭镇人民政府', format: '2021' });
    expect(['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => out.report.cells[`t3.r3_1.${c}`])).toEqual([42, 1, 0, 0, 0, 0, 43]);
    expect(out.uncertain).not.toContain('t3.r3_1.np');
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => out.report.cells[`t4.rev.${c}`])).toEqual([2, 1, 0, 0, 3]);
    expect(out.report.cells['t2.reg.valid']).toBe(0);
    expect(out.report.sections.s1).toMatch(/^本年度工作平稳。全镇围绕/);
  });
});
