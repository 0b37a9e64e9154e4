import { Loader2, Plug, Unplug } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { SessionStatus } from './ws-session-store.ts';

/** The URL and one button that connects, or cancels, or disconnects, depending on where the connection stands. */
export function WsUrlBar({
  url,
  status,
  onUrlChange,
  onConnect,
  onDisconnect,
}: {
  url: string;
  status: SessionStatus;
  onUrlChange: (url: string) => void;
  onConnect: () => void;
  onDisconnect: () => void;
}) {
  const { t } = useI18n();
  const live = status === 'connecting' || status === 'open' || status === 'reconnecting' || status === 'closing';
  const label =
    status === 'open' ? t('ws.disconnect') : status === 'closing' ? t('ws.disconnecting') : live ? t('ws.cancel') : t('ws.connect');
  return (
    <form
      className="url-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (live) onDisconnect();
        else onConnect();
      }}
    >
      <span className="protocol-picker" aria-hidden>
        WS
      </span>
      <input
        className="url-input"
        data-testid="ws-url"
        aria-label={t('ws.url')}
        placeholder={t('ws.url.placeholder')}
        value={url}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onUrlChange(event.target.value)}
      />
      <button
        type="submit"
        className={`btn btn-md ${live ? 'btn-secondary' : 'btn-primary'} send-button`}
        data-testid="ws-connect"
        data-state={status}
        disabled={status === 'closing'}
      >
        {status === 'connecting' || status === 'closing' ? (
          <Loader2 size={15} className="spin" aria-hidden />
        ) : live ? (
          <Unplug size={15} aria-hidden />
        ) : (
          <Plug size={15} aria-hidden />
        )}
        {label}
      </button>
    </form>
  );
}
