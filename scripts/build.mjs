// Builds what the hosts run: the Node side bundled by esbuild into dist/*.cjs, the window built by
// Vite into dist/renderer, and the app's icon (assets/icon/icon.svg) drawn into the sizes the
// window, the browser tab and the installers need. Runs on `npm install` (prepare), `npm start`
// and `npm run dist`.
//
// A warning from either bundler fails the build: a warning today (an empty import.meta, a chunk
// too large, a missing file) is a broken window or command tomorrow.
import { build, formatMessages } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { drawIcons } from './icon.mjs';

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
const warnings = [];

const icons = await drawIcons(root);

const results = await Promise.all(
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
      // modules written for ESM (tsx, vitest) may ask import.meta.url where they are: in the
      // CommonJS bundle that is this file
      define: { 'import.meta.url': '__import_meta_url' },
      banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'silent',
    }),
  ),
);
for (const result of results) {
  for (const line of await formatMessages(result.warnings, { kind: 'warning', color: false })) warnings.push(line.trim());
}

const { build: viteBuild, createLogger } = await import('vite');
const logger = createLogger('warn');
const note = (msg) => warnings.push(String(msg).trim());
logger.warn = note;
logger.warnOnce = note;
await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn', customLogger: logger, publicDir: icons.publicDir });

if (warnings.length) {
  console.error(`构建时有 ${warnings.length} 条警告，构建不算成功：\n\n${warnings.join('\n\n')}`);
  process.exit(1);
}
console.log(`构建完成（${Date.now() - started} ms）：dist/`);
