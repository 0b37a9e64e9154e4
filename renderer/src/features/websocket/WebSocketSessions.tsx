import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useSettings } from '../../state/SettingsContext.tsx';
import { sendContextOf } from '../tabs/saved-tabs.ts';
import type { WebSocketTab } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { prepareComposed } from './composed-message.ts';
import type { ComposedMessage } from './ws-draft.ts';
import { specFromWsDraft } from './ws-draft.ts';
import { isLive, WsSessionStore, type WsSession } from './ws-session-store.ts';

interface WsSessionsApi {
  store: WsSessionStore;
  connect(tab: WebSocketTab): void;
  disconnect(tab: WebSocketTab): void;
  /** Sends a composed message on the tab's connection; why it could not be sent shows in the session. */
  send(tabId: string, composed: ComposedMessage): void;
}

const WsSessionsContext = createContext<WsSessionsApi | null>(null);

/** Opens and closes each WebSocket tab's connection through the engine and feeds its log from engine events. */
export function WebSocketSessionsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { settings } = useSettings();
  const { state } = useTabs();
  const [store] = useState(() => new WsSessionStore(settings.wsLogLimit));

  useEffect(() => store.setLogLimit(settings.wsLogLimit), [store, settings.wsLogLimit]);
  useEffect(() => {
    const offState = api.on('ws.state', (event) => store.applyState(event));
    const offMessages = api.on('ws.messages', (event) => store.appendMessages(event));
    return () => {
      offState();
      offMessages();
    };
  }, [api, store]);

  // Closing a tab closes its connection.
  useEffect(() => {
    const open = new Set(state.tabs.map((tab) => tab.id));
    for (const tabId of store.tabIds()) {
      if (open.has(tabId)) continue;
      const connectionId = store.remove(tabId);
      if (connectionId) void api.call('ws.disconnect', { connectionId });
    }
  }, [api, store, state.tabs]);

  const connect = useCallback(
    (tab: WebSocketTab) => {
      const connectionId = crypto.randomUUID();
      store.begin(tab.id, connectionId);
      // A tab saved in a collection resolves its {{variables}} with that collection's and folder's too.
      const context = sendContextOf(tab);
      const source = { tabId: tab.id, ...(tab.saved ? { requestId: tab.saved.path } : {}) };
      void api.call('ws.connect', { connectionId, request: specFromWsDraft(tab.draft), source, ...(context ? { context } : {}) }).then((result) => {
        if (!result.ok) store.connectFailed(tab.id, connectionId, result.error);
      });
    },
    [api, store],
  );

  const disconnect = useCallback(
    (tab: WebSocketTab) => {
      const session = store.get(tab.id);
      if (!session.connectionId || !isLive(session.status)) return;
      const { closeCode, closeReason } = tab.draft.settings;
      void api
        .call('ws.disconnect', { connectionId: session.connectionId, code: closeCode, ...(closeReason ? { reason: closeReason } : {}) })
        .then((result) => {
          if (!result.ok) store.commandFailed(tab.id, result.error);
        });
    },
    [api, store],
  );

  const send = useCallback(
    (tabId: string, composed: ComposedMessage) => {
      const problem = (error: ShuttleError) => store.sendFailed(tabId, error);
      const prepared = prepareComposed(composed);
      if (!prepared.ok) return problem({ code: 'VALIDATION', message: prepared.detail });
      const session = store.get(tabId);
      if (!session.connectionId || session.status !== 'open') return problem({ code: 'NOT_CONNECTED', message: 'Not connected' });
      store.sendFailed(tabId, undefined);
      void api.call('ws.send', { connectionId: session.connectionId, message: prepared.message }).then((result) => {
        if (!result.ok) problem(result.error);
      });
    },
    [api, store],
  );

  const value = useMemo<WsSessionsApi>(() => ({ store, connect, disconnect, send }), [store, connect, disconnect, send]);
  return <WsSessionsContext.Provider value={value}>{children}</WsSessionsContext.Provider>;
}

export function useWsSessions(): WsSessionsApi {
  const sessions = useContext(WsSessionsContext);
  if (!sessions) throw new Error('useWsSessions() needs a <WebSocketSessionsProvider> above it');
  return sessions;
}

/** The tab's session; re-renders when its state changes or new messages arrive. */
export function useWsSession(tabId: string): WsSession {
  const { store } = useWsSessions();
  const subscribe = useCallback((listener: () => void) => store.subscribe(tabId, listener), [store, tabId]);
  return useSyncExternalStore(subscribe, () => store.get(tabId));
}

/**
 * One part of the tab's session (its status, its handshake…); re-renders only when that part
 * changes, not with every message batch. `select` must return a stored value or a primitive.
 */
export function useWsSessionSelect<T>(tabId: string, select: (session: WsSession) => T): T {
  const { store } = useWsSessions();
  const subscribe = useCallback((listener: () => void) => store.subscribe(tabId, listener), [store, tabId]);
  return useSyncExternalStore(subscribe, () => select(store.get(tabId)));
}
