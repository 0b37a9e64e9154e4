import { useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { HOST_PATTERN, type HostCertificate, type SettingsPatch } from '../../../../shared/model/settings.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CheckField } from '../../components/CheckField.tsx';
import { ClientCertificateFields } from '../request/ClientCertificateFields.tsx';

type HostProblem = 'hostNeeded' | 'hostInvalid' | 'hostTaken';

/**
 * Settings → Certificates: whether the operating system's CAs are trusted, and by host a client
 * certificate, a CA and/or "don't verify" for every HTTPS and WSS connection to it (as Postman's
 * certificate settings), used where a request sets none of its own. The list is edited here and saved whenever every host in it is valid; a row whose host is
 * missing or wrong says the list is not saved yet.
 */
export function HostCertificatesFields({
  entries: saved,
  trustSystem,
  apply,
}: {
  entries: HostCertificate[];
  /** Settings → Certificates also holds whether the operating system's CAs are trusted. */
  trustSystem: boolean;
  apply: (patch: SettingsPatch) => void;
}) {
  const { t } = useI18n();
  const [entries, setEntries] = useState(saved);
  const problems = entries.map((entry, index) => hostProblem(entry.host, entries, index));

  const change = (next: HostCertificate[]) => {
    setEntries(next);
    if (next.every((entry, index) => hostProblem(entry.host, next, index) === undefined)) apply({ hostCertificates: next });
  };
  const update = (index: number, patch: Partial<HostCertificate>) => {
    const merged = { ...entries[index]!, ...patch };
    // A cleared part is absent, not undefined, as the schema and settings.json have it.
    const entry = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as HostCertificate;
    change(entries.map((old, i) => (i === index ? entry : old)));
  };

  return (
    <fieldset className="field settings-group" data-testid="settings-certificates">
      <legend>{t('settings.certificates')}</legend>
      <CheckField
        label={t('settings.certificates.trustSystem')}
        testId="settings-trust-system-certificates"
        checked={trustSystem}
        onChange={(trustSystemCertificates) => apply({ trustSystemCertificates })}
      />
      <span className="hint">{t('settings.certificates.hint')}</span>
      {entries.map((entry, index) => {
        const problem = problems[index];
        return (
          // Rows have no id of their own; the index is stable while a row is edited.
          <div key={index} className="host-certificate" data-testid="host-certificate">
            <div className="host-certificate-head">
              <label className="field">
                <span>{t('settings.certificates.host')}</span>
                <input
                  type="text"
                  className="text-input"
                  data-testid="host-certificate-host"
                  value={entry.host}
                  placeholder={t('settings.certificates.hostPlaceholder')}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={problem !== undefined && problem !== 'hostNeeded'}
                  onChange={(event) => update(index, { host: event.target.value.trim() })}
                />
              </label>
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                data-testid="host-certificate-remove"
                onClick={() => change(entries.filter((_, i) => i !== index))}
              >
                <Trash2 size={14} aria-hidden /> {t('settings.certificates.remove')}
              </button>
            </div>
            {problem ? (
              <p className={problem === 'hostNeeded' ? 'hint' : 'field-problem'} data-testid="host-certificate-problem" role={problem === 'hostNeeded' ? undefined : 'alert'}>
                {t(`settings.certificates.${problem}`)}
              </p>
            ) : null}
            <CheckField
              label={t('settings.certificates.verify')}
              testId="host-certificate-verify"
              checked={entry.verifyTls !== false}
              onChange={(verify) => update(index, { verifyTls: verify ? undefined : false })}
            />
            <ClientCertificateFields
              files={{ clientCert: entry.clientCert, caCert: entry.caCert }}
              onChange={(files) => update(index, { clientCert: files.clientCert, caCert: files.caCert })}
            />
          </div>
        );
      })}
      <div>
        <button type="button" className="btn btn-sm btn-secondary" data-testid="host-certificate-add" onClick={() => setEntries([...entries, { host: '' }])}>
          <Plus size={14} aria-hidden /> {t('settings.certificates.add')}
        </button>
      </div>
    </fieldset>
  );
}

function hostProblem(host: string, entries: readonly HostCertificate[], index: number): HostProblem | undefined {
  if (host === '') return 'hostNeeded';
  if (!HOST_PATTERN.test(host)) return 'hostInvalid';
  const lower = host.toLowerCase();
  if (entries.some((other, i) => i < index && other.host.toLowerCase() === lower)) return 'hostTaken';
  return undefined;
}
