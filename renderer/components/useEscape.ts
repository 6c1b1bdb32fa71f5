import { useEffect, useRef } from 'react';

/**
 * Esc closes the innermost open dialog, and only that one: dialogs opened from dialogs (a
 * comparison or a question over the version history) stack, and each Esc closes the top one.
 */

const stack: { current: () => void }[] = [];

function onKeyDown(e: KeyboardEvent): void {
  // an input method uses Esc to cancel what is being composed
  if (e.key !== 'Escape' || e.isComposing || !stack.length) return;
  e.preventDefault();
  stack.at(-1)!.current();
}

/** While mounted (and `active`), Esc calls `onClose` — when this is the innermost dialog. */
export function useEscape(onClose: () => void, active = true): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    if (!active) return;
    const entry = { current: () => latest.current() };
    if (!stack.length) window.addEventListener('keydown', onKeyDown);
    stack.push(entry);
    return () => {
      stack.splice(stack.indexOf(entry), 1);
      if (!stack.length) window.removeEventListener('keydown', onKeyDown);
    };
  }, [active]);
}
