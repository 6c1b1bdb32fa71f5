import tseslint from 'typescript-eslint';

// core/ is the pure domain and renderer/ runs in a sandboxed window: neither may reach for
// Electron or Node. This rule is the boundary that keeps them portable and the window safe.
const nodeModules = ['electron', 'electron/*', 'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'better-sqlite3', 'playwright-core', 'docx'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['core/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeModules,
              message: 'core/ 与 renderer/ 不得引用 Electron 或 Node 模块：它们必须在沙箱窗口和纯 TypeScript 中运行。',
            },
          ],
        },
      ],
    },
  },
  {
    // Electron's own API lives in electron/desktop only: the services, store, exports, browser mode
    // and command line are plain Node, so that every host shares them and tests run without Electron.
    files: ['electron/**/*.ts'],
    ignores: ['electron/desktop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: '只有 electron/desktop/ 可以引用 Electron：其余的 Node 端代码要在浏览器模式和命令行中同样运行。' }] },
      ],
    },
  },
);
