import type { SecretStorageStatus } from '../../../../shared/model/secrets.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';

/** The sentences the UI shows about secret values: how they are kept, and anything the person should know. */
export interface SecretStorageText {
  protection: string;
  /** Values that cannot be read here, or that were just moved into encryption. */
  notice?: string;
}

/** What the sentences are about: secret variables, or a client certificate's passphrase and key or bundle. */
export type SecretSubject = 'variables' | 'certificate';

const PROTECTION = {
  variables: { encrypted: 'secrets.encrypted', plainFile: 'secrets.plainFile', plainNoKeyring: 'secrets.plainNoKeyring' },
  certificate: { encrypted: 'secrets.certificate.encrypted', plainFile: 'secrets.certificate.plainFile', plainNoKeyring: 'secrets.certificate.plainNoKeyring' },
} as const satisfies Record<SecretSubject, Record<'encrypted' | 'plainFile' | 'plainNoKeyring', MessageKey>>;

/**
 * The notice speaks of variables; beside a certificate, a part that cannot be read here is named at
 * its own field instead ("not on this machine").
 */
export function secretStorageText(status: SecretStorageStatus, t: Translate, subject: SecretSubject = 'variables'): SecretStorageText {
  const keys = PROTECTION[subject];
  const protection = t(status.protection === 'os-encryption' ? keys.encrypted : status.plainReason === 'no-keyring' ? keys.plainNoKeyring : keys.plainFile);
  if (subject !== 'variables') return { protection };
  const notices: string[] = [];
  if (status.unreadable) {
    const key = status.unreadable.reason === 'encrypted-elsewhere' ? 'secrets.encryptedElsewhere' : 'secrets.cannotDecrypt';
    notices.push(t(key, { count: status.unreadable.count }));
  }
  if (status.movedToEncryption) notices.push(t('secrets.movedToEncryption', { count: status.movedToEncryption }));
  return notices.length > 0 ? { protection, notice: notices.join(' ') } : { protection };
}
