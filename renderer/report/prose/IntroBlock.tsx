import { useCallback, useMemo, useState } from 'react';
import { defaultIntro } from '../../../core/document/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { ProseEditor } from './ProseEditor.js';

interface Props {
  session: ReportSession;
}

/**
 * The 导语: generated from the agency's details (legal basis, the six parts, the statistics
 * period, where the electronic copy is, whom to ask) until the clerk changes it. An unchanged
 * 导语 is stored empty, so it keeps following the agency's details; 「重新生成」 returns to that.
 */
export function IntroBlock({ session }: Props) {
  const shown = useSessionState(session, (s) => s.shown);
  const { readOnly } = session;
  // a signed report's agency is the one it was signed with (the report service gives it so)
  const signed = session.detail.summary.state === 'signed';
  const { format } = session.detail.data;
  // the agency and the year do not change while the report is open
  const generated = useMemo(() => defaultIntro(session.report()), [session]);
  const [stored] = useState(() => session.prose('intro'));
  const [auto, setAuto] = useState(!stored.trim());
  const [generation, setGeneration] = useState(0);
  const [asking, setAsking] = useState(false);
  const initial = auto ? generated : stored;

  const onChange = useCallback(
    (text: string) => {
      // edited back to exactly the generated text: stored empty again, so it keeps following the agency
      const generatedAgain = text === generated;
      setAuto(generatedAgain);
      session.setProse('intro', generatedAgain ? '' : text);
    },
    [session, generated],
  );
  const onBlur = useCallback(() => session.flushProse(), [session]);

  const regenerate = () => {
    setAsking(false);
    session.setProse('intro', '', { now: true });
    setAuto(true);
    setGeneration((g) => g + 1);
  };

  return (
    <section className="intro-block" aria-label="导语">
      <div className="intro-head">
        <h3>导语</h3>
        <span className="muted">
          {signed ? '已定稿，按定稿时的单位信息显示' : auto ? '按机关信息自动生成，机关信息改了会跟着变' : '已改写'}
        </span>
        {!readOnly && (
          <button type="button" className="small" disabled={auto} onClick={() => setAsking(true)}>
            重新生成
          </button>
        )}
      </div>
      <ProseEditor
        key={generation}
        label="导语"
        initial={initial}
        format={format}
        cells={shown}
        readOnly={readOnly}
        onChange={onChange}
        onBlur={onBlur}
        compact
      />
      {asking && (
        <ConfirmDialog title="重新生成导语" confirmLabel="重新生成" onConfirm={regenerate} onCancel={() => setAsking(false)}>
          <p>改写过的导语将换成按机关信息生成的文字。如需留底，请先在「版本」中保存一个版本。</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
