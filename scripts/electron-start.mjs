// Starting the Electron window from `npm start`, and noticing when it cannot start. Electron may be
// installed and still die at once on some computers (a sandbox the system does not allow, a
// missing system library, no display it can use). Until the window has shown, such an exit is a
// failed start: the caller falls back to browser mode and says why, as when Electron could not be
// downloaded. Once the window has shown, Electron's exit is the app's exit.
import { spawn } from 'node:child_process';

/** What the desktop main process prints when its window has shown (electron/desktop/channel.ts). */
export const WINDOW_SHOWN = 'nianbao:window-shown';

/** Why Electron could not start, said for a clerk, from its exit and what it wrote. */
export function startupFailure(code, signal, output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(output)?.[1];
  if (library) return `这台电脑缺少桌面程序需要的系统库 ${library}`;
  if (/sandbox/i.test(output)) return '这台电脑不允许 Electron 的安全沙箱运行';
  if (/cannot open display|Missing X server|Failed to connect to Wayland|wayland.*failed/i.test(output)) return '无法连接图形桌面';
  const how = signal ? `被信号 ${signal} 中止` : `退出码 ${code}`;
  return `桌面程序启动时意外退出（${how}）${lines.length ? `：${lines.at(-1)}` : ''}`;
}

/**
 * Runs Electron, passing its output through. `onFailedStart(reason)` is called when it ends
 * abnormally before its window has shown; otherwise `onExit(code)` when it ends.
 */
export function launchElectron({ binary, args, env, onFailedStart, onExit }) {
  const child = spawn(binary, args, { env, stdio: ['inherit', 'pipe', 'pipe'] });
  let shown = false;
  let output = '';
  const pass = (to) => (chunk) => {
    const text = chunk.toString();
    if (!shown) {
      output = (output + text).slice(-20_000);
      if (output.includes(WINDOW_SHOWN)) shown = true;
    }
    to.write(text.split('\n').filter((l) => !l.includes(WINDOW_SHOWN)).join('\n'));
  };
  child.stdout.on('data', pass(process.stdout));
  child.stderr.on('data', pass(process.stderr));
  child.on('error', (err) => onFailedStart(`桌面程序无法运行（${err.message}）`));
  child.on('exit', (code, signal) => {
    if (!shown && (code !== 0 || signal)) onFailedStart(startupFailure(code, signal, output));
    else onExit(code ?? 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return child;
}
