import { Download, Pause, Play, Regex, Search, Trash2 } from 'lucide-react';
import { WS_DIRECTIONS, WS_MESSAGE_TYPES } from '../../../../shared/model/websocket.ts';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { LogFilter } from './log-filter.ts';
import { useFilterText } from './useFilterText.ts';

/** Filter (text or regex, direction, type), pause/resume, clear and export for one log. */
export function LogToolbar({
  filter,
  problem,
  paused,
  canExport,
  onFilter,
  onPause,
  onClear,
  onExport,
}: {
  filter: LogFilter;
  problem: string | undefined;
  paused: boolean;
  canExport: boolean;
  onFilter: (filter: LogFilter) => void;
  onPause: (paused: boolean) => void;
  onClear: () => void;
  onExport: () => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useFilterText(filter, onFilter);
  return (
    <div className="ws-log-toolbar">
      <div className={`ws-filter${problem ? ' invalid' : ''}`}>
        <Search size={14} aria-hidden className="ws-filter-icon" />
        <input
          data-testid="ws-filter"
          aria-label={t('ws.filter')}
          aria-invalid={problem ? true : undefined}
          placeholder={filter.regex ? t('ws.filter.regexPlaceholder') : t('ws.filter.placeholder')}
          value={query}
          spellCheck={false}
          autoComplete="off"
          title={problem ? t('ws.filter.invalid', { message: problem }) : undefined}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button
          type="button"
          className="ws-filter-regex"
          data-testid="ws-filter-regex"
          aria-pressed={filter.regex}
          aria-label={t('ws.filter.regex')}
          title={t('ws.filter.regex')}
          onClick={() => onFilter({ ...filter, query, regex: !filter.regex })}
        >
          <Regex size={14} aria-hidden />
        </button>
      </div>
      <select
        className="ws-select"
        data-testid="ws-filter-direction"
        aria-label={t('ws.filter.direction')}
        value={filter.direction}
        onChange={(event) => onFilter({ ...filter, query, direction: event.target.value as LogFilter['direction'] })}
      >
        <option value="all">{t('ws.filter.allDirections')}</option>
        {WS_DIRECTIONS.map((direction) => (
          <option key={direction} value={direction}>
            {t(`ws.direction.${direction}`)}
          </option>
        ))}
      </select>
      <select
        className="ws-select"
        data-testid="ws-filter-type"
        aria-label={t('ws.filter.type')}
        value={filter.type}
        onChange={(event) => onFilter({ ...filter, query, type: event.target.value as LogFilter['type'] })}
      >
        <option value="all">{t('ws.filter.allTypes')}</option>
        {WS_MESSAGE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`ws.type.${type}`)}
          </option>
        ))}
      </select>
      <span className="spacer" />
      <Button size="sm" variant={paused ? 'primary' : 'ghost'} data-testid="ws-pause" aria-pressed={paused} onClick={() => onPause(!paused)}>
        {paused ? <Play size={13} aria-hidden /> : <Pause size={13} aria-hidden />}
        {paused ? t('ws.log.resume') : t('ws.log.pause')}
      </Button>
      <Button size="sm" variant="ghost" data-testid="ws-clear" onClick={onClear}>
        <Trash2 size={13} aria-hidden /> {t('ws.log.clear')}
      </Button>
      <Button size="sm" variant="ghost" data-testid="ws-export" disabled={!canExport} onClick={onExport}>
        <Download size={13} aria-hidden /> {t('ws.log.export')}
      </Button>
    </div>
  );
}
