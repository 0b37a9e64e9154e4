import { parseSetCookie } from '../../../../shared/http/set-cookie.ts';
import type { RawHeader } from '../../../../shared/model/response.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The cookies this response set (its Set-Cookie headers), with every attribute as sent. */
export function ResponseCookies({ headers }: { headers: RawHeader[] }) {
  const { t } = useI18n();
  const cookies = headers.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => parseSetCookie(value));
  if (cookies.length === 0) {
    return (
      <div data-testid="response-cookies-panel">
        <p className="empty-hint">{t('response.cookies.none')}</p>
      </div>
    );
  }
  return (
    <table className="header-table" data-testid="response-cookies-panel">
      <thead>
        <tr>
          <th>{t('table.name')}</th>
          <th>{t('table.value')}</th>
          <th>{t('response.cookies.attributes')}</th>
        </tr>
      </thead>
      <tbody>
        {cookies.map((cookie, index) => (
          <tr key={index} data-testid="response-cookie">
            <td className="header-name">{cookie.name}</td>
            <td className="header-value">{cookie.value}</td>
            <td className="header-value">{cookie.attributes.map((attribute) => (attribute.value === true ? attribute.name : `${attribute.name}=${attribute.value}`)).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
