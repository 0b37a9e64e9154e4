import type { RawHeader } from '../../../../shared/model/response.ts';
import { HeaderTable } from '../../components/HeaderTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ConnectionFacts } from '../response/ConnectionFacts.tsx';
import { formatDuration } from '../response/format.ts';
import { useWsSessionSelect } from './WebSocketSessions.tsx';

/** The opening handshake as it happened: URL, status, what was negotiated, time to open, both header lists. */
export function HandshakeView({ tabId }: { tabId: string }) {
  const { t } = useI18n();
  const handshake = useWsSessionSelect(tabId, (session) => session.handshake);
  if (!handshake) return <p className="empty-hint">{t('ws.handshake.empty')}</p>;
  const none = <span className="hint">{t('ws.handshake.none')}</span>;
  return (
    <div className="ws-handshake" data-testid="ws-handshake">
      <dl className="ws-facts">
        <dt>{t('ws.handshake.url')}</dt>
        <dd className="mono">{handshake.url}</dd>
        <dt>{t('ws.handshake.status')}</dt>
        <dd className="mono" data-testid="ws-handshake-status">
          {handshake.status} {handshake.statusText}
        </dd>
        <dt>{t('ws.handshake.protocol')}</dt>
        <dd className="mono" data-testid="ws-handshake-protocol">
          {handshake.protocol || none}
        </dd>
        <dt>{t('ws.handshake.extensions')}</dt>
        <dd className="mono">{handshake.extensions || none}</dd>
        <dt>{t('ws.handshake.openTime')}</dt>
        <dd className="mono">{handshake.status === 101 ? formatDuration(handshake.openMs) : none}</dd>
      </dl>
      {handshake.connection ? (
        <>
          <h3 className="ws-subtitle">{t('timeline.connection')}</h3>
          <ConnectionFacts connection={handshake.connection} className="ws-facts" />
        </>
      ) : null}
      <HeaderList title={t('ws.handshake.requestHeaders')} headers={handshake.requestHeaders} testId="ws-request-headers" />
      <HeaderList title={t('ws.handshake.responseHeaders')} headers={handshake.responseHeaders} testId="ws-response-headers" />
    </div>
  );
}

function HeaderList({ title, headers, testId }: { title: string; headers: RawHeader[]; testId: string }) {
  return (
    <>
      <h3 className="ws-subtitle">
        {title} <span className="count">{headers.length}</span>
      </h3>
      <HeaderTable headers={headers} testId={testId} />
    </>
  );
}
