import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function lint(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the boundary rule', () => {
  it.each([
    ['core/report/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['core/format/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/x.tsx', "import path from 'path';\nexport const a = path;\n"],
    ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
  ])('%s may not import Node or Electron', async (file, code) => {
    expect(await lint(file, code)).toContain('no-restricted-imports');
  });

  it('electron/ may', async () => {
    expect(await lint('electron/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
  });

  it('only electron/desktop/ may import Electron itself', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await lint('electron/services/x.ts', code)).toContain('no-restricted-imports');
    expect(await lint('electron/export/x.ts', code)).toContain('no-restricted-imports');
    expect(await lint('electron/desktop/x.ts', code)).toEqual([]);
  });
});
