import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HistoryEntrySummary } from '../../../../shared/model/history.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { searchFor, type HistoryFilters } from './history-filters.ts';

/** The first page is small so the list shows at once; later pages are larger so fast scrolling waits less. */
const FIRST_PAGE = 100;
const NEXT_PAGE = 250;
/** Typing in the search box waits this long before searching, so each keystroke is not a query. */
const TYPING_DELAY_MS = 150;

interface ListState {
  entries: HistoryEntrySummary[];
  nextCursor: number | null;
  error?: ShuttleError;
}

export interface HistoryList extends ListState {
  /** True until the first page for the current filters has arrived. */
  loading: boolean;
  /** Loads the next (older) page, if there is one and none is loading. */
  loadMore(): void;
}

/**
 * The entries matching the filters, newest first, a page at a time. It follows `history.changed`:
 * new sends are fetched and put on top, deleted entries drop out, a clear or reset reloads.
 */
export function useHistoryList(filters: HistoryFilters): HistoryList {
  const api = useApi();
  const [state, setState] = useState<ListState & { filters?: HistoryFilters }>({ entries: [], nextCursor: null });
  // Answers to an older query (filters changed meanwhile) are dropped.
  const generation = useRef(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  const loadingMore = useRef(false);

  const query = useCallback(
    (extra: { cursor?: number; after?: number }) =>
      api.call('history.search', { ...searchFor(filters, Date.now()), limit: extra.cursor === undefined ? FIRST_PAGE : NEXT_PAGE, ...extra }),
    [api, filters],
  );

  const reload = useCallback(
    (delay: number) => {
      const current = ++generation.current;
      const timer = setTimeout(() => {
        void query({}).then((result) => {
          if (current !== generation.current) return;
          setState(
            result.ok
              ? { filters, entries: result.value.entries, nextCursor: result.value.nextCursor }
              : { filters, entries: [], nextCursor: null, error: result.error },
          );
        });
      }, delay);
      return () => clearTimeout(timer);
    },
    [query, filters],
  );

  useEffect(() => reload(filters.query ? TYPING_DELAY_MS : 0), [filters, reload]);

  useEffect(
    () =>
      api.on('history.changed', (change) => {
        if (change.reason === 'added') {
          const current = generation.current;
          const newest = stateRef.current.entries[0]?.id ?? 0;
          void query({ after: newest }).then((result) => {
            if (!result.ok || current !== generation.current) return;
            setState((previous) => {
              const known = new Set(previous.entries.map((entry) => entry.id));
              return { ...previous, entries: [...result.value.entries.filter((entry) => !known.has(entry.id)), ...previous.entries] };
            });
          });
        } else if (change.reason === 'deleted' && change.ids) {
          const gone = new Set(change.ids);
          setState((previous) => ({ ...previous, entries: previous.entries.filter((entry) => !gone.has(entry.id)) }));
        } else {
          reload(0);
        }
      }),
    [api, query, reload],
  );

  const loadMore = useCallback(() => {
    const { nextCursor } = stateRef.current;
    if (nextCursor === null || loadingMore.current) return;
    loadingMore.current = true;
    const current = generation.current;
    void query({ cursor: nextCursor }).then((result) => {
      loadingMore.current = false;
      if (!result.ok || current !== generation.current) return;
      setState((previous) => ({ ...previous, entries: [...previous.entries, ...result.value.entries], nextCursor: result.value.nextCursor }));
    });
  }, [query]);

  // The previous filters' entries stay on screen while the new ones load, so the list does not flash.
  return { entries: state.entries, nextCursor: state.nextCursor, error: state.error, loading: state.filters !== filters, loadMore };
}
