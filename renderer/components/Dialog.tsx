import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useEscape } from './useEscape.js';

/**
 * Every modal of the window: a backdrop, a panel that is `role="dialog"` and `aria-modal`, Esc
 * to close (the innermost one only), the keyboard kept inside while it is open (Tab wraps), the
 * focus on the right field when it opens and back on what opened it when it closes.
 *
 * Three looks: a centred `dialog`, a `drawer` from the right (the version history), and the
 * full-window `preview` (the print preview).
 */

export type DialogKind = 'dialog' | 'drawer' | 'preview';

const BACKDROP: Record<DialogKind, string> = { dialog: 'backdrop', drawer: 'drawer-backdrop', preview: 'preview-backdrop' };
const PANEL: Record<DialogKind, string> = { dialog: 'dialog', drawer: 'drawer', preview: 'print-preview' };

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

interface Props {
  /** what a screen reader announces, and the heading unless `heading` is false */
  title: string;
  onClose(): void;
  kind?: DialogKind;
  /** more classes on the panel */
  className?: string;
  /** makes the panel a form: Enter in a field submits */
  onSubmit?(e: FormEvent<HTMLFormElement>): void;
  /** where the keyboard starts; else the field marked autoFocus, else the first control */
  initialFocus?: RefObject<HTMLElement | null>;
  /** a click on the backdrop closes too (drawers and pickers; never a form with typing in it) */
  closeOnBackdrop?: boolean;
  /** false: the children draw their own heading (toolbars) */
  heading?: boolean;
  onKeyDown?(e: KeyboardEvent<HTMLElement>): void;
  children: ReactNode;
}

export function Dialog({ title, onClose, kind = 'dialog', className, onSubmit, initialFocus, closeOnBackdrop, heading = true, onKeyDown, children }: Props) {
  const panel = useRef<HTMLElement>(null);
  // what had the focus before the dialog opened (read while rendering, before autoFocus moves it)
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEscape(onClose);

  useEffect(() => {
    const box = panel.current;
    if (initialFocus?.current) initialFocus.current.focus();
    // a field with autoFocus has the focus already
    else if (box && !box.contains(document.activeElement)) box.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      // back to what opened it, unless something else took the focus meanwhile (a cell asked for)
      const now = document.activeElement;
      if (!now || now === document.body || box?.contains(now)) opener?.focus?.();
    };
    // once, when the dialog opens
  }, []);

  /** Tab and Shift+Tab go round inside the dialog. */
  const keepFocusInside = (e: KeyboardEvent<HTMLElement>) => {
    onKeyDown?.(e);
    if (e.key !== 'Tab' || e.defaultPrevented || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (!items.length) return;
    const first = items[0]!;
    const last = items.at(-1)!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const common = {
    className: [PANEL[kind], className].filter(Boolean).join(' '),
    role: 'dialog',
    'aria-modal': true,
    'aria-label': title,
    onKeyDown: keepFocusInside,
  } as const;
  const body = (
    <>
      {heading && <h2>{title}</h2>}
      {children}
    </>
  );
  return (
    <div className={BACKDROP[kind]} role="presentation" onMouseDown={closeOnBackdrop ? (e) => e.target === e.currentTarget && onClose() : undefined}>
      {onSubmit ? (
        <form {...common} ref={panel as RefObject<HTMLFormElement>} onSubmit={onSubmit} noValidate>
          {body}
        </form>
      ) : kind === 'drawer' ? (
        <aside {...common} ref={panel}>
          {body}
        </aside>
      ) : (
        <div {...common} ref={panel as RefObject<HTMLDivElement>}>
          {body}
        </div>
      )}
    </div>
  );
}

/** The line under a form that says what to fix or why it failed; read out when it appears. */
export function FormError({ message, className = 'form-error' }: { message: string; className?: string }) {
  if (!message) return null;
  return (
    <p className={className} role="alert">
      {message}
    </p>
  );
}
