import type { FileSource, RequestSettings } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { VariableField } from '../variables/VariableField.tsx';
import { onlyReferences } from '../variables/variable-text.ts';
import { FilePicker } from './FilePicker.tsx';

type ClientCert = NonNullable<RequestSettings['clientCert']>;

/** The certificate files of a request or a WebSocket connection; a cleared one is absent, not empty. */
export interface CertificateFiles {
  clientCert: ClientCert | undefined;
  caCert: FileSource | undefined;
}

/**
 * Client certificate (PEM certificate + key, or a PFX/P12 bundle, with a passphrase) and an extra
 * CA: the same rows for HTTP request settings and WebSocket settings.
 */
export function ClientCertificateFields({ files, onChange }: { files: CertificateFiles; onChange: (files: CertificateFiles) => void }) {
  const { t } = useI18n();
  const clientCert = files.clientCert ?? {};
  const passphrase = clientCert.passphrase ?? '';
  // `{{references}}` alone name a secret rather than hold one: they are shown (and coloured) like any field's.
  const passphraseMasked = !onlyReferences(passphrase);
  const setClientCert = (patch: Partial<ClientCert>) => {
    const next = Object.fromEntries(Object.entries({ ...clientCert, ...patch }).filter(([, value]) => value !== undefined && value !== ''));
    onChange({ ...files, clientCert: Object.keys(next).length > 0 ? (next as ClientCert) : undefined });
  };

  return (
    <>
      <div className="form-row">
        <span>{t('settings.request.clientCert')}</span>
        <div className="cert-pickers">
          <span className="hint">{t('settings.request.certPem')}</span>
          <FilePicker file={clientCert.cert} testId="setting-client-cert" label={t('settings.request.certPem')} onChange={(cert) => setClientCert({ cert })} />
          <span className="hint">{t('settings.request.keyPem')}</span>
          <FilePicker file={clientCert.key} testId="setting-client-key" label={t('settings.request.keyPem')} onChange={(key) => setClientCert({ key })} />
          <span className="hint">{t('settings.request.pfx')}</span>
          <FilePicker file={clientCert.pfx} testId="setting-client-pfx" label={t('settings.request.pfx')} onChange={(pfx) => setClientCert({ pfx })} />
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
        </div>
      </div>
      <div className="form-row">
        <span>{t('settings.request.caCert')}</span>
        <FilePicker file={files.caCert} testId="setting-ca-cert" label={t('settings.request.caCert')} onChange={(caCert) => onChange({ ...files, caCert })} />
      </div>
    </>
  );
}
