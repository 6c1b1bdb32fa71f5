// `npm run bench [name…]`: runs bench/*.bench.ts one after another (2 cores: never in parallel)
// and prints each figure against its budget. Builds first, since some drive the built app.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// names pick benchmarks; options (--profile, --trace) are passed on to them
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const passOn = process.argv.slice(2).filter((a) => a.startsWith('--'));
const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();

spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
let over = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const run = spawnSync('npx', ['tsx', path.join('bench', file), ...passOn], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) over++;
}
console.log(over ? `\n${over} 个基准超出预算或失败` : '\n全部基准在预算之内');
process.exit(over ? 1 : 0);
