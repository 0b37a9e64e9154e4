import { useId } from 'react';
import { X } from 'lucide-react';
import type { HeaderRow } from '../features/tabs/request-draft.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { IconButton } from './Button.tsx';
import { useTrailingBlankRow } from './useTrailingBlankRow.ts';

/**
 * Editable name/value rows with an enable checkbox each. The last row is always blank: typing
 * into it adds a row (it keeps its React key, so focus stays where the person is typing).
 */
export function KeyValueTable({
  rows,
  onChange,
  testId,
  label,
  namePlaceholder,
  nameSuggestions,
  valueSuggestions,
}: {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  testId: string;
  label: string;
  namePlaceholder: string;
  /** Offered as the person types a name (e.g. common header names). */
  nameSuggestions?: readonly string[];
  /** Offered as the person types a value for the given name. */
  valueSuggestions?: (name: string) => readonly string[];
}) {
  const { t } = useI18n();
  const listId = useId();
  const { allRows, isBlank: isBlankRow, change } = useTrailingBlankRow(rows, onChange, (id): HeaderRow => ({ id, name: '', value: '', enabled: true }));

  return (
    <>
      {nameSuggestions ? (
        <datalist id={`${listId}-names`}>
          {nameSuggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
      <table className="kv-table" data-testid={testId} aria-label={label}>
        <thead>
          <tr>
            <th className="kv-check">
              <span className="visually-hidden">{t('table.enabled')}</span>
            </th>
            <th>{t('table.name')}</th>
            <th>{t('table.value')}</th>
            <th className="kv-actions">
              <span className="visually-hidden">{t('table.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {allRows.map((row, index) => {
            const isBlank = isBlankRow(row);
            const values = valueSuggestions?.(row.name) ?? [];
            return (
              <tr key={row.id} data-testid="kv-row" className={!row.enabled ? 'kv-disabled' : undefined}>
                <td className="kv-check">
                  {isBlank ? null : (
                    <input
                      type="checkbox"
                      checked={row.enabled}
                      aria-label={`${t('table.enabled')} ${row.name}`}
                      data-testid="kv-enabled"
                      onChange={(event) => change(row, { enabled: event.target.checked })}
                    />
                  )}
                </td>
                <td>
                  <input
                    className="kv-input"
                    value={row.name}
                    placeholder={namePlaceholder}
                    aria-label={`${t('table.name')} ${index + 1}`}
                    data-testid="kv-name"
                    list={nameSuggestions ? `${listId}-names` : undefined}
                    spellCheck={false}
                    onChange={(event) => change(row, { name: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="kv-input"
                    value={row.value}
                    placeholder={t('table.valuePlaceholder')}
                    aria-label={`${t('table.value')} ${index + 1}`}
                    data-testid="kv-value"
                    list={values.length > 0 ? `${listId}-values-${row.id}` : undefined}
                    spellCheck={false}
                    onChange={(event) => change(row, { value: event.target.value })}
                  />
                  {values.length > 0 ? (
                    <datalist id={`${listId}-values-${row.id}`}>
                      {values.map((value) => (
                        <option key={value} value={value} />
                      ))}
                    </datalist>
                  ) : null}
                </td>
                <td className="kv-actions">
                  {isBlank ? null : (
                    <IconButton label={t('table.remove')} data-testid="kv-remove" onClick={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}>
                      <X size={14} />
                    </IconButton>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
