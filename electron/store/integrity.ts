import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Noticing damage inside the data file.
 *
 * At start `PRAGMA quick_check` reads every page and checks its structure (budget: 1 s on a
 * 100 MB store, bench/integrity.bench.ts). What it leaves out — that every index agrees with its
 * table — the full `PRAGMA integrity_check` finds; it runs afterwards on a connection of its own
 * in a worker thread, so the window is not kept waiting. In WAL mode a reader never blocks the
 * writer, so the clerk goes on working while it runs.
 */

export type IntegrityResult = { ok: true } | { ok: false; problems: string[] };

/** At most this many problems are read: one is enough to know, a few help whoever rescues the file. */
const MAX_PROBLEMS = 20;

function resultOf(rows: unknown[]): IntegrityResult {
  const problems = rows.map((r) => String(Object.values(r as Record<string, unknown>)[0])).filter((v) => v !== 'ok');
  return problems.length ? { ok: false, problems } : { ok: true };
}

/** The quick structural check, on the store's own connection. Throws what SQLite throws for a file that is not a database. */
export function quickCheck(db: Database.Database): IntegrityResult {
  return resultOf(db.pragma(`quick_check(${MAX_PROBLEMS})`) as unknown[]);
}

// The worker is plain CommonJS run from this string, so it works the same from the sources (tests),
// from the bundle in dist/ and inside Electron, without a file of its own to find.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage({ rows: db.pragma('integrity_check(${MAX_PROBLEMS})') });
} catch (err) {
  parentPort.postMessage({ error: { code: err && err.code, message: String(err && err.message || err) } });
} finally {
  if (db) db.close();
}
`;

/** better-sqlite3's entry file, for the worker to load (the build, tsx and vitest all provide require). */
function sqliteModule(): string {
  return require.resolve('better-sqlite3');
}

/**
 * The full integrity check of the file, on a read-only connection in a worker thread. Resolves
 * with its result; a file that cannot even be read resolves as damaged, other failures (the
 * worker could not start) reject.
 */
export function fullCheckInBackground(file: string, options: { nativeBinding?: string } = {}): Promise<IntegrityResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, module: sqliteModule(), nativeBinding: options.nativeBinding },
    });
    worker.once('message', (msg: { rows?: unknown[]; error?: { code?: string; message: string } }) => {
      void worker.terminate();
      if (msg.rows) return resolve(resultOf(msg.rows));
      const code = msg.error?.code ?? '';
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return resolve({ ok: false, problems: [msg.error!.message] });
      reject(new Error(msg.error?.message ?? 'integrity check failed'));
    });
    worker.once('error', reject);
  });
}
