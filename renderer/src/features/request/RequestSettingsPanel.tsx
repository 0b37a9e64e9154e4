import { HTTP_VERSIONS, unavailableCertificateSecrets, type RequestSettings } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { VariableField } from '../variables/VariableField.tsx';
import { HostCertificatesHint } from '../settings/HostCertificatesHint.tsx';
import { ClientCertificateFields } from './ClientCertificateFields.tsx';

/** Settings the request leaves unset that a collection or folder sets: the value that applies, and the name of where it is set. */
export type InheritedSettingValues = { [K in keyof RequestSettings]?: { value: NonNullable<RequestSettings[K]>; from: string } };

/**
 * Transport settings for this request only; empty fields fall back to what the collection and its
 * folders set (`inherited`, shown with where it comes from), then to the app's settings.
 */
export function RequestSettingsPanel({
  settings,
  onChange,
  inherited = {},
}: {
  settings: RequestSettings;
  onChange: (settings: RequestSettings) => void;
  inherited?: InheritedSettingValues;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<RequestSettings>) => {
    const next: Record<string, unknown> = { ...settings, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as RequestSettings);
  };
  /** The inherited value of a setting this request leaves unset. */
  const fallback = <K extends keyof RequestSettings>(key: K) => (settings[key] === undefined ? inherited[key] : undefined);
  const note = (key: keyof RequestSettings) => {
    const from = fallback(key)?.from;
    return from === undefined ? null : (
      <small className="inherited-note" data-testid="setting-inherited" data-key={key}>
        {t('settings.request.inheritedFrom', { name: from })}
      </small>
    );
  };
  // A choice equal to what applies anyway (inherited, else the default) is left unset, so it keeps following the parent.
  const choose = <K extends 'followRedirects' | 'verifyTls' | 'httpVersion'>(key: K, value: NonNullable<RequestSettings[K]>, otherwise: NonNullable<RequestSettings[K]>) =>
    set({ [key]: value === (inherited[key]?.value ?? otherwise) ? undefined : value });
  const followRedirects = settings.followRedirects ?? inherited.followRedirects?.value ?? true;
  const verifyTls = settings.verifyTls ?? inherited.verifyTls?.value ?? true;
  const inheritedTimeout = fallback('timeoutMs');
  const inheritedCertificate = fallback('clientCert');

  return (
    <div className="panel-stack form-grid" data-testid="request-settings">
      <label className="form-row">
        <span>
          {t('settings.request.timeout')}
          {note('timeoutMs')}
        </span>
        <input
          className="text-input narrow"
          type="number"
          min={0}
          data-testid="setting-timeout"
          placeholder={inheritedTimeout ? String(inheritedTimeout.value / 1000) : t('settings.request.default')}
          value={settings.timeoutMs === undefined ? '' : settings.timeoutMs / 1000}
          onChange={(event) => set({ timeoutMs: event.target.value === '' ? undefined : Math.max(0, Math.round(Number(event.target.value) * 1000)) })}
        />
      </label>
      <label className="form-row checkbox-row">
        <input type="checkbox" data-testid="setting-follow-redirects" checked={followRedirects} onChange={(event) => choose('followRedirects', event.target.checked, true)} />
        <span>
          {t('settings.request.followRedirects')}
          {note('followRedirects')}
        </span>
      </label>
      <label className="form-row">
        <span>
          {t('settings.request.maxRedirects')}
          {note('maxRedirects')}
        </span>
        <input
          className="text-input narrow"
          type="number"
          min={0}
          max={100}
          data-testid="setting-max-redirects"
          placeholder={String(fallback('maxRedirects')?.value ?? 10)}
          value={settings.maxRedirects ?? ''}
          onChange={(event) => set({ maxRedirects: event.target.value === '' ? undefined : Math.min(100, Math.max(0, Math.round(Number(event.target.value)))) })}
        />
      </label>
      <label className="form-row checkbox-row">
        <input type="checkbox" data-testid="setting-verify-tls" checked={verifyTls} onChange={(event) => choose('verifyTls', event.target.checked, true)} />
        <span>
          {t('settings.request.verifyTls')}
          {note('verifyTls')}
        </span>
      </label>
      {!verifyTls ? <p className="panel-hint warning">{t('settings.request.verifyTlsOff')}</p> : null}
      <label className="form-row">
        <span>
          {t('settings.request.httpVersion')}
          {note('httpVersion')}
        </span>
        <select
          className="compact-select"
          data-testid="setting-http-version"
          value={settings.httpVersion ?? inherited.httpVersion?.value ?? 'auto'}
          onChange={(event) => choose('httpVersion', event.target.value as NonNullable<RequestSettings['httpVersion']>, 'auto')}
        >
          {HTTP_VERSIONS.map((version) => (
            <option key={version} value={version}>
              {t(`settings.request.httpVersion.${version}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form-row">
        <span>
          {t('settings.request.proxy')}
          {note('proxyUrl')}
        </span>
        <VariableField value={settings.proxyUrl ?? ''}>
          <input
            className="text-input"
            data-testid="setting-proxy"
            placeholder={fallback('proxyUrl')?.value ?? t('settings.request.proxyPlaceholder')}
            spellCheck={false}
            autoComplete="off"
            value={settings.proxyUrl ?? ''}
            onChange={(event) => set({ proxyUrl: event.target.value || undefined })}
          />
        </VariableField>
      </label>
      <label className="form-row">
        <span>
          {t('settings.request.noProxy')}
          {note('noProxy')}
        </span>
        <VariableField value={settings.noProxy ?? ''}>
          <input
            className="text-input"
            data-testid="setting-no-proxy"
            placeholder={fallback('noProxy')?.value ?? 'localhost, .internal.example'}
            spellCheck={false}
            autoComplete="off"
            value={settings.noProxy ?? ''}
            onChange={(event) => set({ noProxy: event.target.value || undefined })}
          />
        </VariableField>
      </label>
      <ClientCertificateFields files={{ clientCert: settings.clientCert, caCert: settings.caCert }} onChange={set} />
      {fallback('clientCert') || fallback('caCert') ? (
        <p className="panel-hint" data-testid="setting-inherited" data-key="certificates">
          {t('settings.request.inheritedCertificates', { name: (fallback('clientCert') ?? fallback('caCert'))!.from })}
        </p>
      ) : null}
      {inheritedCertificate && unavailableCertificateSecrets(inheritedCertificate.value).length > 0 ? (
        <p className="panel-hint warning" data-testid="setting-inherited-secret-missing">
          {t('settings.request.inheritedCertificateMissing', { name: inheritedCertificate.from })}
        </p>
      ) : null}
      <HostCertificatesHint className="panel-hint" />
    </div>
  );
}
