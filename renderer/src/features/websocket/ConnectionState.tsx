import { Circle, Loader2 } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { WsSession } from './ws-session-store.ts';

/** The connection's state as a pill that is always visible: connecting, open, why it closed, the next retry. */
export function ConnectionState({ session }: { session: WsSession }) {
  const { t } = useI18n();
  const { status, close, reconnect } = session;
  const closeText = close ? [close.code, close.reason].filter((part) => part !== '').join(' ') : '';
  let label: string;
  switch (status) {
    case 'idle':
      label = t('ws.state.idle');
      break;
    case 'connecting':
      label = reconnect ? t('ws.state.reconnectingNow', { attempt: reconnect.attempt, max: reconnect.maxAttempts }) : t('ws.state.connecting');
      break;
    case 'open':
      label = t('ws.state.open');
      break;
    case 'closing':
      label = t('ws.state.closing');
      break;
    case 'reconnecting':
      label = t('ws.state.reconnecting', {
        seconds: ((reconnect?.delayMs ?? 0) / 1000).toFixed(1),
        attempt: reconnect?.attempt ?? 1,
        max: reconnect?.maxAttempts ?? 1,
      });
      break;
    case 'closed':
      label = close ? t('ws.state.closedWith', { close: closeText }) : session.error ? t('ws.state.failed') : t('ws.state.closed');
      break;
  }
  const busy = status === 'connecting' || status === 'closing' || status === 'reconnecting';
  return (
    <span
      className={`ws-state ws-state-${status}${session.error && status === 'closed' ? ' ws-state-failed' : ''}`}
      data-testid="ws-state"
      data-state={status}
      data-close-code={close?.code}
      role="status"
      title={close ? t('ws.closedBy', { by: t(`ws.closedBy.${close.by}`) }) : undefined}
    >
      {busy ? <Loader2 size={12} className="spin" aria-hidden /> : <Circle size={8} className="ws-state-dot" aria-hidden />}
      {label}
    </span>
  );
}
