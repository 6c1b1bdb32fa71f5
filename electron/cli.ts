import type { Command, CliIO } from './cli/command.js';
import { carryCommand } from './cli/carry-command.js';
import { checkCommand } from './cli/check-command.js';
import { exportCommand } from './cli/export-command.js';
import { formatCommand } from './cli/format-command.js';
import { importCommand } from './cli/import-command.js';
import { backupCommand } from './cli/backup-command.js';
import { restoreCommand } from './cli/restore-command.js';
import { packageCommand } from './cli/package-command.js';
import { verifyCommand } from './cli/verify-command.js';
import { compareCommand } from './cli/compare-command.js';
import { rollupCommand, statusCommand, unitsCommand } from './cli/county-command.js';
import { APP_VERSION } from './backend.js';

/**
 * `nianbao`: the same services from a terminal. Each subcommand lives in electron/cli/.
 */
const COMMANDS: Command[] = [formatCommand, checkCommand, carryCommand, exportCommand, importCommand, backupCommand, restoreCommand, packageCommand, verifyCommand, compareCommand, rollupCommand, unitsCommand, statusCommand];

const io: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `年报助手 ${APP_VERSION} — 政府信息公开工作年度报告编制工具（命令行）`,
    '',
    '用法：nianbao <命令> [参数]',
    '',
    '命令：',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令的详细用法：nianbao <命令> --help',
    '启动桌面程序：npm start（无法运行 Electron 时自动改用浏览器模式）',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`没有「${name}」这个命令。\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return command.run(rest, io);
}

/** Runs with the process's arguments and exits with the command's code. */
export function runFromProcess(): void {
  // `nianbao format --json | head` closes the pipe early: that is not an error
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then(
    // exitCode rather than exit(): a large output to a pipe must be flushed before the process ends
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      io.err(`出错了：${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}

if (require.main === module) runFromProcess();
