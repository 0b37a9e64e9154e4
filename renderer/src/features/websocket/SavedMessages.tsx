import { PencilLine, SendHorizontal, X } from 'lucide-react';
import { IconButton } from '../../components/Button.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { WebSocketTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { useWsSessions, useWsSessionSelect } from './WebSocketSessions.tsx';

/** Messages kept with the tab: one click sends one; they can be loaded into the composer or removed. */
export function SavedMessages({ tab }: { tab: WebSocketTab }) {
  const { t } = useI18n();
  const { editWebSocket } = useTabs();
  const { send } = useWsSessions();
  const open = useWsSessionSelect(tab.id, (session) => session.status === 'open');
  const { saved } = tab.draft;

  return (
    <aside className="ws-saved" data-testid="ws-saved-messages" aria-label={t('ws.saved.title')}>
      <h3 className="ws-saved-title">{t('ws.saved.title')}</h3>
      {saved.length === 0 ? (
        <p className="ws-saved-empty">{t('ws.saved.empty')}</p>
      ) : (
        <ul className="ws-saved-list">
          {saved.map((message) => (
            <li key={message.id} className="ws-saved-item" data-testid="ws-saved-message">
              <button
                type="button"
                className="ws-saved-send"
                disabled={!open}
                title={open ? t('ws.saved.sendHint') : t('ws.saved.connectFirst')}
                onClick={() => send(tab.id, message)}
              >
                <SendHorizontal size={13} aria-hidden className="ws-saved-icon" />
                <span className="ws-saved-name">{message.name}</span>
                <span className="ws-format-badge">{message.format === 'binary' ? message.encoding : message.format}</span>
              </button>
              <IconButton
                label={t('ws.saved.load')}
                className="ws-saved-action"
                onClick={() => editWebSocket(tab.id, { ...tab.draft, composer: { format: message.format, encoding: message.encoding, body: message.body } })}
              >
                <PencilLine size={13} />
              </IconButton>
              <IconButton
                label={t('ws.saved.remove')}
                className="ws-saved-action"
                onClick={() => editWebSocket(tab.id, { ...tab.draft, saved: saved.filter((candidate) => candidate.id !== message.id) })}
              >
                <X size={13} />
              </IconButton>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
