import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { specFromDraft, type RequestDraft } from './request-draft.ts';
import { initialTabsState, tabsReducer, type RequestTab, type TabsState } from './tabs-reducer.ts';

interface TabsApi {
  state: TabsState;
  activeTab: RequestTab;
  open(spec?: HttpRequestSpec, response?: HttpResponseMeta): void;
  close(tabId: string): void;
  select(tabId: string): void;
  edit(tabId: string, draft: RequestDraft): void;
  send(tabId: string): void;
  cancel(tabId: string): void;
}

const TabsContext = createContext<TabsApi | null>(null);

/** Open tabs, their drafts and their runs; sending and cancelling go through the engine by run id. */
export function TabsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, dispatch] = useReducer(tabsReducer, undefined, initialTabsState);
  // Callbacks read the latest tabs through a ref so they stay stable for the components using them.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  useEffect(() => api.on('http.progress', ({ runId, receivedBytes }) => dispatch({ type: 'runProgress', runId, receivedBytes })), [api]);

  const send = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((candidate) => candidate.id === tabId);
      if (!tab || tab.run.kind === 'running') return;
      // The previous answer's body is no longer shown: let the engine drop it.
      if (tab.run.kind === 'done') void api.call('body.release', { bodyId: tab.run.response.bodyId });
      const runId = crypto.randomUUID();
      dispatch({ type: 'runStarted', tabId, runId, startedAt: Date.now() });
      void api.call('http.send', { runId, request: specFromDraft(tab.draft) }).then((result) => {
        if (result.ok) dispatch({ type: 'runFinished', tabId, runId, response: result.value });
        else dispatch({ type: 'runFailed', tabId, runId, error: result.error });
      });
    },
    [api],
  );

  const cancel = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((candidate) => candidate.id === tabId);
      if (tab?.run.kind === 'running') void api.call('http.cancel', { runId: tab.run.runId });
    },
    [api],
  );

  const close = useCallback(
    (tabId: string) => {
      const tab = stateRef.current.tabs.find((candidate) => candidate.id === tabId);
      if (tab?.run.kind === 'running') void api.call('http.cancel', { runId: tab.run.runId });
      if (tab?.run.kind === 'done') void api.call('body.release', { bodyId: tab.run.response.bodyId });
      dispatch({ type: 'close', tabId });
    },
    [api],
  );

  const value = useMemo<TabsApi>(
    () => ({
      state,
      activeTab: state.tabs.find((tab) => tab.id === state.activeId) ?? state.tabs[0]!,
      open: (spec, response) => dispatch({ type: 'open', spec, response }),
      close,
      select: (tabId) => dispatch({ type: 'select', tabId }),
      edit: (tabId, draft) => dispatch({ type: 'edit', tabId, draft }),
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
