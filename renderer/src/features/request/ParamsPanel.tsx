import { pathParamNames } from '../../../../shared/http/url-params.ts';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { withParams, type RequestDraft } from '../tabs/request-draft.ts';
import { VariableField } from '../variables/VariableField.tsx';

/** Query params (a live view of the URL's query) and values for the URL's `:name` path segments. */
export function ParamsPanel({ draft, onChange }: { draft: RequestDraft; onChange: (draft: RequestDraft) => void }) {
  const { t } = useI18n();
  const names = pathParamNames(draft.url);
  const valueOf = (name: string) => draft.pathParams.find((param) => param.name === name)?.value ?? '';
  const setPathParam = (name: string, value: string) =>
    onChange({ ...draft, pathParams: [...draft.pathParams.filter((param) => param.name !== name && names.includes(param.name)), { name, value }] });

  return (
    <div className="panel-stack">
      <h3 className="panel-heading">{t('params.query')}</h3>
      <KeyValueTable
        testId="params-table"
        label={t('params.query')}
        namePlaceholder={t('params.namePlaceholder')}
        rows={draft.params}
        fieldFrame={VariableField}
        onChange={(params) => onChange(withParams(draft, params))}
      />
      {names.length > 0 ? (
        <>
          <h3 className="panel-heading">{t('params.path')}</h3>
          <table className="kv-table" data-testid="path-params-table" aria-label={t('params.path')}>
            <thead>
              <tr>
                <th>{t('table.name')}</th>
                <th>{t('table.value')}</th>
              </tr>
            </thead>
            <tbody>
              {names.map((name) => (
                <tr key={name} data-testid="kv-row">
                  <td className="kv-static">:{name}</td>
                  <td>
                    <VariableField value={valueOf(name)}>
                      <input
                        className="kv-input"
                        data-testid="kv-value"
                        aria-label={`${t('table.value')} :${name}`}
                        placeholder={t('table.valuePlaceholder')}
                        value={valueOf(name)}
                        spellCheck={false}
                        autoComplete="off"
                        onChange={(event) => setPathParam(name, event.target.value)}
                      />
                    </VariableField>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="panel-hint">{t('params.pathHint')}</p>
      )}
    </div>
  );
}
