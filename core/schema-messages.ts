import { z } from 'zod';

/**
 * What the schema library says when a value does not fit — an argument of the contract, a field
 * of a report file — in Chinese, as a clerk would read it ("应为数字", "不能大于 2100") rather than
 * the library's English. A schema's own message (「请填写机关全称」) still comes first. Imported by
 * core/api.ts, which every host loads before it checks anything.
 */

const TYPES: Record<string, string> = {
  number: '应为数字',
  int: '应为整数',
  string: '应为文字',
  boolean: '应为 true 或 false',
  object: '应为一组字段（{…}）',
  array: '应为一个列表（[…]）',
  null: '应为空（null）',
};

function chinese(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少这一项' : (TYPES[issue.expected] ?? '类型不对');
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${String(issue.values[0])}` : `应为 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_format':
      return '格式不对';
    case 'not_multiple_of':
      return issue.divisor === 1 ? '应为整数' : `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `多余的字段：${issue.keys.join('、')}`;
    default:
      return '内容不对';
  }
}

z.config({ localeError: chinese });
