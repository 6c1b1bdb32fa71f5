/** How the version history names things. */

export const KIND_LABELS: Readonly<Record<string, string>> = {
  manual: '',
  auto: '自动保存',
  restore: '恢复',
  signed: '定稿',
  reopen: '修改定稿',
};

export function describeTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The quick content hash, short enough to read aloud: 「fnv1a:1a2b3c4d…」 → 「1a2b3c4d」. */
export function shortHash(fingerprint: string): string {
  return fingerprint.replace(/^[a-z0-9-]+:/, '').slice(0, 8);
}

const AUTHOR_KEY = 'nianbao.versionAuthor';

export function rememberedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name.trim());
  } catch {
    // storage unavailable: the name is simply asked again next time
  }
}
