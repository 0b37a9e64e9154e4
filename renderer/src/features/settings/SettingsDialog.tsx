import { useState } from 'react';
import { LANGUAGES, THEMES, type SettingsPatch } from '../../../../shared/model/settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { NumberField } from '../../components/NumberField.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSettings } from '../../state/SettingsContext.tsx';
import { WsAppSettingsFields } from '../websocket/WsAppSettingsFields.tsx';
import { HistorySettingsFields } from '../history/HistorySettingsFields.tsx';
import { HostCertificatesFields } from './HostCertificatesFields.tsx';

const LANGUAGE_NAMES: Record<Exclude<(typeof LANGUAGES)[number], 'system'>, string> = { en: 'English', 'zh-CN': '简体中文' };

/** App settings: language, theme, request timeout, WebSocket and history limits, certificates by host. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  const [problem, setProblem] = useState<string>();

  const apply = async (patch: SettingsPatch) => {
    const error = await update(patch);
    setProblem(error ? t('settings.saveFailed', { message: error.message }) : undefined);
  };

  return (
    <Dialog open={open} onClose={onClose} title={t('settings.title')} closeLabel={t('settings.close')} testId="settings-dialog">
        <label className="field">
          <span>{t('settings.language')}</span>
          <select data-testid="settings-language" value={settings.language} onChange={(event) => void apply({ language: event.target.value as SettingsPatch['language'] })}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language === 'system' ? t('settings.language.system') : LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t('settings.theme')}</legend>
          <div className="segmented" data-testid="settings-theme">
            {THEMES.map((theme) => (
              <label key={theme} className={settings.theme === theme ? 'segment selected' : 'segment'}>
                <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void apply({ theme })} />
                {t(`settings.theme.${theme}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <NumberField
          label={t('settings.timeout')}
          testId="settings-timeout"
          value={settings.requestTimeoutMs / 1000}
          max={86400}
          onValid={(seconds) => void apply({ requestTimeoutMs: Math.round(seconds * 1000) })}
        />
        <WsAppSettingsFields settings={settings} apply={(patch) => void apply(patch)} />
        <HistorySettingsFields settings={settings} apply={(patch) => void apply(patch)} />
        <HostCertificatesFields entries={settings.hostCertificates} trustSystem={settings.trustSystemCertificates} apply={(patch) => void apply(patch)} />
        {problem ? <p className="field-problem" role="alert">{problem}</p> : null}
    </Dialog>
  );
}
