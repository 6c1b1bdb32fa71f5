import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript
import { drawIcons, ICO_SIZES, PNG_SIZES } from '../../../scripts/icon.mjs';
import { tmpDir } from '../helpers/tmp.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Width, height and the RGBA pixels of an 8-bit RGBA PNG (as resvg writes them). */
function decodePng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]); // 8-bit RGBA
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? out[y * stride + x - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [...out.subarray(y * stride + x * 4, y * stride + x * 4 + 4)] };
}

describe('the app’s icon, drawn from assets/icon/icon.svg at build time', () => {
  it('every size of PNG, an ICO of PNG entries for Windows, a favicon for the browser tab', async () => {
    const out = tmpDir();
    const paths = await drawIcons(ROOT, out);
    for (const size of PNG_SIZES as number[]) {
      const png = decodePng(readFileSync(path.join(paths.pngDir, `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      // the red of the background at the edge, the page in the middle, transparent corners
      expect(png.pixel(Math.floor(size * 0.08), Math.floor(size / 2))[3]).toBe(255);
      expect(png.pixel(Math.floor(size / 2), Math.floor(size / 2))[3]).toBe(255);
      expect(png.pixel(0, 0)[3]).toBeLessThan(64);
    }
    const ico = readFileSync(paths.ico);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    (ICO_SIZES as number[]).forEach((size, i) => {
      const entry = 6 + 16 * i;
      expect(ico.readUInt8(entry) || 256).toBe(size);
      const offset = ico.readUInt32LE(entry + 12);
      expect(decodePng(ico.subarray(offset, offset + ico.readUInt32LE(entry + 8))).width).toBe(size);
    });
    expect(decodePng(readFileSync(path.join(paths.publicDir, 'favicon.png'))).width).toBe(32);
  });
});
