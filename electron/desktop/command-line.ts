import path from 'node:path';

/**
 * The installed app is also the command line: `nianbao check 2024.nianbao.json` runs the command
 * (electron/cli.ts, built as dist/cli.cjs beside this bundle) and opens no window. The Linux
 * packages put `nianbao` on the PATH. The same commands run from a clone after `npm link`.
 */

const COMMAND = /^(format|check|carry|export|import|backup|restore|package|verify|compare|rollup|units|status|help|--help|-h|--version|-v)$/;

/** The arguments given to the app: after the program when packaged, after the app folder under `electron .`. */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/** Whether the app was started as a command (its first argument names one), not to open the window. */
export function isCommandLine(args: readonly string[]): boolean {
  return args.length > 0 && COMMAND.test(args[0]!);
}

/** Runs the command and resolves with its exit code. */
export async function runCommandLine(args: string[]): Promise<number> {
  // loaded only now, and as its own bundle, so that opening the window never starts it (a path
  // known only at run time: require, not import, in the CommonJS bundle)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(path.join(__dirname, 'cli.cjs')) as { main(argv: string[]): Promise<number> };
  return cli.main(args);
}
