import type { RawHeader } from '../../../shared/model/response.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Headers exactly as they crossed the wire: original case, order and duplicates. */
export function HeaderTable({ headers, testId }: { headers: readonly RawHeader[]; testId: string }) {
  const { t } = useI18n();
  return (
    <table className="header-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('response.headerName')}</th>
          <th>{t('response.headerValue')}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={index}>
            <td className="header-name">{name}</td>
            <td className="header-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
