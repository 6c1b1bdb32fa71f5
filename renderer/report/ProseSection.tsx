import { useEffect, useRef, useState } from 'react';
import type { SaveAck } from '../../core/api.js';
import { call } from '../api/client.js';

interface Props {
  reportId: number;
  sectionKey: 's1' | 's5' | 's6';
  initial: string;
  readOnly: boolean;
  track: (write: () => Promise<SaveAck>) => Promise<SaveAck | undefined>;
  onSaved: (text: string) => void;
}

/** How long typing may pause before the text is written; well inside the one-second promise. */
const SAVE_DELAY_MS = 400;

export function ProseSection({ reportId, sectionKey, initial, readOnly, track, onSaved }: Props) {
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(text);
  const saved = useRef(initial);

  const flush = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    if (value === saved.current) return;
    saved.current = value;
    void track(() => call('section.set', { reportId, key: sectionKey, text: value })).then((ack) => {
      if (ack) onSaved(value);
    });
  };

  // write what is pending when the section is left or the window closes
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, []);

  return (
    <div className="prose">
      <textarea
        aria-label="正文"
        value={text}
        readOnly={readOnly}
        placeholder="在这里写本部分的正文。每段一行。"
        onChange={(e) => {
          setText(e.target.value);
          latest.current = e.target.value;
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
        }}
        onBlur={flush}
      />
      <div className="prose-footer muted">{[...text.replace(/\s/g, '')].length} 字</div>
    </div>
  );
}
