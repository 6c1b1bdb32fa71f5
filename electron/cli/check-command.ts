import { checkReport, formatFindings } from '../../core/rules/index.js';
import { flag, option, positionals, type Command } from './command.js';
import { readReportFile } from './read-report.js';

export const checkCommand: Command = {
  name: 'check',
  summary: '按全部规则核对一个报告文件，列出发现的问题',
  usage: [
    'nianbao check FILE.nianbao.json [--previous LAST.nianbao.json] [--json]',
    '  每条问题一行：规则编号、级别、涉及的单元格、说明。',
    '  --previous   同时给出上一年的报告文件，核对跨年规则（X-1 等）',
    '  --json       以 JSON 输出',
    '  退出码：0 没有「错误」级问题；1 有「错误」级问题；2 文件无法读取（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const [file] = positionals(argv, ['--previous']);
    const report = readReportFile(file, io);
    if (!report) return 2;
    const previousFile = option(argv, '--previous');
    const previous = previousFile ? readReportFile(previousFile, io) : undefined;
    if (previousFile && !previous) return 2;
    const findings = checkReport(report, previous ? { previous } : {});
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (flag(argv, '--json')) {
      io.out(JSON.stringify({ file, year: report.year, format: report.format, errors, findings }, null, 2));
    } else {
      if (findings.length) io.out(formatFindings(findings));
      const counts = (['error', 'warning', 'hint', 'info'] as const).map((s) => findings.filter((f) => f.severity === s).length);
      io.out(`\n${report.agency.name || '（未写机关名称）'} ${report.year} 年：错误 ${counts[0]} 条，警告 ${counts[1]} 条，提示 ${counts[2]} 条，说明 ${counts[3]} 条`);
    }
    return errors ? 1 : 0;
  },
};
