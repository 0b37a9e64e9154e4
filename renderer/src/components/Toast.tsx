import { useEffect } from 'react';
import { X } from 'lucide-react';
import { IconButton } from './Button.tsx';

/** A short notice at the bottom of the window, with one optional action (Undo); it goes away by itself. */
export function Toast({
  message,
  actionLabel,
  onAction,
  onDismiss,
  closeLabel,
  tone = 'info',
  testId,
  timeoutMs = 8_000,
}: {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onDismiss: () => void;
  closeLabel: string;
  tone?: 'info' | 'error';
  testId: string;
  timeoutMs?: number;
}) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [onDismiss, timeoutMs, message]);
  return (
    <div className={`toast toast-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="toast-message">{message}</span>
      {actionLabel && onAction ? (
        <button type="button" className="toast-action" data-testid={`${testId}-action`} onClick={onAction}>
          {actionLabel}
        </button>
      ) : null}
      <IconButton label={closeLabel} className="toast-close" onClick={onDismiss}>
        <X size={14} />
      </IconButton>
    </div>
  );
}
