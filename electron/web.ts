import { spawn } from 'node:child_process';
import path from 'node:path';
import { openBackend } from './backend.js';
import { dataDirFromArgs, platformDataDir } from './store/index.js';
import { startWebServer } from './web/server.js';

/**
 * Browser mode: the app's window served on 127.0.0.1 to the system browser, the same services
 * behind HTTP. Used where Electron cannot start, and by the end-to-end tests.
 *
 *   node dist/web.cjs [--port N] [--data-dir DIR] [--no-open]
 */

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('没有找到系统浏览器，请把上面的地址复制到浏览器中打开。'));
    child.unref();
  } catch {
    console.log('没有找到系统浏览器，请把上面的地址复制到浏览器中打开。');
  }
}

/** The port asked for with --port: undefined to let the system choose, or a sentence saying what is wrong. */
export function portFromArgs(argv: string[]): number | undefined | { problem: string } {
  const text = argValue(argv, '--port');
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) return { problem: `--port 应是 1 到 65535 之间的端口号，例如 --port 8123（现在是「${text}」）。` };
  return port;
}

/** Why the server could not listen, said for a clerk. */
export function listenFailure(err: unknown, port: number | undefined): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `端口 ${port} 已被别的程序占用（可能是已经打开的年报助手）。请换一个端口，例如 --port ${(port ?? 8122) + 1}；或者不写 --port，让年报助手自己选一个空闲的端口。`;
  if (code === 'EACCES') return `没有权限使用端口 ${port}。请用 1024 以上的端口，例如 --port 8123。`;
  return `无法在本机地址上提供服务：${err instanceof Error ? err.message : String(err)}`;
}

export async function runWeb(argv: string[]): Promise<void> {
  const port = portFromArgs(argv);
  if (typeof port === 'object') {
    console.error(port.problem);
    process.exit(2);
  }
  const dataDir = dataDirFromArgs(argv) ?? platformDataDir();
  const backend = openBackend(dataDir, 'web');
  let server;
  try {
    server = await startWebServer({ handlers: backend.handlers, rendererDir: path.join(__dirname, 'renderer'), ...(port ? { port } : {}) });
  } catch (err) {
    backend.close();
    console.error(`年报助手无法启动：${listenFailure(err, port)}`);
    process.exit(1);
  }
  console.log(`年报助手（浏览器模式）已启动，请在浏览器中打开：${server.launchUrl}`);
  console.log(`数据文件夹：${dataDir}`);
  // the address opens once and for two minutes (electron/web/launch-code.ts): Enter prints another
  if (process.stdin.isTTY) {
    console.log('（这个地址只能打开一次。要在别的浏览器或窗口里打开，请在这里按回车键，会显示一个新地址。）');
    process.stdin.on('data', () => console.log(`新地址（只能打开一次，2 分钟内有效）：${server.newLaunchUrl()}`));
  }
  if (backend.fault) console.log(`注意：${backend.fault.message}`);
  if (!argv.includes('--no-open') && !process.env.CI && !process.env.NIANBAO_NO_OPEN) openInBrowser(server.launchUrl);
  // the daily backup and the full integrity check, once the window can already be used
  void backend.maintenance();

  // Whatever ends the program — Ctrl+C, closing the terminal (SIGHUP), the system shutting
  // down — the store is closed cleanly: the -wal is written into nianbao.db and the folder's
  // lock removed, so nianbao.db alone is complete once the program has stopped.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    backend.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const) process.on(signal, () => void stop());
  // and if the process ends another way (an error), the store is still closed on the way out
  process.on('exit', () => backend.close());
}

if (require.main === module) {
  runWeb(process.argv.slice(2)).catch((err) => {
    console.error(`年报助手无法启动：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
