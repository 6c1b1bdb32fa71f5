import { useCallback, useState } from 'react';
import type { SaveAck } from '../../../core/api.js';
import { defaultIntro } from '../../../core/document/index.js';
import type { ProseKey, ReportData } from '../../../core/report/model.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ProseEditor } from './ProseEditor.js';
import { useProseSaver } from './useProseSaver.js';

interface Props {
  reportId: number;
  data: ReportData;
  cells: Readonly<Record<string, number>>;
  readOnly: boolean;
  track: (write: () => Promise<SaveAck>) => Promise<SaveAck | undefined>;
  onSaved: (key: ProseKey, text: string) => void;
}

/**
 * The 导语: generated from the agency's details (legal basis, the six parts, the statistics
 * period, where the electronic copy is, whom to ask) until the clerk changes it. An unchanged
 * 导语 is stored empty, so it keeps following the agency's details; 「重新生成」 returns to that.
 */
export function IntroBlock({ reportId, data, cells, readOnly, track, onSaved }: Props) {
  const stored = data.sections.intro ?? '';
  const generated = defaultIntro(data);
  const [auto, setAuto] = useState(!stored.trim());
  const [generation, setGeneration] = useState(0);
  const [asking, setAsking] = useState(false);
  const initial = auto ? generated : stored;
  const saver = useProseSaver(reportId, 'intro', initial, track, onSaved);

  const onChange = useCallback(
    (text: string) => {
      // edited back to exactly the generated text: stored empty again, so it keeps following the agency
      const generatedAgain = text === generated;
      setAuto(generatedAgain);
      saver.change(generatedAgain ? '' : text);
    },
    [saver, generated],
  );

  const regenerate = () => {
    setAsking(false);
    void saver.saveNow('', generated);
    setAuto(true);
    setGeneration((g) => g + 1);
  };

  return (
    <section className="intro-block" aria-label="导语">
      <div className="intro-head">
        <h3>导语</h3>
        <span className="muted">{auto ? '按机关信息自动生成，机关信息改了会跟着变' : '已改写'}</span>
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
        format={data.format}
        cells={cells}
        readOnly={readOnly}
        onChange={onChange}
        onBlur={() => void saver.flush()}
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
