import { useCallback, useEffect, useMemo, useState } from 'react';
import { ListFilter, Search, Trash2 } from 'lucide-react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HistoryEntrySummary, HistoryStatus } from '../../../../shared/model/history.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Button, IconButton } from '../../components/Button.tsx';
import { errorSentence, useI18n } from '../../i18n/I18nProvider.tsx';
import { ClearHistoryDialog } from './ClearHistoryDialog.tsx';
import { HistoryFilterBar } from './HistoryFilterBar.tsx';
import { useHistory } from './HistoryContext.tsx';
import { activeFilterCount, NO_FILTERS, type HistoryFilters } from './history-filters.ts';
import { HistoryList, type HistoryListActions } from './HistoryList.tsx';
import { HistoryNoticeBanner } from './HistoryNoticeBanner.tsx';
import { useHistoryList } from './useHistoryList.ts';

/** The sidebar's History section: search, filters, the list by day, and picking two entries to compare. */
export function HistoryPanel() {
  const { t } = useI18n();
  const api = useApi();
  const history = useHistory();
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [confirmClear, setConfirmClear] = useState(false);
  const [status, setStatus] = useState<HistoryStatus | null>(null);
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const [problem, setProblem] = useState<ShuttleError>();
  const list = useHistoryList(filters);

  const loadStatus = useCallback(() => {
    void api.call('history.status', {}).then((result) => setStatus(result.ok ? result.value : null));
  }, [api]);
  useEffect(loadStatus, [loadStatus]);
  // A reset means the database was found damaged while in use: there is a new notice to show.
  useEffect(
    () =>
      api.on('history.changed', ({ reason }) => {
        if (reason !== 'reset') return;
        setNoticeDismissed(false);
        loadStatus();
      }),
    [api, loadStatus],
  );

  // Entries that left the list (deleted, cleared, filtered out) are no longer selected.
  const selected = picked.filter((id) => list.entries.some((entry) => entry.id === id));

  const report = (error: ShuttleError | undefined) => setProblem(error);
  const actions = useMemo<HistoryListActions>(
    () => ({
      open: (entry) => void history.openEntry(entry.id).then(report),
      resend: (entry) => void history.resend(entry.id).then(report),
      // A third pick replaces the older of the two already picked.
      toggleSelect: (entry) =>
        setPicked((current) => (current.includes(entry.id) ? current.filter((id) => id !== entry.id) : [...current, entry.id].slice(-2))),
      remove: (entry: HistoryEntrySummary) =>
        void api.call('history.delete', { ids: [entry.id] }).then((result) => report(result.ok ? undefined : result.error)),
    }),
    [api, history],
  );

  const clearAll = () => {
    setConfirmClear(false);
    void api.call('history.clear', {}).then((result) => report(result.ok ? undefined : result.error));
  };

  const filterCount = activeFilterCount(filters);
  const filtering = filterCount > 0 || filters.query.trim() !== '';
  return (
    <div className="history-panel">
      <div className="history-search-row">
        <label className="history-search">
          <Search size={14} className="history-search-icon" aria-hidden />
          <input
            type="search"
            data-testid="history-search"
            aria-label={t('history.search')}
            placeholder={t('history.search.placeholder')}
            title={t('history.search.hint')}
            value={filters.query}
            spellCheck={false}
            onChange={(event) => setFilters({ ...filters, query: event.target.value })}
          />
        </label>
        <IconButton
          label={t('history.filters')}
          data-testid="history-filter-toggle"
          aria-expanded={filtersOpen}
          className={filtersOpen || filterCount > 0 ? 'pressed' : undefined}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          <ListFilter size={15} />
          {filterCount > 0 ? <span className="filter-badge">{filterCount}</span> : null}
        </IconButton>
        <IconButton
          label={t('history.clear')}
          data-testid="history-clear"
          disabled={list.entries.length === 0 && !filtering}
          onClick={() => {
            loadStatus();
            setConfirmClear(true);
          }}
        >
          <Trash2 size={15} />
        </IconButton>
      </div>
      {filtersOpen ? <HistoryFilterBar filters={filters} onChange={setFilters} /> : null}
      {status?.notice && !noticeDismissed ? <HistoryNoticeBanner notice={status.notice} onDismiss={() => setNoticeDismissed(true)} /> : null}
      {problem ? (
        <p className="field-problem history-problem" role="alert">
          {errorSentence(t, problem)}
        </p>
      ) : null}
      {list.error ? (
        <p className="field-problem history-problem" role="alert">
          {t('history.loadFailed', { message: list.error.message })}
        </p>
      ) : list.entries.length === 0 && !list.loading ? (
        <p className="sidebar-empty history-empty" data-testid="history-empty">
          {filtering ? t('history.noMatches') : t('history.empty')}
        </p>
      ) : (
        <HistoryList entries={list.entries} hasMore={list.nextCursor !== null} onLoadMore={list.loadMore} selected={selected} actions={actions} />
      )}
      {selected.length > 0 ? (
        <div className="history-compare-bar" role="status" data-testid="history-compare-bar">
          <span>{selected.length === 1 ? t('history.compare.pickOne') : t('history.compare.ready')}</span>
          <Button size="sm" variant="ghost" onClick={() => setPicked([])}>
            {t('history.cancel')}
          </Button>
          <Button size="sm" variant="primary" data-testid="diff-compare" disabled={selected.length !== 2} onClick={() => history.compare(selected[0]!, selected[1]!)}>
            {t('history.compare')}
          </Button>
        </div>
      ) : null}
      <ClearHistoryDialog open={confirmClear} count={status?.entries ?? list.entries.length} onConfirm={clearAll} onClose={() => setConfirmClear(false)} />
    </div>
  );
}
