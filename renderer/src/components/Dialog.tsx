import { useEffect, useId, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { IconButton } from './Button.tsx';

/** A modal <dialog>: focus is trapped and Escape closes it, natively. */
export function Dialog({
  open,
  onClose,
  title,
  closeLabel,
  testId,
  wide = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} className={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} data-testid={testId} onClose={onClose}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <IconButton label={closeLabel} onClick={onClose}>
          <X size={16} />
        </IconButton>
      </header>
      {open ? <div className="dialog-body">{children}</div> : null}
    </dialog>
  );
}
