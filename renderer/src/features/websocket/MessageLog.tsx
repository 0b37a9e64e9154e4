import { useCallback, useMemo, useState } from 'react';
import { ArrowDown, Radio } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDuration } from '../response/format.ts';
import { ConnectionState } from './ConnectionState.tsx';
import { downloadText, fileTimestamp } from './download-text.ts';
import { ErrorSentence } from './ErrorSentence.tsx';
import { LogToolbar } from './LogToolbar.tsx';
import { LogRows } from './LogRows.tsx';
import { MessageDetail } from './MessageDetail.tsx';
import { sessionToNdjson } from './ndjson.ts';
import { useWsSession, useWsSessions } from './WebSocketSessions.tsx';

/**
 * The lower half of a WebSocket tab: where the connection stands, and the message log — virtualised
 * (only visible rows exist in the DOM), bounded by the log limit, filterable, pausable.
 */
export function MessageLog({ tabId }: { tabId: string }) {
  const { t, locale } = useI18n();
  const { store } = useWsSessions();
  const session = useWsSession(tabId);
  const { log, view, handshake } = session;
  const [selected, setSelected] = useState<number>();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const rows = view.count;
  const pauseByScroll = useCallback(() => store.setPaused(tabId, true), [store, tabId]);
  const selectedMessage = selected === undefined ? undefined : log.get(selected);

  const exportSession = () => {
    const host = handshake ? new URL(handshake.url).host.replace(/[^\w.-]+/g, '_') : 'session';
    downloadText(`websocket-${host}-${fileTimestamp()}.ndjson`, sessionToNdjson(log), 'application/x-ndjson');
  };

  const filtered = view.filter.query !== '' || view.filter.direction !== 'all' || view.filter.type !== 'all';
  const showError = session.error && (session.status === 'closed' || session.status === 'reconnecting' || session.status === 'open');

  return (
    <section className="ws-log-pane" aria-label={t('ws.log.label')}>
      <div className="ws-status-bar">
        <ConnectionState session={session} />
        {session.status === 'open' && handshake ? (
          <>
            <span className="metric" title={t('ws.handshake.openTime')}>
              <span className="metric-label">{t('ws.status.opened')}</span> {formatDuration(handshake.openMs)}
            </span>
            {handshake.protocol ? (
              <span className="metric" title={t('ws.handshake.protocol')}>
                <span className="metric-label">{t('ws.status.protocol')}</span> {handshake.protocol}
              </span>
            ) : null}
          </>
        ) : null}
        <span className="spacer" />
        {filtered ? (
          <span className="ws-shown" data-testid="ws-shown" data-count={rows}>
            {t('ws.log.shown', { count: number.format(rows) })}
          </span>
        ) : null}
        <span className="ws-count" data-testid="ws-count" data-count={log.total}>
          {t('ws.log.count', { count: number.format(log.total) })}
        </span>
      </div>
      {showError && session.error ? <ErrorSentence error={session.error} className="ws-error" testId="ws-error" /> : null}
      <LogToolbar
        filter={view.filter}
        problem={view.problem}
        paused={view.paused}
        canExport={log.length > 0}
        onFilter={(filter) => store.setFilter(tabId, filter)}
        onPause={(paused) => store.setPaused(tabId, paused)}
        onClear={() => {
          setSelected(undefined);
          store.clearLog(tabId);
        }}
        onExport={exportSession}
      />
      {log.dropped > 0 ? (
        <p className="ws-dropped" data-testid="ws-dropped" data-count={log.dropped}>
          {t('ws.log.dropped', { count: number.format(log.dropped), limit: number.format(log.capacity) })}
        </p>
      ) : null}
      <div className="ws-log-body">
        <LogRows
          session={session}
          label={t('ws.log.label')}
          selected={selected}
          onSelect={setSelected}
          onScrollUp={pauseByScroll}
          empty={
            <div className="response-placeholder ws-log-empty">
              <Radio size={30} className="placeholder-icon" aria-hidden />
              <p>
                {log.total > 0
                  ? filtered
                    ? t('ws.log.noMatch')
                    : t('ws.log.cleared')
                  : session.status === 'open'
                    ? t('ws.log.waiting')
                    : t('ws.log.empty')}
              </p>
            </div>
          }
        />
        {view.paused && view.newWhilePaused > 0 ? (
          <button type="button" className="ws-new-messages" data-testid="ws-new-messages" onClick={() => store.setPaused(tabId, false)}>
            <ArrowDown size={13} aria-hidden /> {t('ws.log.newMessages', { count: number.format(view.newWhilePaused) })}
          </button>
        ) : null}
      </div>
      {selectedMessage ? <MessageDetail key={selected} message={selectedMessage} onClose={() => setSelected(undefined)} /> : null}
    </section>
  );
}
