import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpRequestSpec } from '../../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { draftFromSpec, specFromDraft, type RequestDraft } from './request-draft.ts';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; runId: string; startedAt: number; receivedBytes: number }
  | { kind: 'done'; response: HttpResponseMeta }
  | { kind: 'failed'; error: ShuttleError };

export interface RequestTab {
  id: string;
  draft: RequestDraft;
  run: RunState;
}

/** A request sent in this session, listed in the sidebar so it can be reopened. */
export interface SentRequest {
  runId: string;
  spec: HttpRequestSpec;
  status?: number;
  errorCode?: ShuttleError['code'];
}

export interface TabsState {
  tabs: RequestTab[];
  activeId: string;
  sent: SentRequest[];
}

export type TabsAction =
  /** Opens a tab, optionally with a request to edit and a response to show (e.g. from history). */
  | { type: 'open'; spec?: HttpRequestSpec; response?: HttpResponseMeta }
  | { type: 'close'; tabId: string }
  | { type: 'select'; tabId: string }
  | { type: 'edit'; tabId: string; draft: RequestDraft }
  | { type: 'runStarted'; tabId: string; runId: string; startedAt: number }
  | { type: 'runProgress'; runId: string; receivedBytes: number }
  | { type: 'runFinished'; tabId: string; runId: string; response: HttpResponseMeta }
  | { type: 'runFailed'; tabId: string; runId: string; error: ShuttleError };

/** Keeps the sidebar list short; older entries belong to history, not to this list. */
const MAX_SENT = 50;

let nextTabId = 0;
function newTab(spec?: HttpRequestSpec, response?: HttpResponseMeta): RequestTab {
  nextTabId += 1;
  return { id: `tab-${nextTabId}`, draft: draftFromSpec(spec), run: response ? { kind: 'done', response } : { kind: 'idle' } };
}

export function initialTabsState(): TabsState {
  return { ...freshTabs(), sent: [] };
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
    case 'runStarted': {
      const tab = state.tabs.find((candidate) => candidate.id === action.tabId);
      if (!tab) return state;
      const sent: SentRequest = { runId: action.runId, spec: specFromDraft(tab.draft) };
      return {
        ...updateTab(state, action.tabId, (current) => ({
          ...current,
          run: { kind: 'running', runId: action.runId, startedAt: action.startedAt, receivedBytes: 0 },
        })),
        sent: [sent, ...state.sent].slice(0, MAX_SENT),
      };
    }
    case 'runProgress':
      return {
        ...state,
        tabs: state.tabs.map((tab) =>
          tab.run.kind === 'running' && tab.run.runId === action.runId
            ? { ...tab, run: { ...tab.run, receivedBytes: action.receivedBytes } }
            : tab,
        ),
      };
    case 'runFinished':
      return finishRun(state, action.tabId, action.runId, { kind: 'done', response: action.response }, (sent) => ({
        ...sent,
        status: action.response.status,
      }));
    case 'runFailed':
      return finishRun(state, action.tabId, action.runId, { kind: 'failed', error: action.error }, (sent) => ({
        ...sent,
        errorCode: action.error.code,
      }));
  }
}

function freshTabs(): Pick<TabsState, 'tabs' | 'activeId'> {
  const tab = newTab();
  return { tabs: [tab], activeId: tab.id };
}

function updateTab(state: TabsState, tabId: string, change: (tab: RequestTab) => RequestTab): TabsState {
  return { ...state, tabs: state.tabs.map((tab) => (tab.id === tabId ? change(tab) : tab)) };
}

function finishRun(
  state: TabsState,
  tabId: string,
  runId: string,
  run: RunState,
  markSent: (sent: SentRequest) => SentRequest,
): TabsState {
  const withTab = updateTab(state, tabId, (tab) =>
    // A stale answer (the user already sent again or cancelled) must not overwrite the newer state.
    tab.run.kind === 'running' && tab.run.runId === runId ? { ...tab, run } : tab,
  );
  return { ...withTab, sent: withTab.sent.map((sent) => (sent.runId === runId ? markSent(sent) : sent)) };
}
