import { memo } from 'react';
import type { WsMessage } from '../../../../shared/model/websocket.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBytes } from '../response/format.ts';
import { formatClock, formatOffset, rowPreview } from './message-content.ts';

export const ROW_HEIGHT = 30;

/** One message in the log: direction, type, content on one line, size, time to the ms and since the session began. */
export const MessageRow = memo(function MessageRow({
  message,
  index,
  startedAt,
  selected,
  top,
  onSelect,
}: {
  message: WsMessage;
  index: number;
  startedAt: number;
  selected: boolean;
  /** Where the virtualiser places the row, in px. */
  top: number;
  onSelect: (index: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div
      role="option"
      aria-selected={selected}
      id={`ws-row-${index}`}
      className={`ws-row ws-row-${message.direction}${selected ? ' selected' : ''}`}
      data-testid="ws-message"
      data-direction={message.direction}
      data-type={message.type}
      data-seq={message.seq}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(index)}
    >
      {/* The arrow is drawn by CSS: thousands of rows a second should not each build an SVG. */}
      <span className={`ws-dir ws-dir-${message.direction}`} title={t(`ws.direction.${message.direction}`)}>
        <span className="visually-hidden">{t(`ws.direction.${message.direction}`)}</span>
      </span>
      <span className={`ws-type ws-type-${message.type}`}>{t(`ws.type.${message.type}`)}</span>
      <span className="ws-content" data-testid="ws-message-content">
        {rowPreview(message) || <span className="hint">{t('ws.log.emptyPayload')}</span>}
        {message.truncated ? <span className="hint"> …</span> : null}
      </span>
      <span className="ws-size">{formatBytes(message.size)}</span>
      <time className="ws-time" dateTime={new Date(message.time).toISOString()}>
        {formatClock(message.time)}
      </time>
      <span className="ws-offset">{formatOffset(message.time - startedAt)}</span>
    </div>
  );
});
