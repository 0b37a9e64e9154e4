import type { HistoryEntrySummary } from '../../../../shared/model/history.ts';

/** A row of the history list: a day heading, or an entry under it. */
export type HistoryRow = { kind: 'day'; key: string; at: number } | { kind: 'entry'; entry: HistoryEntrySummary };

/** The local calendar day of a timestamp, e.g. "2025-03-09". */
export function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Entries (newest first) with a heading before the first entry of each day. */
export function historyRows(entries: readonly HistoryEntrySummary[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let currentDay: string | undefined;
  for (const entry of entries) {
    const key = dayKey(entry.sentAt);
    if (key !== currentDay) {
      rows.push({ kind: 'day', key, at: entry.sentAt });
      currentDay = key;
    }
    rows.push({ kind: 'entry', entry });
  }
  return rows;
}

export type DayLabel = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; at: number };

/** "Today", "Yesterday", or the date, relative to `now`. */
export function dayLabel(at: number, now: number): DayLabel {
  const today = dayKey(now);
  const key = dayKey(at);
  if (key === today) return { kind: 'today' };
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  return key === dayKey(yesterday.getTime()) ? { kind: 'yesterday' } : { kind: 'date', at };
}

/** The part of a URL people recognise in a list: path and query (the host is shown beside it). */
export function displayPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}` || '/';
  } catch {
    return url;
  }
}
