import type { Settings, SettingsPatch } from '../../../../shared/model/settings.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const MB = 1024 * 1024;

/** The app-wide WebSocket settings, as fields of the Settings dialog: the log limit and the largest message. */
export function WsAppSettingsFields({ settings, apply }: { settings: Settings; apply: (patch: SettingsPatch) => void }) {
  const { t } = useI18n();
  return (
    <>
      <NumberField
        label={t('settings.wsLogLimit')}
        testId="settings-ws-log-limit"
        value={settings.wsLogLimit}
        min={100}
        max={10_000_000}
        integer
        onValid={(limit) => apply({ wsLogLimit: limit })}
      />
      <NumberField
        label={t('settings.wsMaxMessage')}
        testId="settings-ws-max-message"
        value={settings.wsMaxMessageBytes / MB}
        min={1}
        max={1024}
        onValid={(megabytes) => apply({ wsMaxMessageBytes: Math.round(megabytes * MB) })}
      />
    </>
  );
}
