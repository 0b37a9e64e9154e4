import { describe, expect, it } from 'vitest';
import type { HistoryEntrySummary } from '../../../../../shared/model/history.ts';
import { activeFilterCount, NO_FILTERS, searchFor } from '../../../../../renderer/src/features/history/history-filters.ts';
import { dayKey, dayLabel, displayPath, historyRows } from '../../../../../renderer/src/features/history/history-rows.ts';

const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour).getTime();

function entry(id: number, sentAt: number): HistoryEntrySummary {
  return { id, sentAt, method: 'GET', url: `http://h.test/${id}`, host: 'h.test', status: 200, statusText: 'OK', errorCode: null, durationMs: 1, responseSize: 1, environment: null };
}

describe('history list rows', () => {
  it('puts a day heading before the first entry of each local day, newest first', () => {
    const rows = historyRows([entry(3, at(2025, 3, 9, 18)), entry(2, at(2025, 3, 9, 8)), entry(1, at(2025, 3, 8, 23))]);
    expect(rows.map((row) => (row.kind === 'day' ? `day ${row.key}` : `entry ${row.entry.id}`))).toEqual([
      'day 2025-03-09',
      'entry 3',
      'entry 2',
      'day 2025-03-08',
      'entry 1',
    ]);
    expect(historyRows([])).toEqual([]);
  });

  it('labels today and yesterday, and other days by date', () => {
    const now = at(2025, 3, 9, 10);
    expect(dayLabel(at(2025, 3, 9, 1), now)).toEqual({ kind: 'today' });
    expect(dayLabel(at(2025, 3, 8, 23), now)).toEqual({ kind: 'yesterday' });
    expect(dayLabel(at(2025, 3, 1), now)).toEqual({ kind: 'date', at: at(2025, 3, 1) });
    // Across a month boundary too.
    expect(dayLabel(at(2025, 2, 28), at(2025, 3, 1, 9))).toEqual({ kind: 'yesterday' });
    expect(dayKey(at(2025, 1, 5))).toBe('2025-01-05');
  });

  it('shows the path and query of a URL, or the text when it is not one', () => {
    expect(displayPath('http://127.0.0.1:3000/users/42?x=1')).toBe('/users/42?x=1');
    expect(displayPath('http://example.test')).toBe('/');
    expect(displayPath('not a url')).toBe('not a url');
  });
});

describe('history filters', () => {
  it('sends only the filters that are set, trimmed', () => {
    expect(searchFor(NO_FILTERS, 0)).toEqual({});
    expect(searchFor({ query: ' quokka ', method: 'POST', statusClass: '4xx', host: ' api ', range: 'all' }, 0)).toEqual({
      query: 'quokka',
      method: 'POST',
      statusClass: '4xx',
      host: 'api',
    });
  });

  it('turns a time range into its start, relative to now', () => {
    const now = at(2025, 3, 9, 15);
    expect(searchFor({ ...NO_FILTERS, range: 'hour' }, now).from).toBe(now - 3600_000);
    expect(searchFor({ ...NO_FILTERS, range: 'today' }, now).from).toBe(at(2025, 3, 9, 0));
    expect(searchFor({ ...NO_FILTERS, range: 'week' }, now).from).toBe(now - 7 * 24 * 3600_000);
  });

  it('counts the filters besides the search words, for the badge', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ query: 'x', method: 'GET', statusClass: '', host: ' ', range: 'today' })).toBe(2);
  });
});
