import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../../core/rules/index.js';

describe('textSimilarity', () => {
  const a = '一是公开内容不够丰富；二是政策解读形式单一；三是工作人员业务能力有待提高。下一步将加强培训，丰富公开形式。';

  it('is 1 for the same text, ignoring white space', () => {
    expect(textSimilarity(a, a)).toBe(1);
    expect(textSimilarity(a, a.replace(/；/g, '；\n  '))).toBe(1);
  });

  it('stays above 0.8 when only the years and a word changed', () => {
    const b = a.replace('下一步', '2024年') + '。';
    expect(textSimilarity(a, b)).toBeGreaterThan(0.8);
  });

  it('is low for texts written afresh', () => {
    const b = '本年度基层政务公开专栏更新不及时，部分村（社区）公开栏内容陈旧。明年将开展专项检查，按月通报。';
    expect(textSimilarity(a, b)).toBeLessThan(0.3);
  });

  it('is 0 against an empty or one-character text, and symmetric', () => {
    expect(textSimilarity(a, '')).toBe(0);
    expect(textSimilarity('无', '有')).toBe(0);
    const b = a.slice(10);
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a), 10);
  });

  it('compares texts of 10 000 characters (speed is measured in bench/rules.bench.ts)', () => {
    const long = a.repeat(200);
    expect(textSimilarity(long, long.slice(500) + a)).toBeGreaterThan(0.9);
  });
});
