import fs from 'node:fs';
import { parseSource } from '../../electron/services/import.js';

/**
 * The importing process of the import fuzz (scripts/fuzz-import.ts): reads each case as the app
 * does — the file's bytes as the window sends them, through the import service — and answers
 * with the outcome, the time it took and this process's peak memory so far.
 */
process.on('message', async (msg: { file: string; fileName: string }) => {
  const bytes = fs.readFileSync(msg.file);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let answer: { ok: boolean; message?: string; threw?: string };
  try {
    const outcome = await parseSource({ kind: 'file', name: msg.fileName, size: bytes.length, base64: bytes.toString('base64') });
    answer = outcome.ok ? { ok: true } : { ok: false, message: outcome.message };
  } catch (err) {
    answer = { ok: false, threw: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  process.send!({ ...answer, ms, cpuMs: (used.user + used.system) / 1000, peakRss: process.resourceUsage().maxRSS * 1024 });
});
process.send!({ ready: true });
