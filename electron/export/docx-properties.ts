import { strFromU8, unzipSync } from 'fflate';

/**
 * A DOCX's properties as the exporter wrote them (docProps/core.xml, app.xml, custom.xml):
 * `title`, `creator` (the agency), `application` (the program), and every custom property by
 * name — `NianbaoFingerprint` for a signed copy. For tests, the sealed package and the check of
 * a published copy.
 */
export function readDocxProperties(docx: Uint8Array): Record<string, string> {
  const files = unzipSync(docx, { filter: (f) => f.name.startsWith('docProps/') });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const out: Record<string, string> = {};
  for (const m of text('docProps/core.xml').matchAll(/<(?:dc|cp|dcterms):(\w+)[^>]*>([^<]*)<\//g)) out[m[1]!] = decode(m[2]!);
  for (const m of text('docProps/app.xml').matchAll(/<(Application|Company)>([^<]*)<\//g)) out[m[1]!.toLowerCase()] = decode(m[2]!);
  for (const m of text('docProps/custom.xml').matchAll(/<property [^>]*name="([^"]+)"[^>]*>\s*<vt:\w+>([^<]*)</g)) out[decode(m[1]!)] = decode(m[2]!);
  return out;
}
