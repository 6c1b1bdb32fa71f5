import { checkReport, classify, formatFindings, parseDeadline, summaryText } from '../../core/rules/index.js';
import { flag, option, positionals, type Command } from './command.js';
import { readReportFile, readReportFileAsWritten } from './read-report.js';

export const checkCommand: Command = {
  name: 'check',
  summary: '按全部规则核对一个报告文件，列出发现的问题',
  usage: [
    'nianbao check FILE.nianbao.json [--previous LAST.nianbao.json] [--json]',
    '  每条问题一行：规则编号、类别（必须改正 / 需核对 / 提示 / 说明，与软件窗口和定稿时的说法一样）、涉及的单元格、说明。',
    '  文件里写的数字按原样核对，包括各个总计（文件来自别处，总计不重新计算）。',
    '  --previous   同时给出上一年的报告文件，核对跨年规则（X-1 等）',
    '  --json       以 JSON 输出',
    '  --deadline 月-日   本地规定的发布期限（如 01-20），代替条例规定的期限核对落款日期（G-3）',
    '  退出码：0 没有必须改正的问题（可以定稿）；1 有必须改正的问题；2 文件无法读取（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const [file] = positionals(argv, ['--previous', '--deadline']);
    const deadlineText = option(argv, '--deadline');
    const deadline = deadlineText === undefined ? undefined : parseDeadline(deadlineText);
    if (deadline === null) {
      io.err(`--deadline「${deadlineText}」不是日期，请写成 月-日，例如 01-20`);
      return 2;
    }
    const read = readReportFileAsWritten(file, io);
    if (!read) return 2;
    const { report, written } = read;
    const previousFile = option(argv, '--previous');
    const previous = previousFile ? readReportFile(previousFile, io) : undefined;
    if (previousFile && !previous) return 2;
    // a file is data from outside: its totals are checked as written, not computed again
    const findings = checkReport(report, { asWritten: written, ...(previous ? { previous } : {}), ...(deadline ? { deadline } : {}) });
    const classes = classify(findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (flag(argv, '--json')) {
      const counts = { must: classes.must.length, check: classes.check.length, hint: classes.hint.length, info: classes.info.length };
      io.out(JSON.stringify({ file, year: report.year, format: report.format, errors, counts, summary: summaryText(classes), findings }, null, 2));
    } else {
      if (findings.length) io.out(formatFindings(findings));
      const info = classes.info.length ? `；另有 ${classes.info.length} 条说明` : '';
      io.out(`\n${report.agency.name || '（未写机关名称）'} ${report.year} 年：${summaryText(classes)}${info}`);
    }
    return classes.must.length ? 1 : 0;
  },
};
