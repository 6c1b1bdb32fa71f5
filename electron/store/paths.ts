import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'nianbao.db';

/**
 * Where the data lives when Electron's userData is not available (browser mode, command line):
 * the platform's per-user data directory. `--data-dir` and NIANBAO_DATA_DIR override it.
 */
export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.NIANBAO_DATA_DIR) return path.resolve(env.NIANBAO_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'nianbao');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'nianbao');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'nianbao');
}

/** `--data-dir PATH` or `--data-dir=PATH` from an argument list. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  return undefined;
}
