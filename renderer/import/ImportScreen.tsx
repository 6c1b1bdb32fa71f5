import { useState } from 'react';
import type { AgencyRecord, ImportConfirmed, ImportParsed } from '../../core/api.js';
import { navigate } from '../route.js';
import { DoneStep } from './DoneStep.js';
import { ReviewStep } from './ReviewStep.js';
import { SourceStep } from './SourceStep.js';
import './import.css';

interface Props {
  agency: AgencyRecord;
  agencies: AgencyRecord[];
  /** the import went to another agency (maybe a new one): make it the current one */
  onAgencyChanged: (id: number) => Promise<void>;
}

type Step = { name: 'source' } | { name: 'review'; parsed: ImportParsed; origin: string } | { name: 'done'; confirmed: ImportConfirmed };

/**
 * 「导入已公布的报告」 (issue 7): read a published report (pasted or from a file), review it beside
 * its source, correct it, confirm it as that year's report. Nothing is stored before 「确认导入」.
 */
export function ImportScreen({ agency, agencies, onAgencyChanged }: Props) {
  const [step, setStep] = useState<Step>({ name: 'source' });

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
        <SourceStep onParsed={(parsed, origin) => setStep({ name: 'review', parsed, origin })} />
      ) : step.name === 'review' ? (
        <ReviewStep
          key={step.origin}
          parsed={step.parsed}
          origin={step.origin}
          agency={agency}
          agencies={agencies}
          onBack={() => setStep({ name: 'source' })}
          onConfirmed={async (confirmed) => {
            setStep({ name: 'done', confirmed });
            if (confirmed.agency.id !== agency.id) await onAgencyChanged(confirmed.agency.id);
          }}
        />
      ) : (
        <DoneStep confirmed={step.confirmed} onAnother={() => setStep({ name: 'source' })} />
      )}
    </div>
  );
}
