import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { newRowId, type HeaderRow, type RequestDraft } from '../tabs/request-draft.ts';
import { autoHeaders } from './auto-headers.ts';
import { COMMON_HEADER_NAMES, headerValueSuggestions } from './header-suggestions.ts';

/** Headers as a table (with suggestions) or as text ("Name: value" per line, `//` disables a line). */
export function HeadersPanel({ draft, onChange }: { draft: RequestDraft; onChange: (draft: RequestDraft) => void }) {
  const { t } = useI18n();
  const [bulk, setBulk] = useState(false);
  const auto = autoHeaders(draft);

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
          onChange={(headers) => onChange({ ...draft, headers })}
        />
      )}
      <h3 className="panel-heading">{t('headers.auto')}</h3>
      <table className="kv-table auto-headers" data-testid="auto-headers">
        <tbody>
          {auto.map((header) => (
            <tr key={header.name} className={header.overridden ? 'kv-disabled' : undefined} title={header.overridden ? t('headers.overridden') : undefined}>
              <td className="kv-static">{header.name}</td>
              <td className="kv-static">{header.overridden ? t('headers.overridden') : (header.value ?? t('headers.atSend'))}</td>
            </tr>
          ))}
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
