// Builds what the hosts run: the Node side bundled by esbuild into dist/*.cjs, and the window
// built by Vite into dist/renderer. Runs on `npm install` (prepare), `npm start` and `npm run dist`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// runtime dependencies stay in node_modules (native better-sqlite3 must), everything else is bundled
const external = ['electron', ...Object.keys(pkg.dependencies)];

const entries = {
  main: 'electron/desktop/main.ts',
  preload: 'electron/desktop/preload.ts',
  web: 'electron/web.ts',
  cli: 'electron/cli.ts',
};

const started = Date.now();
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, 'dist', `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      external: name === 'preload' ? ['electron'] : external,
      logLevel: 'warning',
    }),
  ),
);

const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
console.log(`构建完成（${Date.now() - started} ms）：dist/`);
