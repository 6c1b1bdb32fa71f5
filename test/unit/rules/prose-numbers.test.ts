import { describe, expect, it } from 'vitest';
import { extractNumbers, isYear, normaliseDigits, parseChineseNumeral } from '../../../core/rules/index.js';

const values = (text: string) => extractNumbers(text).map((m) => [m.value, m.unit]);

describe('parseChineseNumeral', () => {
  it.each([
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千零二', 3002],
    ['一万二千', 12000],
    ['两万', 20000],
    ['二〇二三', 2023],
    ['零', 0],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '百', '万', '千万', '年'])('「%s」 is not a numeral', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe('extractNumbers', () => {
  it('reads Arabic digits with their unit and offsets', () => {
    const text = '全年收到申请23件，办结21件。';
    const found = extractNumbers(text);
    expect(found.map((m) => [m.value, m.unit, m.text])).toEqual([
      [23, '件', '23'],
      [21, '件', '21'],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('23');
  });

  it('reads full-width digits, keeping offsets into the original text', () => {
    const text = '收到申请２３件';
    const [m] = extractNumbers(text);
    expect(m?.value).toBe(23);
    expect(m?.text).toBe('２３');
    expect(text.slice(m!.start, m!.end)).toBe('２３');
    expect(normaliseDigits('２０２３年１２月')).toBe('2023年12月');
  });

  it('reads Chinese numerals before a measure word: 三件、十二件、二十三件、一百零五件、两件', () => {
    expect(values('收到三件，答复十二件，共二十三件，累计一百零五件，另有两件')).toEqual([
      [3, '件'],
      [12, '件'],
      [23, '件'],
      [105, '件'],
      [2, '件'],
    ]);
  });

  it('leaves words that contain numeral characters alone', () => {
    expect(values('一是统一思想，进一步推进，三安全一稳定，十分重要，百姓满意')).toEqual([]);
  });

  it('marks ordinals, approximations and reads decimals, percentages, money and 万', () => {
    const [ordinal] = extractNumbers('第二十条第（一）项');
    expect(ordinal).toMatchObject({ value: 20, ordinal: true });
    expect(extractNumbers('约20件')[0]?.approx).toBe(true);
    expect(extractNumbers('20余件')[0]).toMatchObject({ value: 20, unit: '件', approx: true });
    expect(extractNumbers('拍摄小视频20多期')[0]).toMatchObject({ value: 20, unit: '期', approx: true });
    expect(values('好评率97.73%')).toEqual([[97.73, '%']]);
    expect(values('收费1.7732万元')).toEqual([[1.7732, '万元']]);
    expect(values('发布信息1.2万条')).toEqual([[12000, '条']]);
  });

  it('tells a time span from a count: 15个工作日 is not 15个', () => {
    expect(values('在15个工作日内答复')).toEqual([[15, '个工作日']]);
  });

  it('recognises years, Arabic and Chinese, 年 and 年度', () => {
    const years = extractNumbers('2023年度、二〇二三年、2023年1月1日、三年来').filter(isYear);
    expect(years.map((m) => m.value)).toEqual([2023, 2023, 2023]);
  });
});
