import { useEffect } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useNotices } from '../collections/WorkspaceNotices.tsx';
import { secretStorageText } from './secret-storage-text.ts';
import { useSecretStorage } from './useSecretStorage.ts';

/**
 * Says once, at start, when secret values in the data folder cannot be read here (the folder came
 * from the desktop app, another computer, or a keychain that is locked) or were just moved into
 * encryption, so a variable without its value never goes unexplained.
 */
export function SecretStorageAlert() {
  const { t } = useI18n();
  const { notify } = useNotices();
  const status = useSecretStorage();
  useEffect(() => {
    if (!status) return;
    const { notice } = secretStorageText(status, t);
    if (notice) notify({ message: notice, tone: status.unreadable ? 'error' : 'info' });
  }, [status, notify, t]);
  return null;
}
