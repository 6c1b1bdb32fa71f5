import { FormError } from './Dialog.js';

interface Props {
  /** what went wrong with the last try, in Chinese; nothing shows while it is empty */
  error: string;
  /** a call is on its way: the submit button waits */
  busy: boolean;
  /** the submit button's words (「保存」, 「保存为纸质已收」…) */
  submit: string;
  /** absent: the form has no 取消 (a first-time setup that must be filled) */
  onCancel?(): void;
}

/**
 * The foot of every small form: the error line read out when it appears, then 取消 and the
 * submit button. One place, so the forms of the county screens look and behave alike.
 */
export function FormFooter({ error, busy, submit, onCancel }: Props) {
  return (
    <>
      <FormError message={error} className="error" />
      <div className="actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            取消
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {submit}
        </button>
      </div>
    </>
  );
}
