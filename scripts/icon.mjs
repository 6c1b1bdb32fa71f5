// The app's icon, drawn once as SVG (assets/icon/icon.svg) and turned here into what each place
// needs: PNGs for the Linux packages and the window, an ICO for Windows, a favicon for the browser
// tab in browser mode. resvg (WebAssembly) draws it: no native tool, no network.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Windows shows 16–256; 256 is the largest an ICO entry can be. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

let ready;
async function resvg() {
  const wasm = await import('@resvg/resvg-wasm');
  ready ??= wasm.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await ready;
  return wasm.Resvg;
}

/** An ICO file holding PNG images (Windows Vista and later read PNG entries). */
export function icoOf(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/**
 * Draws the icons into `outDir` (default dist/icons) unless they are newer than the SVG:
 * png/NxN.png, icon.ico, and public/favicon.png (copied into the built window by Vite).
 */
export async function drawIcons(root, outDir = path.join(root, 'dist', 'icons')) {
  const source = path.join(root, 'assets', 'icon', 'icon.svg');
  const paths = {
    pngDir: path.join(outDir, 'png'),
    ico: path.join(outDir, 'icon.ico'),
    publicDir: path.join(outDir, 'public'),
  };
  const last = path.join(paths.publicDir, 'favicon.png');
  if (existsSync(last) && existsSync(paths.ico) && statSync(last).mtimeMs > statSync(source).mtimeMs) return paths;

  const Resvg = await resvg();
  const svg = readFileSync(source, 'utf8');
  const draw = (size) => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  mkdirSync(paths.pngDir, { recursive: true });
  mkdirSync(paths.publicDir, { recursive: true });
  const pngs = new Map(PNG_SIZES.map((size) => [size, draw(size)]));
  for (const [size, png] of pngs) writeFileSync(path.join(paths.pngDir, `${size}x${size}.png`), png);
  writeFileSync(paths.ico, icoOf(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(last, pngs.get(32));
  return paths;
}
