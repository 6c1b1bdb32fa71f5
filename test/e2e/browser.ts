import fs from 'node:fs';
import { CHROMIUM_ARGS as ARGS } from '../../electron/chromium-flags.js';

/** The project's one list of switches (electron/chromium-flags.ts): no network, no GPU. */
export const CHROMIUM_ARGS = [...ARGS];

export function chromiumPath(): string {
  const candidates = [process.env.NIANBAO_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => Boolean(p && fs.existsSync(p)));
  if (!found) throw new Error('没有找到 Chromium：请安装 chromium（apt-get install chromium）或设置 NIANBAO_CHROMIUM');
  return found;
}
