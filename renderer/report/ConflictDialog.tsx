import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog.js';
import { bothTexts, type Choice, type ConflictItem } from './state/conflict.js';
import type { ReportSession } from './state/ReportSession.js';
import { useSessionState } from './state/useSession.js';

/**
 * Two windows on one report (issue 12): another window (a tab, the command line) saved this
 * report while this window had changes of its own. Where both changed the same text or figure the
 * clerk sees both and chooses, place by place; nothing is saved until they do, and nothing typed
 * is lost whatever they choose (the texts stay on screen here to copy from).
 */
export function ConflictDialog({ session }: { session: ReportSession }) {
  const conflict = useSessionState(session, (s) => s.conflict);
  if (!conflict) return null;
  return <ConflictForm session={session} conflicts={conflict.conflicts} elsewhere={conflict.elsewhere} />;
}

function ConflictForm({ session, conflicts, elsewhere }: { session: ReportSession; conflicts: ConflictItem[]; elsewhere: string[] }) {
  const [choices, setChoices] = useState<Map<string, Choice>>(() => new Map(conflicts.map((c) => [c.target, { take: 'mine' }])));
  const choose = (target: string, choice: Choice) => setChoices((m) => new Map(m).set(target, choice));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    session.settle(choices);
  };

  return (
    // Esc does not throw the choice away: the changes wait for it (the header says so)
    <Dialog title="这份报告在另一个窗口里改过了" onClose={() => undefined} onSubmit={submit} className="conflict-dialog">
      <p>
        您在这个窗口修改期间，另一个窗口（或命令行）也修改并保存了这份报告。这个窗口的修改都还在，还没有保存。
        {conflicts.length ? '下面是两边都改过的地方，请逐处选择保留哪一份：' : ''}
      </p>
      {conflicts.map((c) => {
        const choice = choices.get(c.target) ?? { take: 'mine' };
        const prose = c.kind !== 'cell';
        const name = `conflict-${c.target}`;
        return (
          <fieldset key={c.target} className="conflict-item" aria-label={c.label}>
            <legend>{c.label}</legend>
            <div className="conflict-texts">
              <figure>
                <figcaption>另一个窗口保存的</figcaption>
                <pre aria-label={`${c.label}：另一个窗口保存的`}>{c.theirs || '（空白）'}</pre>
              </figure>
              <figure>
                <figcaption>这个窗口里的（还没有保存）</figcaption>
                <pre aria-label={`${c.label}：这个窗口里的`}>{c.mine || '（空白）'}</pre>
              </figure>
            </div>
            <div className="conflict-choices" role="radiogroup" aria-label={`${c.label}：保留哪一份`}>
              <label>
                <input type="radio" name={name} checked={choice.take === 'mine'} onChange={() => choose(c.target, { take: 'mine' })} />
                保留这个窗口的
              </label>
              <label>
                <input type="radio" name={name} checked={choice.take === 'theirs'} onChange={() => choose(c.target, { take: 'theirs' })} />
                采用另一个窗口的
              </label>
              {prose && (
                <label>
                  <input type="radio" name={name} checked={choice.take === 'both'} onChange={() => choose(c.target, { take: 'both', text: bothTexts(c) })} />
                  两份合在一起，我再改
                </label>
              )}
            </div>
            {choice.take === 'both' && (
              <label className="field">
                <span>合在一起的文字（可以直接修改，保存的就是这里的文字）</span>
                <textarea aria-label={`${c.label}：合在一起的文字`} rows={6} value={choice.text} onChange={(e) => choose(c.target, { take: 'both', text: e.target.value })} />
              </label>
            )}
          </fieldset>
        );
      })}
      {elsewhere.length > 0 && (
        <p className="conflict-elsewhere">
          另一个窗口还改了这些地方，这个窗口没有改过，会直接采用：{elsewhere.slice(0, 8).join('、')}
          {elsewhere.length > 8 ? ` 等 ${elsewhere.length} 处` : ''}。
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {conflicts.length ? '按所选保存' : '载入最新内容，保存我的修改'}
        </button>
      </div>
    </Dialog>
  );
}
