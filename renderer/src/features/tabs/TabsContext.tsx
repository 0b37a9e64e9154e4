import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { specFromDraft, type RequestDraft } from './request-draft.ts';
import type { WsDraft } from '../websocket/ws-draft.ts';
import { initialTabsState, tabsReducer, type Tab } from './tabs-reducer.ts';
import { isDirty, sendContextOf, withSavedTabs, type SavedTabsAction, type SavedTabsState } from './saved-tabs.ts';

const reducer = withSavedTabs(tabsReducer);

interface TabsApi {
  state: SavedTabsState;
  activeTab: Tab;
  /** Opens a tab; `send` sends its request at once (history's "send again"). */
  open(spec?: HttpRequestSpec, response?: HttpResponseMeta, options?: { send?: boolean }): void;
  /** Opens a WebSocket tab; under `tabId` when the caller prepared its session first (see newTabId). */
  openWebSocket(draft?: WsDraft, tabId?: string): void;
  editWebSocket(tabId: string, draft: WsDraft): void;
  /** Closes a tab; a tab with unsaved edits asks first (state.closeRequest) unless `force`. */
  close(tabId: string, options?: { force?: boolean }): void;
  select(tabId: string): void;
  /** Saved-request actions: open from the workspace, mark saved, follow changes on disk, restore (saved-tabs.ts). */
  dispatch(action: SavedTabsAction): void;
  edit(tabId: string, draft: RequestDraft): void;
  send(tabId: string): void;
  cancel(tabId: string): void;
}

const TabsContext = createContext<TabsApi | null>(null);

/** Open tabs, their drafts and their runs; sending and cancelling go through the engine by run id. */
export function TabsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, dispatch] = useReducer(reducer, undefined, (): SavedTabsState => initialTabsState());
  // Callbacks read the latest tabs through a ref so they stay stable for the components using them.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  useEffect(() => api.on('http.progress', ({ runId, receivedBytes }) => dispatch({ type: 'runProgress', runId, receivedBytes })), [api]);

  const send = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((candidate) => candidate.id === tabId);
      if (tab?.kind !== 'http' || tab.run.kind === 'running') return;
      // The previous answer's body is no longer shown: let the engine drop it.
      if (tab.run.kind === 'done') void api.call('body.release', { bodyId: tab.run.response.bodyId });
      const runId = crypto.randomUUID();
      dispatch({ type: 'runStarted', tabId, runId, startedAt: Date.now() });
      void api.call('http.send', { runId, request: specFromDraft(tab.draft), source: { tabId, requestId: tab.saved?.path }, context: sendContextOf(tab) }).then((result) => {
        if (result.ok) dispatch({ type: 'runFinished', tabId, runId, response: result.value });
        else dispatch({ type: 'runFailed', tabId, runId, error: result.error });
      });
    },
    [api],
  );

  // A tab opened to be sent is sent once it is the active tab (the reducer has created it by then).
  const sendOnOpen = useRef(false);
  useEffect(() => {
    if (!sendOnOpen.current) return;
    sendOnOpen.current = false;
    send(state.activeId);
  }, [state.activeId, send]);

  const cancel = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((candidate) => candidate.id === tabId);
      if (tab?.kind === 'http' && tab.run.kind === 'running') void api.call('http.cancel', { runId: tab.run.runId });
    },
    [api],
  );

  const close = useCallback(
    (tabId: string, options?: { force?: boolean }) => {
      const tab = stateRef.current.tabs.find((candidate) => candidate.id === tabId);
      if (tab && !options?.force && isDirty(tab)) {
        dispatch({ type: 'askClose', tabId });
        return;
      }
      if (stateRef.current.closeRequest === tabId) dispatch({ type: 'askClose', tabId: undefined });
      // A WebSocket tab's connection is closed by its session provider when the tab disappears.
      if (tab?.kind === 'http' && tab.run.kind === 'running') void api.call('http.cancel', { runId: tab.run.runId });
      if (tab?.kind === 'http' && tab.run.kind === 'done') void api.call('body.release', { bodyId: tab.run.response.bodyId });
      dispatch({ type: 'close', tabId });
    },
    [api],
  );

  const value = useMemo<TabsApi>(
    () => ({
      state,
      activeTab: state.tabs.find((tab) => tab.id === state.activeId) ?? state.tabs[0]!,
      open: (spec, response, options) => {
        sendOnOpen.current = options?.send === true;
        dispatch({ type: 'open', spec, response });
      },
      openWebSocket: (draft, tabId) => dispatch({ type: 'openWebSocket', draft, tabId }),
      editWebSocket: (tabId, draft) => dispatch({ type: 'editWebSocket', tabId, draft }),
      close,
      select: (tabId) => dispatch({ type: 'select', tabId }),
      edit: (tabId, draft) => dispatch({ type: 'edit', tabId, draft }),
      dispatch,
      send,
      cancel,
    }),
    [state, close, send, cancel],
  );
  return <TabsContext.Provider value={value}>{children}</TabsContext.Provider>;
}

export function useTabs(): TabsApi {
  const tabs = useContext(TabsContext);
  if (!tabs) throw new Error('useTabs() needs a <TabsProvider> above it');
  return tabs;
}
