import { useState, type ReactNode } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';

/**
 * Asks for a name (new collection, folder or request; rename). The dialog stays open with the
 * engine's reason when the name is refused (taken, reserved, not a valid file name).
 */
export function NameDialog({
  title,
  initial = '',
  confirmLabel,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  initial?: string;
  confirmLabel: string;
  /** Resolves to an error to show, or undefined when done. */
  onSubmit: (name: string) => Promise<ShuttleError | undefined>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<ShuttleError>();
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open onClose={onClose} title={title} closeLabel={t('workspace.cancel')} testId="name-dialog">
      <form
        className="name-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '' || busy) return;
          setBusy(true);
          void onSubmit(name.trim()).then((error) => {
            setBusy(false);
            if (error) setProblem(error);
            else onClose();
          });
        }}
      >
        {children}
        <label className="field">
          <span className="field-label">{t('workspace.name')}</span>
          <input
            className="text-input"
            data-testid="name-input"
            value={name}
            autoFocus
            spellCheck={false}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(undefined);
            }}
          />
        </label>
        {problem ? (
          <p className="field-problem" role="alert" data-testid="name-problem">
            {errorSentence(t, problem)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button variant="ghost" onClick={onClose}>
            {t('workspace.cancel')}
          </Button>
          <Button variant="primary" type="submit" data-testid="name-confirm" disabled={name.trim() === '' || busy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
