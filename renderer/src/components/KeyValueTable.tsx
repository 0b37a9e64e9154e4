import { memo, useId, type ComponentType, type ReactElement } from 'react';
import { X } from 'lucide-react';
import type { HeaderRow } from '../features/tabs/request-draft.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { IconButton } from './Button.tsx';
import { useTrailingBlankRow } from './useTrailingBlankRow.ts';

/** Wraps a cell's input, e.g. to decorate what is typed in it (features/variables' VariableField). */
export type FieldFrame = ComponentType<{ value: string; children: ReactElement }>;

const PlainFrame: FieldFrame = ({ children }) => children;

/**
 * Editable name/value rows with an enable checkbox each. The last row is always blank: typing
 * into it adds a row (it keeps its React key, so focus stays where the person is typing). Rows are
 * memoised: typing in one re-renders that row only, however many there are.
 */
export function KeyValueTable({
  rows,
  onChange,
  testId,
  label,
  namePlaceholder,
  nameSuggestions,
  valueSuggestions,
  fieldFrame = PlainFrame,
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
  /** Wraps every name and value input (a stable component: rows are memoised). */
  fieldFrame?: FieldFrame;
}) {
  const { t } = useI18n();
  const listId = useId();
  const { allRows, isBlank, change, remove } = useTrailingBlankRow(rows, onChange, (id): HeaderRow => ({ id, name: '', value: '', enabled: true }));

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
          {allRows.map((row, index) => (
            <KeyValueRow
              key={row.id}
              row={row}
              index={index}
              isBlank={isBlank(row)}
              listId={listId}
              namePlaceholder={namePlaceholder}
              hasNameSuggestions={nameSuggestions !== undefined}
              valueSuggestions={valueSuggestions}
              Frame={fieldFrame}
              change={change}
              remove={remove}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

const KeyValueRow = memo(function KeyValueRow({
  row,
  index,
  isBlank,
  listId,
  namePlaceholder,
  hasNameSuggestions,
  valueSuggestions,
  Frame,
  change,
  remove,
}: {
  row: HeaderRow;
  index: number;
  isBlank: boolean;
  listId: string;
  namePlaceholder: string;
  hasNameSuggestions: boolean;
  valueSuggestions: ((name: string) => readonly string[]) | undefined;
  Frame: FieldFrame;
  change: (row: HeaderRow, patch: Partial<HeaderRow>) => void;
  remove: (row: HeaderRow) => void;
}) {
  const { t } = useI18n();
  const values = valueSuggestions?.(row.name) ?? [];
  return (
    <tr data-testid="kv-row" className={!row.enabled ? 'kv-disabled' : undefined}>
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
        <Frame value={row.name}>
          <input
            className="kv-input"
            value={row.name}
            placeholder={namePlaceholder}
            aria-label={`${t('table.name')} ${index + 1}`}
            data-testid="kv-name"
            list={hasNameSuggestions ? `${listId}-names` : undefined}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => change(row, { name: event.target.value })}
          />
        </Frame>
      </td>
      <td>
        <Frame value={row.value}>
          <input
            className="kv-input"
            value={row.value}
            placeholder={t('table.valuePlaceholder')}
            aria-label={`${t('table.value')} ${index + 1}`}
            data-testid="kv-value"
            list={values.length > 0 ? `${listId}-values-${row.id}` : undefined}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => change(row, { value: event.target.value })}
          />
        </Frame>
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
          <IconButton label={t('table.remove')} data-testid="kv-remove" onClick={() => remove(row)}>
            <X size={14} />
          </IconButton>
        )}
      </td>
    </tr>
  );
});
