import { GitCompareArrows, RotateCw, Trash2 } from 'lucide-react';
import type { CSSProperties } from 'react';
import type { HistoryEntrySummary } from '../../../../shared/model/history.ts';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration, statusClass } from '../response/format.ts';
import { formatClock } from './format-time.ts';
import { displayPath } from './history-rows.ts';

/** One sent request in the History list: click to open it in a tab; actions on hover or focus. */
export function HistoryItem({
  entry,
  selected,
  style,
  onOpen,
  onResend,
  onToggleSelect,
  onDelete,
}: {
  entry: HistoryEntrySummary;
  selected: boolean;
  style: CSSProperties;
  onOpen: () => void;
  onResend: () => void;
  onToggleSelect: () => void;
  onDelete: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div role="listitem" className="history-item" data-testid="history-item" data-entry-id={entry.id} data-selected={selected || undefined} style={style}>
      <button type="button" className="history-item-open" data-testid="history-open" title={`${entry.method} ${entry.url}\n${t('history.open')}`} onClick={onOpen}>
        <span className="history-item-line">
          <span className={`method-badge method-${entry.method.toLowerCase()}`}>{entry.method}</span>
          <span className="history-item-path">{displayPath(entry.url)}</span>
          <time className="history-item-time" dateTime={new Date(entry.sentAt).toISOString()}>
            {formatClock(entry.sentAt, locale)}
          </time>
        </span>
        <span className="history-item-meta">
          {entry.status === null ? (
            <span className="history-item-status status-server-error" title={entry.errorCode ?? undefined}>
              {entry.errorCode ?? t('history.failed')}
            </span>
          ) : (
            <span className={`history-item-status status-${statusClass(entry.status)}`}>{entry.status}</span>
          )}
          <span className="history-item-host">{entry.host}</span>
          <span className="history-item-duration">{formatDuration(entry.durationMs)}</span>
        </span>
      </button>
      <div className="history-item-actions">
        <IconButton label={t('history.select')} data-testid="diff-select" aria-pressed={selected} className={selected ? 'pressed' : undefined} onClick={onToggleSelect}>
          <GitCompareArrows size={14} />
        </IconButton>
        <IconButton label={t('history.resend')} data-testid="history-resend" onClick={onResend}>
          <RotateCw size={14} />
        </IconButton>
        <IconButton label={t('history.delete')} data-testid="history-delete" onClick={onDelete}>
          <Trash2 size={14} />
        </IconButton>
      </div>
    </div>
  );
}
