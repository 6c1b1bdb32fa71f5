import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/errors.js';

export type SaveState = { kind: 'saved'; at?: string } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * Tracks the report's writes for the header's save indicator. Every write goes through `track`,
 * so 「已保存」 is only shown when nothing is in flight and the last write succeeded.
 */
export function useSaveState() {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const inFlight = useRef(0);
  const track = useCallback(async <T extends { savedAt: string }>(write: () => Promise<T>): Promise<T | undefined> => {
    inFlight.current += 1;
    setState({ kind: 'saving' });
    try {
      const result = await write();
      inFlight.current -= 1;
      if (inFlight.current === 0) setState({ kind: 'saved', at: result.savedAt });
      return result;
    } catch (err) {
      inFlight.current -= 1;
      setState({ kind: 'failed', message: errorMessage(err) });
      return undefined;
    }
  }, []);
  return { state, track };
}

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saving':
      return '正在保存…';
    case 'failed':
      return `没有保存：${state.message}`;
    case 'saved':
      return state.at ? `已保存 ${new Date(state.at).toLocaleTimeString('zh-CN')}` : '已保存';
  }
}
