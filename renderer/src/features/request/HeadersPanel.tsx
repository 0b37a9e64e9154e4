import { useMemo, useState } from 'react';
import { Folder, Library } from 'lucide-react';
import type { InheritedLayerView } from '../../../../shared/model/workspace.ts';
import { explainInheritedHeaders } from '../../../../shared/vars/inheritance.ts';
import { Button } from '../../components/Button.tsx';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { newRowId, type HeaderRow, type RequestDraft } from '../tabs/request-draft.ts';
import { VariableField } from '../variables/VariableField.tsx';
import { autoHeaders } from './auto-headers.ts';
import { COMMON_HEADER_NAMES, headerValueSuggestions } from './header-suggestions.ts';

const NO_LAYERS: InheritedLayerView[] = [];

/**
 * Headers as a table (with suggestions) or as text ("Name: value" per line, `//` disables a line);
 * below them, read-only, the headers the request inherits from its collection and folders (each
 * with where it comes from, or what overrides it) and those the engine adds.
 */
export function HeadersPanel({ draft, inherited = NO_LAYERS, onChange }: { draft: RequestDraft; inherited?: InheritedLayerView[]; onChange: (draft: RequestDraft) => void }) {
  const { t } = useI18n();
  const [bulk, setBulk] = useState(false);
  const inheritedRows = useMemo(() => explainInheritedHeaders(draft.headers, inherited), [draft.headers, inherited]);
  const auto = autoHeaders(
    draft,
    inheritedRows.filter((row) => row.overriddenBy === undefined).map((row) => row.header.name),
  );

  return (
    <div className="panel-stack">
      <div className="panel-toolbar">
        <h3 className="panel-heading">{t('request.headers')}</h3>
        <Button size="sm" variant="ghost" data-testid="headers-bulk-edit" aria-pressed={bulk} onClick={() => setBulk(!bulk)}>
          {bulk ? t('headers.tableEdit') : t('headers.bulkEdit')}
        </Button>
      </div>
      {bulk ? (
        <textarea
          className="bulk-editor"
          data-testid="headers-bulk-text"
          aria-label={t('headers.bulkEdit')}
          spellCheck={false}
          defaultValue={headersToText(draft.headers)}
          placeholder={t('headers.bulkPlaceholder')}
          onChange={(event) => onChange({ ...draft, headers: headersFromText(event.target.value, draft.headers) })}
        />
      ) : (
        <KeyValueTable
          testId="headers-table"
          label={t('request.headers')}
          namePlaceholder={t('table.namePlaceholder')}
          rows={draft.headers}
          nameSuggestions={COMMON_HEADER_NAMES}
          valueSuggestions={headerValueSuggestions}
          fieldFrame={VariableField}
          onChange={(headers) => onChange({ ...draft, headers })}
        />
      )}
      {inheritedRows.length > 0 ? (
        <>
          <h3 className="panel-heading">{t('headers.inherited')}</h3>
          <table className="kv-table inherited-headers" data-testid="inherited-headers" aria-label={t('headers.inherited')}>
            <tbody>
              {inheritedRows.map(({ header, layer, overriddenBy }, index) => {
                const source = inherited[layer]!;
                const overrider = typeof overriddenBy === 'number' ? inherited[overriddenBy]!.name : undefined;
                return (
                  <tr
                    key={`${layer}-${index}`}
                    className={overriddenBy === undefined ? 'inherited-row' : 'inherited-row overridden'}
                    data-testid="inherited-header"
                    data-name={header.name}
                    data-source={source.path}
                    data-overridden={overriddenBy !== undefined}
                    title={t(source.kind === 'collection' ? 'headers.fromCollection' : 'headers.fromFolder', { name: source.path })}
                  >
                    <td className="kv-check inherited-icon">{source.kind === 'collection' ? <Library size={13} aria-hidden /> : <Folder size={13} aria-hidden />}</td>
                    <td className="kv-static inherited-name">{header.name}</td>
                    <td className="kv-static">
                      <span className="inherited-value">
                        <span className="inherited-text">{header.value}</span>
                        <span className="inherited-source">
                          {overriddenBy === undefined ? (
                            t('headers.from', { name: source.name })
                          ) : overrider !== undefined ? (
                            t('headers.overriddenBy', { name: overrider })
                          ) : (
                            t('headers.overridden')
                          )}
                        </span>
                      </span>
                    </td>
                    {/* The editable table's actions column, so the columns line up with it. */}
                    <td className="kv-actions" />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
      <h3 className="panel-heading">{t('headers.auto')}</h3>
      <table className="kv-table auto-headers" data-testid="auto-headers">
        <tbody>
          {auto.map((header) => {
            const note = header.overridden === 'request' ? t('headers.overridden') : header.overridden === 'inherited' ? t('headers.overriddenInherited') : undefined;
            return (
              <tr key={header.name} className={note ? 'kv-disabled' : undefined} title={note}>
                <td className="kv-static">{header.name}</td>
                <td className="kv-static">{note ?? header.value ?? t('headers.atSend')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function headersToText(rows: readonly HeaderRow[]): string {
  return rows.map((row) => `${row.enabled ? '' : '// '}${row.name}: ${row.value}`).join('\n');
}

/** Parses bulk text back into rows, reusing ids by position so the table does not remount. */
export function headersFromText(text: string, previous: readonly HeaderRow[]): HeaderRow[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const disabled = /^\s*\/\//.test(line);
      const body = disabled ? line.replace(/^\s*\/\/\s?/, '') : line;
      const colon = body.indexOf(':');
      const name = (colon === -1 ? body : body.slice(0, colon)).trim();
      const value = colon === -1 ? '' : body.slice(colon + 1).trim();
      return { id: previous[index]?.id ?? newRowId(), name, value, enabled: !disabled };
    });
}
