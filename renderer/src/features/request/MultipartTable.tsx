import { X } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useTrailingBlankRow } from '../../components/useTrailingBlankRow.ts';
import type { PartRow } from '../tabs/request-draft.ts';
import { VariableField } from '../variables/VariableField.tsx';
import { FilePicker } from './FilePicker.tsx';

/** Multipart parts: text or file, each with an optional Content-Type; the last row is always blank. */
export function MultipartTable({ parts, onChange }: { parts: PartRow[]; onChange: (parts: PartRow[]) => void }) {
  const { t } = useI18n();
  const { allRows, isBlank: isBlankRow, change, remove } = useTrailingBlankRow(parts, onChange, (id): PartRow => ({ id, name: '', value: '', enabled: true, kind: 'text' }));

  return (
    <table className="kv-table multipart-table" data-testid="multipart-table" aria-label={t('request.body.multipart')}>
      <thead>
        <tr>
          <th className="kv-check">
            <span className="visually-hidden">{t('table.enabled')}</span>
          </th>
          <th>{t('table.name')}</th>
          <th className="kv-kind">{t('multipart.kind')}</th>
          <th>{t('table.value')}</th>
          <th className="kv-type">{t('multipart.contentType')}</th>
          <th className="kv-actions">
            <span className="visually-hidden">{t('table.remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {allRows.map((part, index) => {
          const isBlank = isBlankRow(part);
          return (
            <tr key={part.id} data-testid="kv-row" className={!part.enabled ? 'kv-disabled' : undefined}>
              <td className="kv-check">
                {isBlank ? null : <input type="checkbox" checked={part.enabled} aria-label={`${t('table.enabled')} ${part.name}`} onChange={(event) => change(part, { enabled: event.target.checked })} />}
              </td>
              <td>
                <VariableField value={part.name}>
                  <input className="kv-input" data-testid="kv-name" value={part.name} placeholder={t('multipart.namePlaceholder')} aria-label={`${t('table.name')} ${index + 1}`} spellCheck={false} autoComplete="off" onChange={(event) => change(part, { name: event.target.value })} />
                </VariableField>
              </td>
              <td className="kv-kind">
                <select className="kv-select" data-testid="multipart-kind" value={part.kind} aria-label={`${t('multipart.kind')} ${index + 1}`} onChange={(event) => change(part, { kind: event.target.value as PartRow['kind'] })}>
                  <option value="text">{t('multipart.text')}</option>
                  <option value="file">{t('multipart.file')}</option>
                </select>
              </td>
              <td>
                {part.kind === 'text' ? (
                  <VariableField value={part.value}>
                    <input className="kv-input" data-testid="kv-value" value={part.value} placeholder={t('table.valuePlaceholder')} aria-label={`${t('table.value')} ${index + 1}`} spellCheck={false} autoComplete="off" onChange={(event) => change(part, { value: event.target.value })} />
                  </VariableField>
                ) : (
                  <FilePicker file={part.file} testId="multipart-file" label={`${t('multipart.file')} ${index + 1}`} onChange={(file) => change(part, { file })} />
                )}
              </td>
              <td className="kv-type">
                <input className="kv-input" data-testid="multipart-content-type" value={part.contentType ?? ''} placeholder={t('multipart.auto')} aria-label={`${t('multipart.contentType')} ${index + 1}`} spellCheck={false} onChange={(event) => change(part, { contentType: event.target.value || undefined })} />
              </td>
              <td className="kv-actions">
                {isBlank ? null : (
                  <IconButton label={t('table.remove')} onClick={() => remove(part)}>
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
