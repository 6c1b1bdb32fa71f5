import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog.js';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question. Esc or 「取消」 cancels; focus starts on 「取消」 so Enter never destroys by accident. */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} onClose={onCancel} initialFocus={cancelRef}>
      <div className="dialog-body">{children}</div>
      <div className="actions">
        <button ref={cancelRef} onClick={onCancel}>
          取消
        </button>
        <button className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
