import { describe, expect, it } from 'vitest';
import { linesMatching, repoFiles } from './files.js';
import { codeStrings } from './strings.js';

/**
 * A user's clone is the repository and nothing else: no test, script, benchmark or document may
 * read or point to a folder beside it (the design notes and real reports the project was made
 * from live outside it, in ../shared, and are not shipped).
 */

/** Outside the repository: ../shared, or an absolute path of a build machine. */
const OUTSIDE = /(^|[^.\w])\.\.\/shared\b|\bshared\/(seeds|spec|background)\b|\/work\//;

describe('the repository stands on its own', () => {
  it('no code, test, script or benchmark reads a path outside it', () => {
    // this file's own examples of paths outside are left out
    const strings = codeStrings(['core', 'electron', 'renderer', 'test', 'bench', 'scripts', 'bin'], (f) => f === 'test/unit/structure/self-contained.test.ts');
    expect(strings.length).toBeGreaterThan(1000);
    expect(strings.filter((s) => OUTSIDE.test(s.text)).map((s) => `${s.file}:${s.line}: ${s.text}`)).toEqual([]);
    const scripts = repoFiles(['scripts', 'bin', '.ci'], ['.mjs', '.cjs', '.js', 'run']);
    expect(linesMatching(scripts, OUTSIDE)).toEqual([]);
  });

  it('no README or document points outside it', () => {
    const documents = ['README.md', ...repoFiles(['docs', 'test', 'bench', 'assets', 'build'], ['.md'])];
    expect(linesMatching(documents, OUTSIDE)).toEqual([]);
  });

  it('the check sees a path outside', () => {
    expect(OUTSIDE.test("new URL('../../../../shared/spec/report-format.md', import.meta.url)")).toBe(true);
    expect(OUTSIDE.test('见 `../shared/spec/report-json.md`')).toBe(true);
    expect(OUTSIDE.test("path.resolve(ROOT, '../shared/seeds')")).toBe(true);
    expect(OUTSIDE.test('docs/report-file.md')).toBe(false);
  });
});
