import { memo, useCallback, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { MessageRow, ROW_HEIGHT } from './MessageRow.tsx';
import type { WsSession } from './ws-session-store.ts';

/**
 * The log's rows, virtualised: only the visible ones (and a few either side) exist in the DOM.
 * Its own component, so scrolling re-renders the rows and nothing else. Follows the newest message
 * unless the view is paused; scrolling up with the wheel pauses it.
 */
export const LogRows = memo(function LogRows({
  session,
  label,
  empty,
  selected,
  onSelect,
  onScrollUp,
}: {
  session: WsSession;
  label: string;
  /** Shown instead of rows when the view has none. */
  empty: ReactNode;
  selected: number | undefined;
  onSelect: (index: number | undefined) => void;
  onScrollUp: () => void;
}) {
  const { log, view } = session;
  const rows = view.count;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Re-rendering inside every scroll event (its default) doubles the work while a flood autoscrolls.
    useFlushSync: false,
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && !view.paused) element.scrollTop = rows * ROW_HEIGHT;
  }, [session.version, rows, view.paused]);

  const toggle = useCallback((index: number) => onSelect(index === selected ? undefined : index), [onSelect, selected]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || rows === 0) return;
    event.preventDefault();
    let row = step > 0 ? 0 : rows - 1;
    if (selected !== undefined) {
      for (let candidate = 0; candidate < rows; candidate++) if (view.indexAt(candidate) === selected) row = candidate + step;
    }
    row = Math.min(rows - 1, Math.max(0, row));
    onSelect(view.indexAt(row));
    virtualizer.scrollToIndex(row);
  };

  return (
    <div
      className="ws-log-scroll"
      ref={scrollRef}
      data-testid="ws-log"
      data-paused={view.paused}
      role="listbox"
      aria-label={label}
      aria-activedescendant={selected !== undefined && log.get(selected) ? `ws-row-${selected}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onWheel={(event) => {
        // Scrolling up to read means "hold the view": pause, as the button would.
        if (event.deltaY < 0 && !view.paused && rows > 0) onScrollUp();
      }}
    >
      {rows === 0 ? (
        empty
      ) : (
        <div className="ws-log-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = view.indexAt(item.index);
            const message = log.get(index);
            if (!message) return null;
            return (
              <MessageRow
                key={index}
                message={message}
                index={index}
                startedAt={session.startedAt ?? message.time}
                selected={index === selected}
                top={item.start}
                onSelect={toggle}
              />
            );
          })}
        </div>
      )}
    </div>
  );
});
