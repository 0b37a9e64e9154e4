import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { invalidNames } from '../environments/variable-rows.ts';
import type { HeaderRow } from '../tabs/request-draft.ts';
import { VariableField } from '../variables/VariableField.tsx';

/**
 * The request's own variables: they win over every other scope but runtime, apply to sends at once
 * (before a save), and are saved in the request's file, so they hold no secrets.
 */
export function RequestVariablesPanel({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  const { t } = useI18n();
  const invalid = invalidNames(rows);
  return (
    <div className="panel-stack">
      <p className="panel-hint">{t('request.variables.hint')}</p>
      <KeyValueTable
        testId="request-variables"
        label={t('request.variables')}
        namePlaceholder={t('env.namePlaceholder')}
        rows={rows}
        fieldFrame={VariableField}
        onChange={onChange}
      />
      {invalid.length > 0 ? (
        <p className="field-problem" role="alert" data-testid="request-variables-problem">
          {t('request.variables.badName', { name: invalid[0]! })}
        </p>
      ) : null}
    </div>
  );
}
