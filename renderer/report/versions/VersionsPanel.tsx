import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionComparison, VersionSummary } from '../../../core/api.js';
import { ApiFailure, call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { flushAllProse } from '../prose/useProseSaver.js';
import type { ReportEditor } from '../table/editor.js';
import { CompareView } from './CompareView.js';
import { describeTime, KIND_LABELS, rememberAuthor, rememberedAuthor, shortHash } from './labels.js';

/** Writes everything still waiting (figures and prose), so a version holds what the clerk sees. */
async function saveEverything(editor: ReportEditor): Promise<void> {
  editor.flush();
  await Promise.all([flushAllProse(), editor.saved()]);
}

function messageOf(err: unknown): string {
  return err instanceof ApiFailure ? err.message : String(err);
}

interface Props {
  reportId: number;
  editor: ReportEditor;
  readOnly: boolean;
}

/** The header's 「版本」 button and the version history it opens. */
export function VersionsButton(props: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    // the keyboard carries on from where the history was opened
    button.current?.focus();
  }, []);
  return (
    <>
      <button ref={button} type="button" className="versions-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        版本
      </button>
      {open && <VersionsPanel {...props} onClose={close} />}
    </>
  );
}

/**
 * The history of saved versions: save the report as it is now under a name, compare any two
 * versions or a version with the current draft, restore a version (the current state is kept
 * as a version first; nothing is ever deleted).
 */
function VersionsPanel({ reportId, editor, readOnly, onClose }: Props & { onClose(): void }) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [label, setLabel] = useState('');
  const [author, setAuthor] = useState(rememberedAuthor);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [comparison, setComparison] = useState<VersionComparison | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const labelInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const list = await call('version.list', { reportId });
      setVersions(list);
      setLabel((l) => l || `第${list.filter((v) => v.kind === 'manual').length + 1}版`);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [reportId]);

  useEffect(() => {
    void load();
    labelInput.current?.focus();
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !comparison && !restoring) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [comparison, restoring, onClose]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!label.trim()) {
      setError('请给这个版本起个名字，例如「初稿」「送审稿」');
      labelInput.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      await saveEverything(editor);
      const v = await call('version.create', { reportId, label: label.trim(), author: author.trim() });
      rememberAuthor(author);
      setNotice(`已保存版本「${v.label}」。`);
      setLabel('');
      await load();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const compare = async (from: number, to: number | 'current') => {
    setBusy(true);
    setError('');
    try {
      if (to === 'current') await saveEverything(editor);
      setComparison(await call('version.compare', { reportId, from, to }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (v: VersionSummary) => {
    setRestoring(null);
    setBusy(true);
    setError('');
    try {
      await saveEverything(editor);
      await call('version.restore', { reportId, versionId: v.id, author: author.trim() });
      rememberAuthor(author);
      // every part of the window shows the restored report: open it afresh
      window.location.reload();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  // older on the left, newer on the right
  const pair = [...picked].sort((a, b) => a - b) as [number, number];

  return (
    <div className="drawer-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer versions" role="dialog" aria-modal="true" aria-label="版本记录">
        <div className="drawer-head">
          <h2>版本记录</h2>
          <button type="button" onClick={onClose}>
            关闭
          </button>
        </div>
        <p className="muted small-print">编辑时随时自动保存。写到一个阶段（初稿、送审稿、定稿前），可保存一个版本留底；版本不会被修改或删除。</p>
        <form className="version-form" onSubmit={save} noValidate>
          <label className="field">
            <span>版本名称</span>
            <input ref={labelInput} value={label} maxLength={60} placeholder="例如：初稿、送审稿" onChange={(e) => setLabel(e.target.value)} />
          </label>
          <label className="field">
            <span>
              保存人 <em className="required">（会记住）</em>
            </span>
            <input value={author} maxLength={40} placeholder="您的姓名" onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            保存版本
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {notice && !error && (
          <p className="version-notice" role="status">
            {notice}
          </p>
        )}
        <div className="version-compare-bar">
          <button type="button" disabled={busy || picked.length !== 2} onClick={() => void compare(pair[0], pair[1])}>
            比较所选的两个版本
          </button>
          <span className="muted">{picked.length === 2 ? '' : '勾选两个版本来比较'}</span>
        </div>
        {versions === null && <p className="muted">正在读取…</p>}
        {versions?.length === 0 && <p className="empty">还没有保存过版本。</p>}
        <ol className="version-list">
          {versions?.map((v) => (
            <li key={v.id} className={`version kind-${v.kind}`} aria-label={v.label}>
              <label className="version-pick">
                <input type="checkbox" checked={picked.includes(v.id)} onChange={() => toggle(v.id)} aria-label={`选「${v.label}」来比较`} />
              </label>
              <div className="version-main">
                <div className="version-title">
                  <strong>{v.label}</strong>
                  {KIND_LABELS[v.kind] ? <span className="badge">{KIND_LABELS[v.kind]}</span> : null}
                </div>
                <div className="muted version-meta">
                  {[v.author, describeTime(v.createdAt)].filter(Boolean).join(' · ')}
                  <span className="hash" title="内容校验码（快速比对用，不是定稿的数字指纹）">
                    {shortHash(v.fingerprint)}
                  </span>
                </div>
                <div className="version-actions">
                  <button type="button" className="small" disabled={busy} onClick={() => void compare(v.id, 'current')}>
                    与当前稿比较
                  </button>
                  {!readOnly && (
                    <button type="button" className="small" disabled={busy} onClick={() => setRestoring(v)}>
                      恢复此版本
                    </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ol>
      </aside>
      {comparison && <CompareView comparison={comparison} onClose={() => setComparison(null)} />}
      {restoring && (
        <ConfirmDialog title={`恢复到「${restoring.label}」`} confirmLabel="恢复" onConfirm={() => void restore(restoring)} onCancel={() => setRestoring(null)}>
          <p>报告的数字、正文、表下说明和签发信息将回到「{restoring.label}」保存时的样子。</p>
          <p>现在的内容会先自动保存为一个版本，不会丢失，随时可以再恢复回来。</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
