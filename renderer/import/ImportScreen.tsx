import { useEffect, useState } from 'react';
import type { AgencyRecord, ImportConfirmed, ImportParsed } from '../../core/api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { leaveTo, navigate, setLeaveGuard } from '../route.js';
import { DoneStep } from './DoneStep.js';
import { ReviewStep } from './ReviewStep.js';
import { SourceStep } from './SourceStep.js';
import './import.css';

interface Props {
  agency: AgencyRecord;
  agencies: AgencyRecord[];
  /** an import may have made a new agency: the list of agencies is read again */
  onAgenciesChanged: () => Promise<void>;
  /** the clerk chose to work on the agency the import went to */
  onChooseAgency: (id: number) => void;
}

/** What the leave question says (issue 12). */
export const LEAVE_QUESTION = '导入的内容还没有保存，确定离开吗？';

type Step = { name: 'source' } | { name: 'review'; parsed: ImportParsed; origin: string } | { name: 'done'; confirmed: ImportConfirmed };

/**
 * 「导入已公布的报告」 (issue 7): read a published report (pasted or from a file), review it beside
 * its source, correct it, confirm it as that year's report. Nothing is stored before 「确认导入」.
 */
export function ImportScreen({ agency, agencies, onAgenciesChanged, onChooseAgency }: Props) {
  const [step, setStep] = useState<Step>({ name: 'source' });
  const [pasted, setPasted] = useState(false);
  const [leaving, setLeaving] = useState<string | null>(null);
  // pasted text, or a report read and maybe corrected: nothing of it is stored before 「确认导入」
  const unsaved = step.name === 'review' || (step.name === 'source' && pasted);
  useEffect(() => {
    if (!unsaved) return;
    setLeaveGuard((to) => {
      setLeaving(to);
      return false;
    });
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = LEAVE_QUESTION;
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [unsaved]);

  return (
    <div className={`import-page step-${step.name}`}>
      <header className="topbar import-header">
        <button className="back" onClick={() => navigate({ name: 'reports' })} aria-label="返回报告列表">
          ‹ 报告列表
        </button>
        <h1 className="import-title">导入已公布的报告</h1>
        <ol className="import-steps" aria-label="导入步骤">
          {(['source', 'review', 'done'] as const).map((s, i) => (
            <li key={s} className={s === step.name ? 'current' : undefined} aria-current={s === step.name ? 'step' : undefined}>
              {i + 1}. {{ source: '粘贴或选择文件', review: '核对', done: '完成' }[s]}
            </li>
          ))}
        </ol>
      </header>
      {step.name === 'source' ? (
        <SourceStep onParsed={(parsed, origin) => setStep({ name: 'review', parsed, origin })} onText={setPasted} />
      ) : step.name === 'review' ? (
        <ReviewStep
          key={step.origin}
          parsed={step.parsed}
          origin={step.origin}
          agency={agency}
          agencies={agencies}
          onBack={() => {
            setPasted(false);
            setStep({ name: 'source' });
          }}
          onConfirmed={async (confirmed) => {
            setPasted(false);
            setStep({ name: 'done', confirmed });
            // the current agency stays: the done step says where the report went and offers to switch
            if (confirmed.agency.id !== agency.id) await onAgenciesChanged();
          }}
        />
      ) : (
        <DoneStep confirmed={step.confirmed} current={agency} onChooseAgency={onChooseAgency} onAnother={() => setStep({ name: 'source' })} />
      )}
      {leaving !== null ? (
        <ConfirmDialog title="离开导入" confirmLabel="离开，不保存" danger onConfirm={() => leaveTo(leaving)} onCancel={() => setLeaving(null)}>
          <p>{LEAVE_QUESTION}</p>
          <p className="muted">{step.name === 'review' ? '读到的报告和您在核对时改过的数字都会丢掉。要保留，请取消，然后点「确认导入」。' : '粘贴的文字会丢掉。'}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
