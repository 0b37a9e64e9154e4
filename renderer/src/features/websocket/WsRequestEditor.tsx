import { useState } from 'react';
import { WS_AUTH_TYPES, wsTlsSettings } from '../../../../shared/model/websocket.ts';
import { KeyValueTable } from '../../components/KeyValueTable.tsx';
import { TabList } from '../../components/TabList.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AuthPanel } from '../request/AuthPanel.tsx';
import type { WebSocketTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { Composer } from './Composer.tsx';
import { HandshakeView } from './HandshakeView.tsx';
import { SavedMessages } from './SavedMessages.tsx';
import { SubprotocolsPanel } from './SubprotocolsPanel.tsx';
import { useWsSessions, useWsSessionSelect } from './WebSocketSessions.tsx';
import { WsSettingsPanel } from './WsSettingsPanel.tsx';
import { WsUrlBar } from './WsUrlBar.tsx';
import type { WsDraft } from './ws-draft.ts';

type Section = 'message' | 'params' | 'headers' | 'auth' | 'subprotocols' | 'settings' | 'handshake';

/** The upper half of a WebSocket tab: URL and Connect, then the message composer and the connection's details. */
export function WsRequestEditor({ tab }: { tab: WebSocketTab }) {
  const { t } = useI18n();
  const { editWebSocket } = useTabs();
  const { connect, disconnect } = useWsSessions();
  const status = useWsSessionSelect(tab.id, (session) => session.status);
  const [section, setSection] = useState<Section>('message');
  const { draft } = tab;
  const edit = (patch: Partial<WsDraft>) => editWebSocket(tab.id, { ...draft, ...patch });
  const activeRows = (rows: WsDraft['params']) => rows.filter((row) => row.enabled && row.name.trim() !== '').length;
  const count = (value: number) => (value ? <span className="count">{value}</span> : null);
  const protocols = draft.subprotocols.split(',').filter((protocol) => protocol.trim() !== '').length;

  return (
    <section className="request-editor" aria-label={t('ws.sections')}>
      <WsUrlBar
        url={draft.url}
        status={status}
        onUrlChange={(url) => edit({ url })}
        onConnect={() => connect(tab)}
        onDisconnect={() => disconnect(tab)}
      />
      <TabList<Section>
        idPrefix="ws-request"
        label={t('ws.sections')}
        selected={section}
        onSelect={setSection}
        items={[
          { key: 'message', label: t('ws.message') },
          { key: 'params', label: <>{t('ws.params')}{count(activeRows(draft.params))}</> },
          { key: 'headers', label: <>{t('ws.headers')}{count(activeRows(draft.headers))}</> },
          { key: 'auth', label: <>{t('ws.auth')}{draft.auth.type !== 'none' ? <span className="dot" aria-hidden /> : null}</>, testId: 'ws-section-auth' },
          { key: 'subprotocols', label: <>{t('ws.subprotocols')}{count(protocols)}</>, testId: 'ws-section-subprotocols' },
          { key: 'settings', label: t('ws.settings'), testId: 'ws-section-settings' },
          { key: 'handshake', label: t('ws.handshake'), testId: 'ws-section-handshake' },
        ]}
      />
      <div className="section-panel" role="tabpanel" id="ws-request-panel" aria-labelledby={`ws-request-tab-${section}`}>
        {section === 'message' ? (
          <div className="ws-message-panel">
            <Composer tab={tab} />
            <SavedMessages tab={tab} />
          </div>
        ) : null}
        {section === 'params' ? (
          <KeyValueTable
            testId="ws-params"
            label={t('ws.params')}
            namePlaceholder={t('ws.params.namePlaceholder')}
            rows={draft.params}
            onChange={(params) => edit({ params })}
          />
        ) : null}
        {section === 'headers' ? (
          <KeyValueTable
            testId="ws-headers"
            label={t('ws.headers')}
            namePlaceholder={t('table.namePlaceholder')}
            rows={draft.headers}
            onChange={(headers) => edit({ headers })}
          />
        ) : null}
        {section === 'auth' ? (
          <AuthPanel
            auth={draft.auth}
            settings={wsTlsSettings(draft.settings)}
            types={WS_AUTH_TYPES}
            hint={t('ws.auth.hint')}
            onChange={(auth) => edit({ auth })}
          />
        ) : null}
        {section === 'subprotocols' ? <SubprotocolsPanel value={draft.subprotocols} onChange={(subprotocols) => edit({ subprotocols })} /> : null}
        {section === 'settings' ? <WsSettingsPanel settings={draft.settings} onChange={(settings) => edit({ settings })} /> : null}
        {section === 'handshake' ? <HandshakeView tabId={tab.id} /> : null}
      </div>
    </section>
  );
}
