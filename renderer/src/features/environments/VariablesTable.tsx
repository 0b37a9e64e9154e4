import { useState } from 'react';
import { Eye, EyeOff, Lock, LockOpen, X } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useTrailingBlankRow } from '../../components/useTrailingBlankRow.ts';
import type { VariableRow } from './variable-rows.ts';

/**
 * Variables as a table: enabled, name, value, secret. A secret's value is typed into a password
 * field and goes to the secret store on save; the stored value itself is never shown (dots say one
 * is set). The last row is always blank: typing into it adds a variable.
 */
export function VariablesTable({ rows, onChange, testId }: { rows: VariableRow[]; onChange: (rows: VariableRow[]) => void; testId: string }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const { allRows, isBlank: isBlankRow, change } = useTrailingBlankRow(
    rows,
    onChange,
    (id): VariableRow => ({ id, name: '', value: '', enabled: true, secret: false, hasStoredValue: false, valueTouched: false }),
  );

  return (
    <table className="kv-table var-table" data-testid={testId} aria-label={t('env.variables')}>
      <thead>
        <tr>
          <th className="kv-check">
            <span className="visually-hidden">{t('table.enabled')}</span>
          </th>
          <th>{t('table.name')}</th>
          <th>{t('table.value')}</th>
          <th className="var-secret-col">{t('env.secret')}</th>
          <th className="kv-actions">
            <span className="visually-hidden">{t('table.remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {allRows.map((row, index) => {
          const isBlank = isBlankRow(row);
          const shown = revealed.has(row.id);
          return (
            <tr key={row.id} data-testid="var-row" className={!row.enabled ? 'kv-disabled' : undefined}>
              <td className="kv-check">
                {isBlank ? null : (
                  <input
                    type="checkbox"
                    checked={row.enabled}
                    aria-label={`${t('table.enabled')} ${row.name}`}
                    data-testid="var-enabled"
                    onChange={(event) => change(row, { enabled: event.target.checked })}
                  />
                )}
              </td>
              <td>
                <input
                  className="kv-input"
                  value={row.name}
                  placeholder={t('env.namePlaceholder')}
                  aria-label={`${t('table.name')} ${index + 1}`}
                  data-testid="var-name"
                  spellCheck={false}
                  onChange={(event) => change(row, { name: event.target.value })}
                />
              </td>
              <td className="var-value-cell">
                <input
                  className="kv-input"
                  type={row.secret && !shown ? 'password' : 'text'}
                  value={row.value}
                  placeholder={row.secret && row.hasStoredValue && !row.valueTouched ? t('env.secretStored') : t('table.valuePlaceholder')}
                  aria-label={`${t('table.value')} ${index + 1}`}
                  data-testid="var-value"
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => change(row, { value: event.target.value, valueTouched: true })}
                />
                {row.secret && row.valueTouched ? (
                  <IconButton
                    label={shown ? t('env.hideValue') : t('env.showValue')}
                    className="var-reveal"
                    onClick={() =>
                      setRevealed((current) => {
                        const next = new Set(current);
                        if (shown) next.delete(row.id);
                        else next.add(row.id);
                        return next;
                      })
                    }
                  >
                    {shown ? <EyeOff size={13} /> : <Eye size={13} />}
                  </IconButton>
                ) : null}
              </td>
              <td className="var-secret-col">
                {isBlank ? null : (
                  <button
                    type="button"
                    role="switch"
                    aria-checked={row.secret}
                    aria-label={`${t('env.secret')} ${row.name}`}
                    title={row.secret ? t('env.secretOn') : t('env.secretOff')}
                    className={row.secret ? 'var-secret on' : 'var-secret'}
                    data-testid="var-secret"
                    onClick={() => change(row, { secret: !row.secret, valueTouched: true })}
                  >
                    {row.secret ? <Lock size={13} /> : <LockOpen size={13} />}
                  </button>
                )}
              </td>
              <td className="kv-actions">
                {isBlank ? null : (
                  <IconButton label={t('table.remove')} data-testid="var-remove" onClick={() => onChange(rows.filter((candidate) => candidate.id !== row.id))}>
                    <X size={14} />
                  </IconButton>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
