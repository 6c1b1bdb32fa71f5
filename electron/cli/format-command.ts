import { FORMATS, sectionHeading } from '../../core/format/index.js';
import { classOf, CLASS_LABELS, RULES } from '../../core/rules/index.js';
import { rateDefs } from '../../core/report/index.js';
import { flag, type Command } from './command.js';

/**
 * The rules as data, each with the class every part of the app words it by (必须改正 blocks
 * 定稿), and the derived rates per format: what `--json` adds to the format.
 */
function rulesAndRates(formats: readonly { id: '2021' | '2019' }[]) {
  return {
    rules: RULES.map((r) => ({ ...r, class: classOf({ ruleId: r.id, severity: r.severity }), classLabel: CLASS_LABELS[classOf({ ruleId: r.id, severity: r.severity })] })),
    rates: Object.fromEntries(formats.map((f) => [f.id, rateDefs(f.id)])),
  };
}

export const formatCommand: Command = {
  name: 'format',
  summary: '打印报告格式定义（部分、表格、单元格编号与名称）',
  usage: 'nianbao format [--json] [--format 2021|2019]\n  --json    以 JSON 输出完整定义（含表格网格与合并、全部核对规则及其类别、由表格计算的比率及公式）',
  async run(argv, io) {
    const only = argv.includes('--format') ? argv[argv.indexOf('--format') + 1] : undefined;
    const formats = Object.values(FORMATS).filter((f) => !only || f.id === only);
    if (!formats.length) {
      io.err(`没有「${only}」年版格式，可用：2021、2019`);
      return 2;
    }
    if (flag(argv, '--json')) {
      io.out(JSON.stringify(only ? { ...formats[0], ...rulesAndRates(formats) } : { formats, ...rulesAndRates(formats) }, null, 2));
      return 0;
    }
    for (const f of formats) {
      io.out(`${f.name}（${f.notice}），适用于 ${f.years[0]} 年${f.years[1] ? `至 ${f.years[1]} 年` : '及以后'}的报告`);
      for (const s of f.sections) io.out(`  ${sectionHeading(s)}`);
      for (const c of f.cells) {
        io.out(`    ${c.id.padEnd(22)} ${[...c.rowPath, ...c.colPath].join(' / ')}${c.sumOf ? '（自动合计）' : ''}`);
      }
    }
    return 0;
  },
};
