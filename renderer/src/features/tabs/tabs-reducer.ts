import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { emptyWsDraft, type WsDraft } from '../websocket/ws-draft.ts';
import { draftFromSpec, type RequestDraft } from './request-draft.ts';
import type { DiskConflict, SavedOrigin } from './saved-tabs.ts';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; runId: string; startedAt: number; receivedBytes: number }
  | { kind: 'done'; response: HttpResponseMeta }
  | { kind: 'failed'; error: ShuttleError };

export interface RequestTab {
  kind: 'http';
  id: string;
  draft: RequestDraft;
  run: RunState;
  /** Set when the tab edits a request saved in the workspace (features/tabs/saved-tabs.ts). */
  saved?: SavedOrigin;
  conflict?: DiskConflict;
}

/** A WebSocket tab holds what the user composed; its live session and log live in features/websocket. */
export interface WebSocketTab {
  kind: 'websocket';
  id: string;
  draft: WsDraft;
  saved?: SavedOrigin;
  conflict?: DiskConflict;
}

export type Tab = RequestTab | WebSocketTab;

export interface TabsState {
  tabs: Tab[];
  activeId: string;
}

export type TabsAction =
  /** Opens a tab, optionally with a request to edit and a response to show (e.g. from history). */
  | { type: 'open'; spec?: HttpRequestSpec; response?: HttpResponseMeta }
  | { type: 'close'; tabId: string }
  | { type: 'select'; tabId: string }
  | { type: 'edit'; tabId: string; draft: RequestDraft }
  /** `tabId` when the caller prepared something for the tab first (a recorded session's log, from history). */
  | { type: 'openWebSocket'; draft?: WsDraft; tabId?: string }
  | { type: 'editWebSocket'; tabId: string; draft: WsDraft }
  | { type: 'runStarted'; tabId: string; runId: string; startedAt: number }
  | { type: 'runProgress'; runId: string; receivedBytes: number }
  | { type: 'runFinished'; tabId: string; runId: string; response: HttpResponseMeta }
  | { type: 'runFailed'; tabId: string; runId: string; error: ShuttleError };

let nextTabId = 0;
/** A fresh tab id, for the reducer and for a caller that opens a tab under an id it chose. */
export function newTabId(): string {
  nextTabId += 1;
  return `tab-${nextTabId}`;
}

function newTab(spec?: HttpRequestSpec, response?: HttpResponseMeta): RequestTab {
  return { kind: 'http', id: newTabId(), draft: draftFromSpec(spec), run: response ? { kind: 'done', response } : { kind: 'idle' } };
}

function newWebSocketTab(draft: WsDraft = emptyWsDraft(), id = newTabId()): WebSocketTab {
  return { kind: 'websocket', id, draft };
}

export function initialTabsState(): TabsState {
  return freshTabs();
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'open': {
      const tab = newTab(action.spec, action.response);
      return { ...state, tabs: [...state.tabs, tab], activeId: tab.id };
    }
    case 'close': {
      const index = state.tabs.findIndex((tab) => tab.id === action.tabId);
      if (index === -1) return state;
      const tabs = state.tabs.filter((tab) => tab.id !== action.tabId);
      // There is always a tab to type into: closing the last one leaves a fresh one.
      if (tabs.length === 0) return { ...state, ...freshTabs() };
      const activeId =
        state.activeId === action.tabId ? (tabs[Math.min(index, tabs.length - 1)]?.id ?? tabs[0]!.id) : state.activeId;
      return { ...state, tabs, activeId };
    }
    case 'select':
      return state.tabs.some((tab) => tab.id === action.tabId) ? { ...state, activeId: action.tabId } : state;
    case 'edit':
      return updateTab(state, action.tabId, (tab) => ({ ...tab, draft: action.draft }));
    case 'openWebSocket': {
      const tab = newWebSocketTab(action.draft, action.tabId);
      return { ...state, tabs: [...state.tabs, tab], activeId: tab.id };
    }
    case 'editWebSocket':
      return {
        ...state,
        tabs: state.tabs.map((tab) => (tab.id === action.tabId && tab.kind === 'websocket' ? { ...tab, draft: action.draft } : tab)),
      };
    case 'runStarted': {
      const tab = state.tabs.find((candidate) => candidate.id === action.tabId);
      if (tab?.kind !== 'http') return state;
      return updateTab(state, action.tabId, (current) => ({
        ...current,
        run: { kind: 'running', runId: action.runId, startedAt: action.startedAt, receivedBytes: 0 },
      }));
    }
    case 'runProgress':
      return {
        ...state,
        tabs: state.tabs.map((tab) =>
          tab.kind === 'http' && tab.run.kind === 'running' && tab.run.runId === action.runId
            ? { ...tab, run: { ...tab.run, receivedBytes: action.receivedBytes } }
            : tab,
        ),
      };
    case 'runFinished':
      return finishRun(state, action.tabId, action.runId, { kind: 'done', response: action.response });
    case 'runFailed':
      return finishRun(state, action.tabId, action.runId, { kind: 'failed', error: action.error });
  }
}

function freshTabs(): TabsState {
  const tab = newTab();
  return { tabs: [tab], activeId: tab.id };
}

/** Changes an HTTP tab (a WebSocket tab has no run, and its own edit action). */
function updateTab(state: TabsState, tabId: string, change: (tab: RequestTab) => RequestTab): TabsState {
  return { ...state, tabs: state.tabs.map((tab) => (tab.id === tabId && tab.kind === 'http' ? change(tab) : tab)) };
}

function finishRun(state: TabsState, tabId: string, runId: string, run: RunState): TabsState {
  return updateTab(state, tabId, (tab) =>
    // A stale answer (the user already sent again or cancelled) must not overwrite the newer state.
    tab.run.kind === 'running' && tab.run.runId === runId ? { ...tab, run } : tab,
  );
}
