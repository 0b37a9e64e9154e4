import type { HistorySearch, StatusClass } from '../../../../shared/model/history.ts';

export const TIME_RANGES = ['all', 'hour', 'today', 'week', 'month'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

/** What the History panel filters by, as edited. */
export interface HistoryFilters {
  query: string;
  method: string;
  statusClass: StatusClass | '';
  host: string;
  range: TimeRange;
}

export const NO_FILTERS: HistoryFilters = { query: '', method: '', statusClass: '', host: '', range: 'all' };

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The search payload for the filters; time ranges are relative to `now`. */
export function searchFor(filters: HistoryFilters, now: number): Omit<HistorySearch, 'limit'> {
  const search: Omit<HistorySearch, 'limit'> = {};
  if (filters.query.trim()) search.query = filters.query.trim();
  if (filters.method) search.method = filters.method;
  if (filters.statusClass) search.statusClass = filters.statusClass;
  if (filters.host.trim()) search.host = filters.host.trim();
  const from = rangeStart(filters.range, now);
  if (from !== undefined) search.from = from;
  return search;
}

function rangeStart(range: TimeRange, now: number): number | undefined {
  switch (range) {
    case 'all':
      return undefined;
    case 'hour':
      return now - HOUR_MS;
    case 'today': {
      const start = new Date(now);
      start.setHours(0, 0, 0, 0);
      return start.getTime();
    }
    case 'week':
      return now - 7 * DAY_MS;
    case 'month':
      return now - 30 * DAY_MS;
  }
}

/** How many filters (besides the search words) are set, for the badge on the Filters button. */
export function activeFilterCount(filters: HistoryFilters): number {
  return [filters.method, filters.statusClass, filters.host.trim(), filters.range === 'all' ? '' : filters.range].filter(Boolean).length;
}
