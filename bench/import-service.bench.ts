/**
 * Importing through the services, as the window does it: `import.parse` of a file sent as base64
 * (decode, import, the rules on the published figures) and `import.confirm` (one transaction
 * writing the report into a real SQLite file). Budgets: parse 50 ms median (the importer's own
 * 20 ms plus decoding and the rules), confirm 50 ms median.
 *
 *   npx tsx bench/import-service.bench.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch, type ImportParsed } from '../core/api.js';
import { emptyAgency } from '../core/report/index.js';
import { createHandlers } from '../electron/services/index.js';
import { openStore } from '../electron/store/index.js';
import { confirmReport } from '../renderer/import/args.js';
import { finish, median, report, timeIt } from './budget.js';

const bytes = readFileSync(new URL('../test/fixtures/import/shape-003.txt', import.meta.url));
const source = { kind: 'file', name: 'shape-003.txt', size: bytes.length, base64: bytes.toString('base64') };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const store = openStore(dir);
  const handlers = createHandlers({ store, info: { version: 'bench', host: 'web' } });
  const agency = await handlers['agency.create']({ agency: emptyAgency('某某县清河镇人民政府') });

  const parse = async () => {
    const out = await dispatch(handlers, 'import.parse', { source });
    if (!out.ok) throw new Error(out.error.message);
    return out.value as ImportParsed;
  };
  const parsed = await parse();
  await timeIt(parse, 5);
  report(`import.parse, median (shape-003, ${(bytes.length / 1024).toFixed(0)} KB)`, median(await timeIt(parse, 40)), 50);

  // each confirm stores another year, so none is refused as a duplicate
  let year = 2010;
  const confirm = async () => {
    const out = await dispatch(handlers, 'import.confirm', { report: confirmReport({ ...parsed.report, year: year++ }), target: { agencyId: agency.id } });
    if (!out.ok) throw new Error(out.error.message);
  };
  const cells = Object.keys(parsed.report.cells).length;
  report(`import.confirm, median (${cells} cells, ${Object.keys(parsed.report.sections).length} texts)`, median(await timeIt(confirm, 40)), 50);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  finish();
}

void main();
