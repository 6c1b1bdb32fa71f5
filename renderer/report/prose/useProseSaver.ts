import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { SaveAck } from '../../../core/api.js';
import type { ProseKey } from '../../../core/report/model.js';
import { ApiFailure, call } from '../../api/client.js';
import { RETRY_MS } from '../table/saver.js';

/** How long typing may pause before the text is written; well inside the one-second promise. */
const SAVE_DELAY_MS = 400;

type Track = (write: () => Promise<SaveAck>) => Promise<SaveAck | undefined>;

/**
 * Every prose editor's pending write, so that 「保存版本」 can first write everything typed
 * (a version must hold what the clerk sees, not what was saved a moment ago).
 */
const pending = new Set<() => Promise<void>>();

export async function flushAllProse(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush()));
}

interface Waiting {
  resolve(ack: SaveAck): void;
  reject(err: unknown): void;
}

/**
 * Saves one prose part as it is typed: a short pause writes it, leaving the part or the window
 * writes what is pending at once. From the first keystroke the header says 「正在保存…」 until the
 * text is in the store, so 「已保存」 never shows while typed words are still only in the window.
 * `baseline` is the text the editor started from (for an automatic 导语 it is the generated text,
 * while the store holds an empty text).
 */
export function useProseSaver(
  reportId: number,
  key: ProseKey,
  baseline: string,
  track: Track,
  onSaved: (key: ProseKey, text: string) => void,
) {
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef<string | null>(null);
  const saved = useRef(baseline);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef<Waiting | null>(null);
  const deps = useRef({ reportId, key, track, onSaved });
  deps.current = { reportId, key, track, onSaved };

  /** Tells the header a write is coming. */
  const announce = useCallback(() => {
    if (waiting.current) return;
    void deps.current.track(
      () =>
        new Promise<SaveAck>((resolve, reject) => {
          waiting.current = { resolve, reject };
        }),
    );
  }, []);

  const write = useCallback((value: string): Promise<void> => {
    const previous = saved.current;
    saved.current = value;
    const { reportId: id, key: k, track: t, onSaved: done } = deps.current;
    const announced = waiting.current;
    waiting.current = null;
    let failure = '';
    const send = () =>
      call('section.set', { reportId: id, key: k, text: value }).catch((err: unknown) => {
        failure = err instanceof ApiFailure ? err.code : '';
        throw err;
      });
    const result: Promise<SaveAck | undefined> = announced
      ? send().then(
          (ack) => (announced.resolve(ack), ack),
          (err: unknown) => (announced.reject(err), undefined),
        )
      : t(send);
    const p = result.then((ack) => {
      if (ack) return done(k, value);
      // a failed write is tried again with the next change
      if (saved.current === value) saved.current = previous;
      // and, when storage failed (disk full, file read-only…), by itself until storage is back:
      // the text stays in the editor and the header says why it is not saved yet
      if (failure === 'storage') {
        latest.current ??= value;
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void retry.current(), RETRY_MS);
      }
    });
    inFlight.current = inFlight.current.then(() => p);
    return inFlight.current;
  }, []);

  const retry = useRef<() => Promise<void>>(() => Promise.resolve());
  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const value = latest.current;
    latest.current = null;
    if (value === null || value === saved.current) {
      // typed and undone: nothing to write, the header may say 已保存 again
      waiting.current?.resolve({ savedAt: new Date().toISOString(), revision: 0 });
      waiting.current = null;
      return inFlight.current;
    }
    return write(value);
  }, [write]);
  retry.current = flush;

  const change = useCallback(
    (text: string) => {
      latest.current = text;
      announce();
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, announce],
  );

  /** Writes a text now, whatever is pending (「重新生成」 the 导语). */
  const saveNow = useCallback(
    (text: string, baselineAfter = text): Promise<void> => {
      window.clearTimeout(timer.current);
      latest.current = null;
      const p = write(text);
      saved.current = baselineAfter;
      return p;
    },
    [write],
  );

  useEffect(() => {
    const onUnload = () => void flush();
    pending.add(flush);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      pending.delete(flush);
      window.removeEventListener('beforeunload', onUnload);
      void flush();
    };
  }, [flush]);

  return useMemo(() => ({ change, flush, saveNow }), [change, flush, saveNow]);
}
