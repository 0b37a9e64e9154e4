import { useState } from 'react';
import { STANDARD_METHODS } from '../../../../shared/model/request.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const CUSTOM = '__custom__';

/** The standard methods in a picker, plus "Custom…" which turns into a text field for any other token. */
export function MethodSelect({ method, onChange }: { method: string; onChange: (method: string) => void }) {
  const { t } = useI18n();
  const isStandard = (STANDARD_METHODS as readonly string[]).includes(method);
  const [customMode, setCustomMode] = useState(!isStandard);
  const showCustom = customMode || !isStandard;

  return (
    <div className={`method-picker method-${isStandard ? method.toLowerCase() : 'custom'}`}>
      <select
        className="method-select"
        data-testid="method-select"
        aria-label={t('request.method')}
        value={showCustom ? CUSTOM : method}
        onChange={(event) => {
          if (event.target.value === CUSTOM) {
            setCustomMode(true);
            onChange('');
          } else {
            setCustomMode(false);
            onChange(event.target.value);
          }
        }}
      >
        {STANDARD_METHODS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={CUSTOM}>{t('request.method.custom')}</option>
      </select>
      {showCustom ? (
        <input
          className="method-custom"
          data-testid="method-custom"
          aria-label={t('request.method')}
          placeholder={t('request.method.customPlaceholder')}
          value={method}
          spellCheck={false}
          autoFocus
          onChange={(event) => onChange(event.target.value.toUpperCase())}
        />
      ) : null}
    </div>
  );
}
