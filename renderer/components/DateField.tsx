import { useState } from 'react';
import { formatDateZh, parseDateText } from './date.js';

interface Props {
  /** yyyy-mm-dd, or '' */
  value: string;
  /** yyyy-mm-dd when the text names a day; '' when emptied; else the text as typed (the form says it is wrong) */
  onChange(value: string): void;
  'aria-label'?: string;
  autoFocus?: boolean;
}

/**
 * A date box that reads 2026-01-15 or 2026年1月15日 (and 2026.1.15, full-width digits) and shows
 * 「2026年1月15日」, whatever the computer's locale: not the browser's `mm/dd/yyyy` date input.
 */
export function DateField({ value, onChange, autoFocus, ...rest }: Props) {
  const [text, setText] = useState(() => formatDateZh(value));
  const [editing, setEditing] = useState(false);
  const shown = editing ? text : formatDateZh(value);
  const bad = text.trim() !== '' && parseDateText(text) === null;
  return (
    <span className="date-field">
      <input
        {...rest}
        autoFocus={autoFocus}
        value={shown}
        placeholder="例如 2026年1月15日"
        inputMode="numeric"
        aria-invalid={bad || undefined}
        onFocus={() => {
          setText(formatDateZh(value));
          setEditing(true);
        }}
        onBlur={() => setEditing(false)}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDateText(e.target.value);
          onChange(e.target.value.trim() === '' ? '' : (iso ?? e.target.value));
        }}
      />
      {editing && bad ? <small className="field-hint">请写成 2026-01-15 或 2026年1月15日</small> : null}
    </span>
  );
}
