import { NumberField } from '../../components/NumberField.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CheckField } from '../../components/CheckField.tsx';
import { ClientCertificateFields } from '../request/ClientCertificateFields.tsx';
import { HostCertificatesHint } from '../settings/HostCertificatesHint.tsx';
import type { WsDraftSettings } from './ws-draft.ts';

/** How the connection behaves: handshake timeout, pings, reconnects, certificates, and how Disconnect closes. */
export function WsSettingsPanel({ settings, onChange }: { settings: WsDraftSettings; onChange: (settings: WsDraftSettings) => void }) {
  const { t } = useI18n();
  const set = (patch: Partial<WsDraftSettings>) => onChange({ ...settings, ...patch });
  return (
    <div className="ws-form ws-settings">
      {/* Seconds in the UI, milliseconds in the draft. */}
      <NumberField
        label={t('ws.settings.connectTimeout')}
        testId="ws-connect-timeout"
        value={settings.connectTimeoutMs / 1000}
        max={600}
        commitOn="change"
        onValid={(seconds) => set({ connectTimeoutMs: Math.round(seconds * 1000) })}
      />
      <NumberField
        label={t('ws.settings.pingInterval')}
        testId="ws-ping-interval"
        value={settings.pingIntervalMs / 1000}
        max={3600}
        commitOn="change"
        onValid={(seconds) => set({ pingIntervalMs: Math.round(seconds * 1000) })}
      />
      <CheckField
        label={t('ws.settings.autoReconnect')}
        hint={t('ws.settings.autoReconnect.hint')}
        testId="ws-auto-reconnect"
        checked={settings.autoReconnect}
        onChange={(autoReconnect) => set({ autoReconnect })}
      />
      <CheckField
        label={t('ws.settings.tlsVerify')}
        hint={t('ws.settings.tlsVerify.hint')}
        testId="ws-tls-verify"
        checked={settings.tlsVerify}
        onChange={(tlsVerify) => set({ tlsVerify })}
      />
      <div className="ws-certificates form-grid" data-testid="ws-certificates">
        <ClientCertificateFields files={{ clientCert: settings.clientCert, caCert: settings.caCert }} onChange={set} />
        <p className="hint">{t('ws.settings.certificates.hint')}</p>
        <HostCertificatesHint className="hint" />
      </div>
      <div className="ws-close-fields">
        <label className="field">
          <span>{t('ws.settings.closeCode')}</span>
          <input
            type="number"
            min={1000}
            max={4999}
            data-testid="ws-close-code"
            defaultValue={settings.closeCode}
            onChange={(event) => {
              const code = Number(event.target.value);
              if (Number.isInteger(code)) set({ closeCode: code });
            }}
          />
        </label>
        <label className="field">
          <span>{t('ws.settings.closeReason')}</span>
          <input
            data-testid="ws-close-reason"
            maxLength={123}
            value={settings.closeReason}
            placeholder={t('ws.settings.closeReason.placeholder')}
            onChange={(event) => set({ closeReason: event.target.value })}
          />
        </label>
      </div>
      <p className="hint">{t('ws.settings.closeHint')}</p>
    </div>
  );
}
