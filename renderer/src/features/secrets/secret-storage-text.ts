import type { SecretStorageStatus } from '../../../../shared/model/secrets.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';

/** The sentences the UI shows about secret values: how they are kept, and anything the person should know. */
export interface SecretStorageText {
  protection: string;
  /** Values that cannot be read here, or that were just moved into encryption. */
  notice?: string;
}

export function secretStorageText(status: SecretStorageStatus, t: Translate): SecretStorageText {
  const protection =
    status.protection === 'os-encryption'
      ? t('secrets.encrypted')
      : status.plainReason === 'no-keyring'
        ? t('secrets.plainNoKeyring')
        : t('secrets.plainFile');
  const notices: string[] = [];
  if (status.unreadable) {
    const key = status.unreadable.reason === 'encrypted-elsewhere' ? 'secrets.encryptedElsewhere' : 'secrets.cannotDecrypt';
    notices.push(t(key, { count: status.unreadable.count }));
  }
  if (status.movedToEncryption) notices.push(t('secrets.movedToEncryption', { count: status.movedToEncryption }));
  return notices.length > 0 ? { protection, notice: notices.join(' ') } : { protection };
}
