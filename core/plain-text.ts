import { z } from 'zod';

/**
 * Text as the clerk types it. Control characters (NUL, escape codes, the invisible marks a paste
 * from another program brings along) belong in no report, and would be carried into its DOCX, PDF
 * and report file, so the contract refuses them; line breaks and tabs only where the text has
 * lines (prose, notes, reasons). The window cleans pastes before they get here
 * (renderer/report/prose/paste.ts), so a clerk meets this refusal only in a file or a typed oddity.
 */
const ANY_CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\t\n\r]/u;
const CONTROL_MESSAGE = '里有看不见的控制字符（多半是从别的软件复制带来的），请删掉后重新输入';
export function plainText(max: number, { lines = false }: { lines?: boolean } = {}) {
  const control = lines ? CONTROL_BUT_LINES : ANY_CONTROL;
  return z
    .string()
    .max(max)
    .refine((s) => !control.test(s), { message: CONTROL_MESSAGE });
}
