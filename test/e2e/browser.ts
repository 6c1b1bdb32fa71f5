import fs from 'node:fs';

/** Flags that keep Chromium from reaching out to the network (there is none here) and from needing a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const candidates = [process.env.NIANBAO_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => Boolean(p && fs.existsSync(p)));
  if (!found) throw new Error('没有找到 Chromium：请安装 chromium（apt-get install chromium）或设置 NIANBAO_CHROMIUM');
  return found;
}
