import type { RawHeader } from '../../../../shared/model/response.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Response headers exactly as received: original case, order and duplicates. */
export function ResponseHeaders({ headers }: { headers: RawHeader[] }) {
  const { t } = useI18n();
  return (
    <table className="header-table" data-testid="response-headers">
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
