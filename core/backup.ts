import type { BackupEntry } from './api.js';

/**
 * How a backup is described to a clerk, in the window and on the command line alike: its kind in
 * words, its size, what it holds. The backups themselves are made in electron/store/backup.ts.
 */

export const BACKUP_KIND_LABELS: Readonly<Record<BackupEntry['kind'], string>> = {
  daily: '每日自动备份',
  'pre-sign': '定稿前的备份',
  'pre-migration': '升级前的备份',
  manual: '手动备份',
  'pre-restore': '恢复前的数据',
  damaged: '损坏的数据文件（留作抢救）',
};

/** 「2.4 MB」「36 KB」 */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 「某某镇人民政府 2024（已定稿）、2023」, or why the file cannot be read. */
export function contentsText(entry: Pick<BackupEntry, 'contents' | 'problem'>): string {
  if (entry.problem) return `无法读取：${entry.problem}`;
  const agencies = entry.contents?.agencies ?? [];
  if (!agencies.length) return '（没有报告）';
  return agencies
    .map((a) => `${a.name} ${a.reports.map((r) => `${r.year}${r.state === 'signed' ? '（已定稿）' : ''}`).join('、') || '（没有报告）'}`)
    .join('；');
}
