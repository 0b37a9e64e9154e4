import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HistoryEntrySummary } from '../../../../shared/model/history.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from './format-time.ts';
import { dayLabel, historyRows } from './history-rows.ts';
import { HistoryItem } from './HistoryItem.tsx';

const DAY_HEIGHT = 28;
const ITEM_HEIGHT = 46;
/** Load the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 60;

export interface HistoryListActions {
  open(entry: HistoryEntrySummary): void;
  resend(entry: HistoryEntrySummary): void;
  toggleSelect(entry: HistoryEntrySummary): void;
  remove(entry: HistoryEntrySummary): void;
}

/**
 * Entries grouped by day under sticky-looking headings, virtualised: only the rows in view exist
 * in the DOM, so a history of 100,000 entries scrolls like one of ten. Older pages load as the
 * end comes into view.
 */
export function HistoryList({
  entries,
  hasMore,
  onLoadMore,
  selected,
  actions,
}: {
  entries: HistoryEntrySummary[];
  hasMore: boolean;
  onLoadMore: () => void;
  selected: readonly number[];
  actions: HistoryListActions;
}) {
  const { t, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => historyRows(entries), [entries]);
  // The virtualiser keeps its own mutable state, which the React Compiler cannot see; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? DAY_HEIGHT : ITEM_HEIGHT),
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, lastIndex, rows.length, onLoadMore]);

  const now = Date.now();
  return (
    <div className="history-scroll" ref={scrollRef}>
      <div role="list" className="history-list" data-testid="history-list" aria-label={t('history.title')} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          const style = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'day') {
            const label = dayLabel(row.at, now);
            return (
              <div key={`day-${row.key}`} role="listitem" className="history-day" style={style}>
                {label.kind === 'today' ? t('history.today') : label.kind === 'yesterday' ? t('history.yesterday') : formatDay(row.at, now, locale)}
              </div>
            );
          }
          const { entry } = row;
          return (
            <HistoryItem
              key={entry.id}
              entry={entry}
              style={style}
              selected={selected.includes(entry.id)}
              onOpen={() => actions.open(entry)}
              onResend={() => actions.resend(entry)}
              onToggleSelect={() => actions.toggleSelect(entry)}
              onDelete={() => actions.remove(entry)}
            />
          );
        })}
      </div>
    </div>
  );
}
