import { HTTP_VERSIONS, type RequestSettings } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FilePicker } from './FilePicker.tsx';

/** Transport settings for this request only; empty fields fall back to the app's settings. */
export function RequestSettingsPanel({ settings, onChange }: { settings: RequestSettings; onChange: (settings: RequestSettings) => void }) {
  const { t } = useI18n();
  const set = (patch: Partial<RequestSettings>) => {
    const next: Record<string, unknown> = { ...settings, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as RequestSettings);
  };
  const clientCert = settings.clientCert ?? {};

  return (
    <div className="panel-stack form-grid" data-testid="request-settings">
      <label className="form-row">
        <span>{t('settings.request.timeout')}</span>
        <input
          className="text-input narrow"
          type="number"
          min={0}
          data-testid="setting-timeout"
          placeholder={t('settings.request.default')}
          value={settings.timeoutMs === undefined ? '' : settings.timeoutMs / 1000}
          onChange={(event) => set({ timeoutMs: event.target.value === '' ? undefined : Math.max(0, Math.round(Number(event.target.value) * 1000)) })}
        />
      </label>
      <label className="form-row checkbox-row">
        <input type="checkbox" data-testid="setting-follow-redirects" checked={settings.followRedirects !== false} onChange={(event) => set({ followRedirects: event.target.checked ? undefined : false })} />
        <span>{t('settings.request.followRedirects')}</span>
      </label>
      <label className="form-row">
        <span>{t('settings.request.maxRedirects')}</span>
        <input
          className="text-input narrow"
          type="number"
          min={0}
          max={100}
          data-testid="setting-max-redirects"
          placeholder="10"
          value={settings.maxRedirects ?? ''}
          onChange={(event) => set({ maxRedirects: event.target.value === '' ? undefined : Math.min(100, Math.max(0, Math.round(Number(event.target.value)))) })}
        />
      </label>
      <label className="form-row checkbox-row">
        <input type="checkbox" data-testid="setting-verify-tls" checked={settings.verifyTls !== false} onChange={(event) => set({ verifyTls: event.target.checked ? undefined : false })} />
        <span>{t('settings.request.verifyTls')}</span>
      </label>
      {settings.verifyTls === false ? <p className="panel-hint warning">{t('settings.request.verifyTlsOff')}</p> : null}
      <label className="form-row">
        <span>{t('settings.request.httpVersion')}</span>
        <select className="compact-select" data-testid="setting-http-version" value={settings.httpVersion ?? 'auto'} onChange={(event) => set({ httpVersion: event.target.value === 'auto' ? undefined : (event.target.value as RequestSettings['httpVersion']) })}>
          {HTTP_VERSIONS.map((version) => (
            <option key={version} value={version}>
              {t(`settings.request.httpVersion.${version}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form-row">
        <span>{t('settings.request.proxy')}</span>
        <input className="text-input" data-testid="setting-proxy" placeholder={t('settings.request.proxyPlaceholder')} spellCheck={false} value={settings.proxyUrl ?? ''} onChange={(event) => set({ proxyUrl: event.target.value || undefined })} />
      </label>
      <label className="form-row">
        <span>{t('settings.request.noProxy')}</span>
        <input className="text-input" data-testid="setting-no-proxy" placeholder="localhost, .internal.example" spellCheck={false} value={settings.noProxy ?? ''} onChange={(event) => set({ noProxy: event.target.value || undefined })} />
      </label>
      <div className="form-row">
        <span>{t('settings.request.clientCert')}</span>
        <div className="cert-pickers">
          <span className="hint">{t('settings.request.certPem')}</span>
          <FilePicker file={clientCert.cert} testId="setting-client-cert" label={t('settings.request.certPem')} onChange={(cert) => set({ clientCert: { ...clientCert, cert } })} />
          <span className="hint">{t('settings.request.keyPem')}</span>
          <FilePicker file={clientCert.key} testId="setting-client-key" label={t('settings.request.keyPem')} onChange={(key) => set({ clientCert: { ...clientCert, key } })} />
          <span className="hint">{t('settings.request.pfx')}</span>
          <FilePicker file={clientCert.pfx} testId="setting-client-pfx" label={t('settings.request.pfx')} onChange={(pfx) => set({ clientCert: { ...clientCert, pfx } })} />
          <input className="text-input" type="password" autoComplete="off" placeholder={t('settings.request.passphrase')} value={clientCert.passphrase ?? ''} onChange={(event) => set({ clientCert: { ...clientCert, passphrase: event.target.value || undefined } })} />
        </div>
      </div>
      <div className="form-row">
        <span>{t('settings.request.caCert')}</span>
        <FilePicker file={settings.caCert} testId="setting-ca-cert" label={t('settings.request.caCert')} onChange={(caCert) => set({ caCert })} />
      </div>
    </div>
  );
}
