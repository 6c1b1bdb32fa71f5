import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled fonts of the print view (assets/fonts: fonts.css and woff2 slices), for whoever
 * serves them: the PDF renderer's request interception, the Electron protocol handler and the
 * browser-mode server. Nothing here reaches the network.
 */

function moduleDir(): string {
  // ESM (tsx, vitest) has import.meta.url; the bundled CommonJS build has __dirname
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

let cached: string | undefined;

/**
 * Where assets/fonts is: NIANBAO_FONTS_DIR if set, else the first assets/fonts found walking up
 * from this module (source tree, dist/), else next to a packaged app's resources.
 */
export function fontsDir(): string {
  if (cached) return cached;
  const candidates: string[] = [];
  if (process.env.NIANBAO_FONTS_DIR) candidates.push(process.env.NIANBAO_FONTS_DIR);
  for (let dir = moduleDir(), i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'assets', 'fonts'));
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'assets', 'fonts'));
  const found = candidates.find((dir) => existsSync(join(dir, 'fonts.css')));
  if (!found) throw new Error('找不到打印用字体文件（assets/fonts），安装可能不完整，请重新安装年报助手');
  cached = resolve(found);
  return cached;
}

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2' };

export interface FontAsset {
  body: Buffer;
  contentType: string;
}

/**
 * A file of assets/fonts by its path relative to the folder (e.g. `fonts.css`,
 * `serif-400/noto-serif-sc-4-400-normal.woff2`); null for anything else, including any path
 * that tries to leave the folder.
 */
export function readFontAsset(relativePath: string): FontAsset | null {
  const root = fontsDir();
  const clean = normalize(decodeURIComponent(relativePath).replace(/^[/\\]+/, ''));
  const type = TYPES[clean.slice(clean.lastIndexOf('.'))];
  const full = resolve(root, clean);
  if (!type || !full.startsWith(root + sep)) return null;
  try {
    return { body: readFileSync(full), contentType: type };
  } catch {
    return null;
  }
}
