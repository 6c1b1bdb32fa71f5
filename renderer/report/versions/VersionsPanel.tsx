import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionComparison, VersionSummary } from '../../../core/api.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Dialog, FormError } from '../../components/Dialog.js';
import { useFormAction } from '../../components/useFormAction.js';
import type { ReportSession } from '../state/ReportSession.js';
import { CompareView } from './CompareView.js';
import { describeTime, KIND_LABELS, rememberAuthor, rememberedAuthor, shortHash } from './labels.js';

interface Props {
  reportId: number;
  session: ReportSession;
  readOnly: boolean;
}

/** The header's 「版本」 button and the version history it opens. */
export function VersionsButton(props: Props) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button type="button" className="versions-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
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
function VersionsPanel({ reportId, session, readOnly, onClose }: Props & { onClose(): void }) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [label, setLabel] = useState('');
  const [author, setAuthor] = useState(rememberedAuthor);
  const [notice, setNotice] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [comparison, setComparison] = useState<VersionComparison | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const action = useFormAction();
  const { run, busy } = action;

  const load = useCallback(async () => {
    const list = await run(() => call('version.list', { reportId }));
    if (!list) return;
    setVersions(list);
    setLabel((l) => l || `第${list.filter((v) => v.kind === 'manual').length + 1}版`);
  }, [reportId, run]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = await run(
      async () => {
        // a version holds what the clerk sees: what is still waiting is saved first
        await session.saved();
        return call('version.create', { reportId, label: label.trim(), author: author.trim() });
      },
      () => !label.trim() && '请给这个版本起个名字，例如「初稿」「送审稿」',
    );
    if (!v) {
      if (!label.trim()) labelInput.current?.focus();
      return;
    }
    rememberAuthor(author);
    setNotice(`已保存版本「${v.label}」。`);
    setLabel('');
    await load();
  };

  const compare = async (from: number, to: number | 'current') => {
    const found = await run(async () => {
      if (to === 'current') await session.saved();
      return call('version.compare', { reportId, from, to });
    });
    if (found) setComparison(found);
  };

  const restore = async (v: VersionSummary) => {
    setRestoring(null);
    const done = await run(async () => {
      await session.saved();
      return call('version.restore', { reportId, versionId: v.id, author: author.trim() });
    });
    if (!done) return;
    rememberAuthor(author);
    // every part of the window shows the restored report: open it afresh
    window.location.reload();
  };

  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  // older on the left, newer on the right
  const pair = [...picked].sort((a, b) => a - b) as [number, number];

  return (
    <>
      <Dialog title="版本记录" kind="drawer" className="versions" heading={false} closeOnBackdrop onClose={onClose} initialFocus={labelInput}>
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
        <FormError message={action.error} />
        {notice && !action.error && (
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
      </Dialog>
      {comparison && <CompareView comparison={comparison} onClose={() => setComparison(null)} />}
      {restoring && (
        <ConfirmDialog title={`恢复到「${restoring.label}」`} confirmLabel="恢复" onConfirm={() => void restore(restoring)} onCancel={() => setRestoring(null)}>
          <p>报告的数字、正文、表下说明和签发信息将回到「{restoring.label}」保存时的样子。</p>
          <p>现在的内容会先自动保存为一个版本，不会丢失，随时可以再恢复回来。</p>
        </ConfirmDialog>
      )}
    </>
  );
}
