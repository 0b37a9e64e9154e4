import { useEffect, useId, useState } from 'react';
import { STATUS_CLASSES, type StatusClass } from '../../../../shared/model/history.ts';
import { STANDARD_METHODS } from '../../../../shared/model/request.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { NO_FILTERS, TIME_RANGES, type HistoryFilters } from './history-filters.ts';

/** Method, status class, host and time range: the filters besides the search words. */
export function HistoryFilterBar({ filters, onChange }: { filters: HistoryFilters; onChange: (filters: HistoryFilters) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const hostListId = useId();
  const [hosts, setHosts] = useState<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    void api.call('history.hosts', {}).then((result) => {
      if (!cancelled && result.ok) setHosts(result.value.hosts);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  return (
    <div className="history-filters" data-testid="history-filter">
      <label className="history-filter">
        <span>{t('history.filter.method')}</span>
        <select className="compact-select" data-testid="history-filter-method" value={filters.method} onChange={(event) => onChange({ ...filters, method: event.target.value })}>
          <option value="">{t('history.filter.any')}</option>
          {STANDARD_METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
          {/* WebSocket sessions are recorded with the method "WS" (main/store/history/ws-session-record.ts). */}
          <option value="WS">{t('history.filter.websocket')}</option>
        </select>
      </label>
      <label className="history-filter">
        <span>{t('history.filter.status')}</span>
        <select
          className="compact-select"
          data-testid="history-filter-status"
          value={filters.statusClass}
          onChange={(event) => onChange({ ...filters, statusClass: event.target.value as StatusClass | '' })}
        >
          <option value="">{t('history.filter.any')}</option>
          {STATUS_CLASSES.map((statusClass) => (
            <option key={statusClass} value={statusClass}>
              {statusClass === 'failed' ? t('history.filter.failed') : statusClass}
            </option>
          ))}
        </select>
      </label>
      <label className="history-filter">
        <span>{t('history.filter.time')}</span>
        <select className="compact-select" data-testid="history-filter-time" value={filters.range} onChange={(event) => onChange({ ...filters, range: event.target.value as HistoryFilters['range'] })}>
          {TIME_RANGES.map((range) => (
            <option key={range} value={range}>
              {t(`history.time.${range}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="history-filter">
        <span>{t('history.filter.host')}</span>
        <input
          className="text-input"
          data-testid="history-filter-host"
          list={hostListId}
          value={filters.host}
          placeholder={t('history.filter.any')}
          spellCheck={false}
          onChange={(event) => onChange({ ...filters, host: event.target.value })}
        />
        <datalist id={hostListId}>
          {hosts.map((host) => (
            <option key={host} value={host} />
          ))}
        </datalist>
      </label>
      <Button size="sm" variant="ghost" className="history-filter-reset" onClick={() => onChange({ ...NO_FILTERS, query: filters.query })}>
        {t('history.filter.reset')}
      </Button>
    </div>
  );
}
