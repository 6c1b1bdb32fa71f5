// `npm test`: build, typecheck, lint, unit tests, end-to-end tests; then one closing line
// "N passed, N failed, N skipped" over all tests, and a non-zero exit if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const results = path.join(root, 'test-results');
rmSync(path.join(results, 'unit.json'), { force: true });
rmSync(path.join(results, 'e2e.json'), { force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ['构建', 'npm', ['run', 'build']],
  ['类型检查', 'npm', ['run', 'typecheck']],
  ['代码规范', 'npm', ['run', 'lint']],
  ['单元测试', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(results, 'unit.json')}`]],
  ['端到端测试', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']],
];

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`=== ${name}${run.status === 0 ? '通过' : '失败'}（${((Date.now() - started) / 1000).toFixed(1)} s）`);
  if (run.status !== 0) {
    failedSteps.push(name);
    // without a build nothing after it means anything
    if (name === '构建') break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const unitFile = path.join(results, 'unit.json');
if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
const e2eFile = path.join(results, 'e2e.json');
if (existsSync(e2eFile)) {
  const e2e = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  skipped += e2e.stats.skipped;
}
// a step that failed without failing a test (typecheck, lint, build) still fails the run
if (failedSteps.length && failed === 0) failed = failedSteps.length;
if (failedSteps.length) console.log(`\n未通过的步骤：${failedSteps.join('、')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
