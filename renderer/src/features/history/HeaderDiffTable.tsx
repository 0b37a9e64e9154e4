import type { HeaderDiffRow } from '../../../../shared/diff/diff-types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Response headers side by side; headers that differ are coloured, equal ones are not. */
export function HeaderDiffTable({ rows }: { rows: HeaderDiffRow[] }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="empty-hint">{t('diff.noHeaders')}</p>;
  return (
    <div className="diff-headers-scroll">
      <table className="header-table diff-headers" data-testid="diff-headers">
        <thead>
          <tr>
            <th>{t('diff.header')}</th>
            <th>{t('diff.before')}</th>
            <th>{t('diff.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name.toLowerCase()} data-change={row.kind === 'same' ? undefined : row.kind} data-volatile={row.volatile || undefined}>
              <td className="header-name">{row.name}</td>
              <td className={row.kind === 'same' ? 'header-value' : 'header-value diff-del'}>{row.left.join('\n') || '—'}</td>
              <td className={row.kind === 'same' ? 'header-value' : 'header-value diff-ins'}>{row.right.join('\n') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
