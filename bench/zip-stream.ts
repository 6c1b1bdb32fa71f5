import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** A zip whose one part is streamed in, so that making it does not take what it holds. */
export function zipOf(name: string, size: number, stored: boolean, chunk: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 9 });
  zip.add(file);
  for (let done = 0; done < size; done += chunk.length) file.push(chunk, done + chunk.length >= size);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
