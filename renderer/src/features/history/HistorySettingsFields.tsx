import type { Settings, SettingsPatch } from '../../../../shared/model/settings.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CheckField } from '../../components/CheckField.tsx';

const KB = 1024;
const MB = 1024 * 1024;

/** History settings in the Settings dialog: retention limits, the body cap and extra secret headers. */
export function HistorySettingsFields({ settings, apply }: { settings: Settings; apply: (patch: SettingsPatch) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="field settings-group" data-testid="settings-history">
      <legend>{t('settings.history')}</legend>
      <CheckField
        label={t('settings.history.recording')}
        testId="settings-history-recording"
        checked={settings.historyRecording}
        onChange={(historyRecording) => apply({ historyRecording })}
      />
      <NumberField
        label={t('settings.history.maxEntries')}
        testId="settings-history-max-entries"
        value={settings.historyMaxEntries}
        max={100_000_000}
        onValid={(entries) => apply({ historyMaxEntries: Math.round(entries) })}
      />
      <NumberField
        label={t('settings.history.maxAgeDays')}
        testId="settings-history-max-age"
        value={settings.historyMaxAgeDays}
        max={36_500}
        onValid={(days) => apply({ historyMaxAgeDays: Math.round(days) })}
      />
      <NumberField
        label={t('settings.history.maxMegabytes')}
        testId="settings-history-max-size"
        value={Math.round(settings.historyMaxBytes / MB)}
        max={1024 * 1024}
        onValid={(megabytes) => apply({ historyMaxBytes: Math.round(megabytes * MB) })}
      />
      <NumberField
        label={t('settings.history.bodyKilobytes')}
        testId="settings-history-body-cap"
        value={Math.round(settings.historyMaxBodyBytes / KB)}
        max={256 * 1024}
        onValid={(kilobytes) => apply({ historyMaxBodyBytes: Math.round(kilobytes * KB) })}
      />
      <label className="field">
        <span>{t('settings.history.secretHeaders')}</span>
        <input
          type="text"
          data-testid="settings-history-secret-headers"
          defaultValue={settings.historySecretHeaders.join(', ')}
          placeholder="X-Session-Token, X-Signature"
          spellCheck={false}
          onBlur={(event) =>
            apply({
              historySecretHeaders: event.target.value
                .split(',')
                .map((name) => name.trim())
                .filter((name) => name !== ''),
            })
          }
        />
        <span className="hint">{t('settings.history.secretHint')}</span>
      </label>
    </fieldset>
  );
}
