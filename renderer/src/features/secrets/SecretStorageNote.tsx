import { AlertTriangle } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { secretStorageText, type SecretSubject } from './secret-storage-text.ts';
import { useSecretStorage } from './useSecretStorage.ts';

/**
 * Beside variables that can be secret (or a client certificate's passphrase and key): where their
 * values are kept, how safely, and any values that cannot be read here.
 */
export function SecretStorageNote({ subject = 'variables' }: { subject?: SecretSubject }) {
  const { t } = useI18n();
  const status = useSecretStorage();
  if (!status) return null;
  const text = secretStorageText(status, t, subject);
  return (
    <div className="secret-storage-note" data-testid="secret-storage-note" data-subject={subject} data-protection={status.protection}>
      <p className="panel-hint">{text.protection}</p>
      {text.notice ? (
        <p className="panel-hint warning secret-storage-notice" data-testid="secret-storage-notice">
          <AlertTriangle size={13} aria-hidden /> {text.notice}
        </p>
      ) : null}
    </div>
  );
}
