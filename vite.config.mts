import { defineConfig } from 'vite';
import path from 'node:path';

// The window is served from the app's own origin (app:// in Electron, 127.0.0.1 in browser mode),
// with relative asset paths so either works.
export default defineConfig({
  root: path.join(import.meta.dirname, 'renderer'),
  base: './',
  build: {
    outDir: path.join(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // maps are written for a developer's stack traces but named by no file, and never served
    // (electron/security.ts): the window's sources stay out of every build a clerk runs
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 2000,
    // the print preview's pdf.js worker is a large file to transform; that is expected, not a warning
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
