import { unavailableCertificateSecrets, type ClientCertificate, type ClientCertSecret, type FileSource } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SecretStorageNote } from '../secrets/SecretStorageNote.tsx';
import { VariableField } from '../variables/VariableField.tsx';
import { onlyReferences } from '../variables/variable-text.ts';
import { FilePicker } from './FilePicker.tsx';

/** The certificate files of a request or a WebSocket connection; a cleared one is absent, not empty. */
export interface CertificateFiles {
  clientCert: ClientCertificate | undefined;
  caCert: FileSource | undefined;
}

/**
 * Client certificate (PEM certificate + key, or a PFX/P12 bundle, with a passphrase) and an extra
 * CA: the same rows for HTTP request settings and WebSocket settings. A saved request keeps the
 * passphrase and a chosen key or bundle outside the workspace (the note says where); one opened
 * where those are not kept says so at each field until it is entered again.
 */
export function ClientCertificateFields({ files, onChange }: { files: CertificateFiles; onChange: (files: CertificateFiles) => void }) {
  const { t } = useI18n();
  const clientCert = files.clientCert ?? {};
  const passphrase = clientCert.passphrase ?? '';
  // `{{references}}` alone name a secret rather than hold one: they are shown (and coloured) like any field's.
  const passphraseMasked = !onlyReferences(passphrase);
  const unavailable = new Set(unavailableCertificateSecrets(clientCert));
  const setClientCert = (patch: Partial<ClientCertificate>) => {
    const merged: Partial<ClientCertificate> = { ...clientCert, ...patch };
    // A part entered (or cleared) again is no longer missing here.
    const parts = clientCert.missingSecrets?.parts.filter((part) => !(part in patch));
    merged.missingSecrets = parts?.length ? { ...clientCert.missingSecrets!, parts } : undefined;
    const next = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value !== ''));
    onChange({ ...files, clientCert: Object.keys(next).length > 0 ? (next as ClientCertificate) : undefined });
  };
  const missingNote = (part: ClientCertSecret) =>
    unavailable.has(part) ? (
      <span className="hint warning" data-testid="setting-client-secret-missing" data-part={part}>
        {t(part === 'passphrase' ? 'settings.request.passphraseMissing' : 'settings.request.fileMissing')}
      </span>
    ) : null;

  return (
    <>
      <div className="form-row">
        <span>{t('settings.request.clientCert')}</span>
        <div className="cert-pickers">
          <span className="hint">{t('settings.request.certPem')}</span>
          <FilePicker file={clientCert.cert} testId="setting-client-cert" label={t('settings.request.certPem')} onChange={(cert) => setClientCert({ cert })} />
          <span className="hint">{t('settings.request.keyPem')}</span>
          <FilePicker
            file={clientCert.key}
            bytesElsewhere={unavailable.has('key')}
            testId="setting-client-key"
            label={t('settings.request.keyPem')}
            onChange={(key) => setClientCert({ key })}
          />
          {missingNote('key')}
          <span className="hint">{t('settings.request.pfx')}</span>
          <FilePicker
            file={clientCert.pfx}
            bytesElsewhere={unavailable.has('pfx')}
            testId="setting-client-pfx"
            label={t('settings.request.pfx')}
            onChange={(pfx) => setClientCert({ pfx })}
          />
          {missingNote('pfx')}
          <VariableField value={passphrase} masked={passphraseMasked}>
            <input
              className="text-input"
              type={passphraseMasked ? 'password' : 'text'}
              autoComplete="off"
              data-testid="setting-client-passphrase"
              aria-label={t('settings.request.passphrase')}
              placeholder={t('settings.request.passphrase')}
              value={passphrase}
              onChange={(event) => setClientCert({ passphrase: event.target.value })}
            />
          </VariableField>
          {missingNote('passphrase')}
          <SecretStorageNote subject="certificate" />
        </div>
      </div>
      <div className="form-row">
        <span>{t('settings.request.caCert')}</span>
        <FilePicker file={files.caCert} testId="setting-ca-cert" label={t('settings.request.caCert')} onChange={(caCert) => onChange({ ...files, caCert })} />
      </div>
    </>
  );
}
