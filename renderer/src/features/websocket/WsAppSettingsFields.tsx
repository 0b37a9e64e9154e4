import type { Settings, SettingsPatch } from '../../../../shared/model/settings.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const MB = 1024 * 1024;

/** The app-wide WebSocket settings, as fields of the Settings dialog: the log limit and the largest message. */
export function WsAppSettingsFields({ settings, apply }: { settings: Settings; apply: (patch: SettingsPatch) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label className="field">
        <span>{t('settings.wsLogLimit')}</span>
        <input
          type="number"
          min={100}
          max={10_000_000}
          data-testid="settings-ws-log-limit"
          defaultValue={settings.wsLogLimit}
          onBlur={(event) => {
            const limit = Number(event.target.value);
            if (Number.isInteger(limit) && limit >= 100 && limit <= 10_000_000) apply({ wsLogLimit: limit });
          }}
        />
      </label>
      <label className="field">
        <span>{t('settings.wsMaxMessage')}</span>
        <input
          type="number"
          min={1}
          max={1024}
          data-testid="settings-ws-max-message"
          defaultValue={settings.wsMaxMessageBytes / MB}
          onBlur={(event) => {
            const megabytes = Number(event.target.value);
            if (Number.isFinite(megabytes) && megabytes >= 1 && megabytes <= 1024) apply({ wsMaxMessageBytes: Math.round(megabytes * MB) });
          }}
        />
      </label>
    </>
  );
}
