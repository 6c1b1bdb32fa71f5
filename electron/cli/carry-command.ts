import { rowLabel } from '../../core/format/index.js';
import { carryForward, serializeReportFile } from '../../core/report/index.js';
import { writeFileAtomic } from '../export/write-file.js';
import { flag, option, positionals, type Command } from './command.js';
import { readReportFile } from './read-report.js';

export const carryCommand: Command = {
  name: 'carry',
  summary: '从上一年的报告文件结转出新一年的报告文件',
  usage: [
    'nianbao carry LAST.nianbao.json --year N --out NEW.nianbao.json',
    `  表三「${rowLabel('2021', 't3.r2.total')}」取上年「${rowLabel('2021', 't3.r4.total')}」；上年正文、签发人员作为草稿带入；`,
    '  2020 年（2019 年版）结转到 2021 年时表二不结转（栏目含义不同）。',
    '  --year 只能是上一年的下一年；确实要跳过中间的年份，加 --skip-years。',
    '  新文件包含各个总计（按各项计算）。',
    '  退出码：0 成功；2 文件无法读取或参数不对。',
  ].join('\n'),
  async run(argv, io) {
    const [file] = positionals(argv, ['--year', '--out']);
    const last = readReportFile(file, io);
    if (!last) return 2;
    const year = Number(option(argv, '--year') ?? last.year + 1);
    const out = option(argv, '--out');
    if (!Number.isInteger(year) || year <= last.year || year > 2100) {
      io.err(`--year 应是 ${last.year} 年以后的年份`);
      return 2;
    }
    // 上年结转 is last year's 结转下年度: a gap of years would carry figures that belong to another year
    if (year !== last.year + 1 && !flag(argv, '--skip-years')) {
      io.err(
        `${file} 是 ${last.year} 年的报告，只能结转到 ${last.year + 1} 年。要结转到 ${year} 年，请用 ${year - 1} 年的报告；` +
          `确实要跳过中间的年份，请加 --skip-years（表三「${rowLabel('2021', 't3.r2.total')}」仍取 ${last.year} 年的数字，请另行核对）`,
      );
      return 2;
    }
    if (!out) {
      io.err('请用 --out 指定新报告文件的保存位置');
      return 2;
    }
    const { report, carry } = carryForward(last, year);
    try {
      await writeFileAtomic(out, serializeReportFile(report));
    } catch (err) {
      io.err(err instanceof Error ? err.message : String(err));
      return 2;
    }
    io.out(`已从 ${last.year} 年结转出 ${year} 年报告：${out}`);
    for (const [id, value] of Object.entries(carry.cells)) io.out(`  ${id} = ${value}`);
    for (const notice of carry.notices) io.out(`  注意：${notice}`);
    return 0;
  },
};
