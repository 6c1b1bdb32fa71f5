import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/errors.js';

export interface FormAction {
  /** a call is on its way: the buttons that start another are disabled */
  busy: boolean;
  /** the sentence under the form: what to fill in, or why the call failed */
  error: string;
  setError(message: string): void;
  /**
   * Checks first (`validate` returns what to fix, or nothing), then makes the call with the form
   * busy; a failure becomes the error line. Resolves with the call's result, or undefined when
   * the check or the call failed.
   */
  run<T>(call: () => Promise<T>, validate?: () => string | undefined | false): Promise<T | undefined>;
}

/** The life of a form that calls the back end: validate → busy → call → error. */
export function useFormAction(): FormAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const running = useRef(false);
  const run = useCallback(async <T,>(call: () => Promise<T>, validate?: () => string | undefined | false): Promise<T | undefined> => {
    const problem = validate?.();
    if (problem) {
      setError(problem);
      return undefined;
    }
    // a double click sends one call
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError('');
    try {
      return await call();
    } catch (err) {
      setError(errorMessage(err));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
