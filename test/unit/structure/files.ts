import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's root, whatever folder the tests run from. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

const SKIP = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '.git']);

/** Files under the given top folders (relative, with forward slashes), optionally of some extensions. */
export function repoFiles(dirs: readonly string[], extensions: readonly string[] = ['.ts', '.tsx', '.mts', '.mjs', '.cjs']): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (extensions.some((e) => entry.name.endsWith(e))) out.push(child);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}

export function readRepoFile(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

/** Lines of the files matching a pattern, as 「file:line: text」, for a readable failure. */
export function linesMatching(files: readonly string[], pattern: RegExp): string[] {
  const out: string[] = [];
  for (const file of files) {
    readRepoFile(file)
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) out.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return out;
}
