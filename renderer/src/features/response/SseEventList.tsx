import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SseEvent } from '../../../../shared/http/sse-parser.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const ROW_HEIGHT = 26;

/** Server-sent events as a list (id, type, data, time), live while the stream runs; virtualised for long streams. */
export function SseEventList({ events, live }: { events: readonly SseEvent[]; live: boolean }) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands out new functions each render; nothing here memoises them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: events.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const first = events[0]?.time;
  return (
    <div className="sse-view" data-testid="sse-events" data-count={events.length} data-live={live}>
      <div className="sse-header">
        <span className="sse-col-index">#</span>
        <span className="sse-col-id">{t('sse.id')}</span>
        <span className="sse-col-event">{t('sse.event')}</span>
        <span className="sse-col-data">{t('sse.data')}</span>
        <span className="sse-col-time">{t('sse.time')}</span>
      </div>
      {events.length === 0 ? <p className="empty-hint">{live ? t('sse.waiting') : t('sse.none')}</p> : null}
      <div className="sse-rows" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index]!;
            return (
              <div key={item.key} className="sse-row" data-testid="sse-event" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <span className="sse-col-index">{item.index + 1}</span>
                <span className="sse-col-id">{event.id}</span>
                <span className="sse-col-event">{event.event}</span>
                <span className="sse-col-data" title={event.data}>
                  {event.data}
                </span>
                <span className="sse-col-time">{event.time !== undefined && first !== undefined ? `+${event.time - first} ms` : ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
