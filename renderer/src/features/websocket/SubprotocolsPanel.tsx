import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The subprotocols offered in the handshake, as a comma-separated list with the parsed names shown. */
export function SubprotocolsPanel({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return (
    <div className="ws-form">
      <label className="field">
        <span>{t('ws.subprotocols.label')}</span>
        <input
          data-testid="ws-subprotocols"
          value={value}
          placeholder={t('ws.subprotocols.placeholder')}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      <p className="hint">{t('ws.subprotocols.hint')}</p>
      {names.length > 0 ? (
        <ol className="ws-chips" aria-label={t('ws.subprotocols.offered')}>
          {names.map((name, index) => (
            <li key={`${index}-${name}`} className="ws-chip">
              {name}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
