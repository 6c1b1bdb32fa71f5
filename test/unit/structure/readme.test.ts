import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, repoFiles, ROOT } from './files.js';

/**
 * The README's structure section is the map a newcomer reads first: it names every top folder and
 * every folder inside one, with a line on what lives there, and names nothing that is not there.
 */

/** Folders and files the structure section names, as paths (`core/format`, `electron/security.ts`). */
function named(): string[] {
  const readme = readRepoFile('README.md');
  const section = readme.slice(readme.indexOf('## 项目结构'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  const out: string[] = [];
  let top = '';
  for (const line of block.split('\n')) {
    const m = /^( *)(\S+?)\/?\s{2,}\S/.exec(line) ?? /^( *)(\S+?)\/\s*$/.exec(line);
    if (!m) continue;
    const name = m[2]!.replace(/\/$/, '');
    if (m[1]!.length === 0) {
      top = name;
      out.push(name);
    } else out.push(`${top}/${name}`);
  }
  return out;
}

/** The repository's folders two levels deep (as a clone has them). */
function folders(): string[] {
  const dirs = new Set<string>();
  // every top folder but what is made or fetched (node_modules, dist, release, test results) and hidden ones other than .ci
  const made = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report']);
  const tops = readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !made.has(e.name) && (!e.name.startsWith('.') || e.name === '.ci'))
    .map((e) => e.name);
  for (const file of repoFiles(tops, [''])) {
    const parts = file.split('/');
    if (parts.length > 1) dirs.add(parts[0]!);
    if (parts.length > 2) dirs.add(`${parts[0]}/${parts[1]}`);
  }
  return [...dirs].sort();
}

describe('the README’s structure section', () => {
  it('names every top folder and every folder inside one', () => {
    const names = new Set(named());
    expect(folders().filter((d) => !names.has(d))).toEqual([]);
  });

  it('names nothing that is not there', () => {
    expect(named().filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
    expect(named().filter((p) => !p.includes('.') && !statSync(path.join(ROOT, p)).isDirectory())).toEqual([]);
  });
});
