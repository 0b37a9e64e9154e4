import { useEffect, useRef, useState } from 'react';
import { X } from 'lucide-react';
import { LANGUAGES, THEMES, type SettingsPatch } from '../../../../shared/model/settings.ts';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSettings } from '../../state/SettingsContext.tsx';

const LANGUAGE_NAMES: Record<Exclude<(typeof LANGUAGES)[number], 'system'>, string> = { en: 'English', 'zh-CN': '简体中文' };

/** App settings in a modal <dialog> (focus is trapped and Escape closes it, natively). */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const apply = async (patch: SettingsPatch) => {
    const error = await update(patch);
    setProblem(error ? t('settings.saveFailed', { message: error.message }) : undefined);
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="settings-title" data-testid="settings-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <IconButton label={t('settings.close')} onClick={onClose}>
          <X size={16} />
        </IconButton>
      </header>
      <div className="dialog-body">
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
        <label className="field">
          <span>{t('settings.timeout')}</span>
          <input
            type="number"
            min={0}
            max={86400}
            data-testid="settings-timeout"
            defaultValue={settings.requestTimeoutMs / 1000}
            onBlur={(event) => {
              const seconds = Number(event.target.value);
              if (Number.isFinite(seconds) && seconds >= 0 && seconds <= 86400) void apply({ requestTimeoutMs: Math.round(seconds * 1000) });
            }}
          />
        </label>
        {problem ? <p className="field-problem" role="alert">{problem}</p> : null}
      </div>
    </dialog>
  );
}
