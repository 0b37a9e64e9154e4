import type { WsRequestSpec } from '../../../../shared/model/websocket.ts';
import type { SavedRequest, SendContext } from '../../../../shared/model/workspace.ts';
import { emptyWsDraft, specFromWsDraft, type WsDraft } from '../websocket/ws-draft.ts';
import { draftFromSpec, specFromDraft } from './request-draft.ts';
import type { RequestTab, Tab, TabsAction, TabsState, WebSocketTab } from './tabs-reducer.ts';

/**
 * Tabs that edit a request saved in the workspace: where it is, which version of the file they
 * loaded, whether the draft differs from it (dirty), and a version on disk that arrived while the
 * draft had unsaved edits (a conflict the person resolves).
 */

/** The saved request a tab edits. */
export interface SavedOrigin {
  /** Workspace-relative path of the request file. */
  path: string;
  /** The file's revision when it was loaded or last saved (a save insists on it). */
  revision: string;
  /** The request as saved, normalised like a draft, to tell whether the draft differs. */
  snapshot: string;
}

/** A version of the file that changed on disk under unsaved edits; `request` is absent when the file was deleted. */
export interface DiskConflict {
  revision: string | null;
  request?: SavedRequest;
}

export type SavedTabsAction =
  /** Opens a saved request, or selects the tab that already edits it. */
  | { type: 'openSaved'; path: string; revision: string; request: SavedRequest }
  | { type: 'markSaved'; tabId: string; path: string; revision: string }
  /** The file of an open tab changed on disk: a clean tab reloads, a dirty one shows a conflict. */
  | { type: 'diskChanged'; path: string; revision: string; request: SavedRequest }
  | { type: 'diskDeleted'; path: string }
  | { type: 'resolveConflict'; tabId: string; keep: 'mine' | 'theirs' }
  /** A request or folder was renamed or moved: tabs under it follow. */
  | { type: 'pathMoved'; from: string; to: string }
  /** Tabs restored from the session journal. */
  | { type: 'restore'; tabs: Tab[]; activeId?: string }
  /** A dirty tab asked to close: the UI asks first. */
  | { type: 'askClose'; tabId: string | undefined };

/** The state the tabs context keeps: the tabs, and a dirty tab waiting for "save or discard?". */
export interface SavedTabsState extends TabsState {
  closeRequest?: string;
}

let nextSavedTabId = 0;
function newTabId(): string {
  nextSavedTabId += 1;
  // Not "tab-N": the tabs reducer numbers its own tabs, and ids must never collide.
  return `saved-tab-${nextSavedTabId}`;
}

/** Wraps the tabs reducer with the actions above, so the tabs reducer itself stays about tabs. */
export function withSavedTabs(reducer: (state: TabsState, action: TabsAction) => TabsState) {
  return (state: SavedTabsState, action: TabsAction | SavedTabsAction): SavedTabsState => {
    switch (action.type) {
      case 'openSaved': {
        const existing = state.tabs.find((tab) => originOf(tab)?.path === action.path);
        if (existing) return { ...state, activeId: existing.id };
        const tab = tabForSaved(action.request, { path: action.path, revision: action.revision });
        return { ...state, tabs: [...state.tabs, tab], activeId: tab.id };
      }
      case 'markSaved':
        return mapTabs(state, (tab) =>
          tab.id === action.tabId ? { ...tab, saved: { path: action.path, revision: action.revision, snapshot: snapshotOf(tab) }, conflict: undefined } : tab,
        );
      case 'diskChanged':
        return mapTabs(state, (tab) => {
          const origin = originOf(tab);
          if (origin?.path !== action.path || origin.revision === action.revision) return tab;
          if (tab.conflict?.revision === action.revision) return tab;
          if (!isDirty(tab)) return { ...tabForSaved(action.request, { path: action.path, revision: action.revision }), id: tab.id };
          return { ...tab, conflict: { revision: action.revision, request: action.request } };
        });
      case 'diskDeleted':
        return mapTabs(state, (tab) => (originOf(tab)?.path === action.path && tab.conflict?.revision !== null ? { ...tab, conflict: { revision: null } } : tab));
      case 'resolveConflict':
        return mapTabs(state, (tab) => {
          if (tab.id !== action.tabId || !tab.conflict) return tab;
          const origin = originOf(tab)!;
          const theirs = tab.conflict;
          if (action.keep === 'theirs') {
            // Deleted on disk: what is left is the draft, now a request that is not saved anywhere.
            if (!theirs.request || theirs.revision === null) return { ...tab, saved: undefined, conflict: undefined };
            return { ...tabForSaved(theirs.request, { path: origin.path, revision: theirs.revision }), id: tab.id };
          }
          // Keep mine: the draft stays (still dirty); the next save replaces the version on disk on purpose.
          if (theirs.revision === null) return { ...tab, saved: undefined, conflict: undefined };
          const snapshot = theirs.request ? snapshotOf(tabForSaved(theirs.request, origin)) : origin.snapshot;
          return { ...tab, saved: { path: origin.path, revision: theirs.revision, snapshot }, conflict: undefined };
        });
      case 'pathMoved':
        return mapTabs(state, (tab) => {
          const origin = originOf(tab);
          if (!origin) return tab;
          if (origin.path === action.from) return { ...tab, saved: { ...origin, path: action.to } };
          if (origin.path.startsWith(`${action.from}/`)) return { ...tab, saved: { ...origin, path: action.to + origin.path.slice(action.from.length) } };
          return tab;
        });
      case 'restore': {
        if (action.tabs.length === 0) return state;
        const activeId = action.tabs.some((tab) => tab.id === action.activeId) ? action.activeId! : action.tabs[0]!.id;
        return { tabs: action.tabs, activeId };
      }
      case 'askClose':
        return { ...state, closeRequest: action.tabId };
      default: {
        const next = reducer(state, action);
        return next === state ? state : { ...next, closeRequest: state.closeRequest };
      }
    }
  };
}

function mapTabs(state: SavedTabsState, change: (tab: Tab) => Tab): SavedTabsState {
  let changed = false;
  const tabs = state.tabs.map((tab) => {
    const next = change(tab);
    if (next !== tab) changed = true;
    return next;
  });
  return changed ? { ...state, tabs } : state;
}

export function originOf(tab: Tab): SavedOrigin | undefined {
  return tab.saved;
}

/** A new tab for a saved (or journaled) request; its snapshot is taken from the draft so it opens clean. */
export function tabForSaved(request: SavedRequest, origin?: { path: string; revision: string }, id = newTabId()): Tab {
  const tab: Tab =
    request.kind === 'websocket'
      ? ({ kind: 'websocket', id, draft: wsDraftFromSpec(request.spec) } satisfies WebSocketTab)
      : ({ kind: 'http', id, draft: draftFromSpec(request.spec), run: { kind: 'idle' } } satisfies RequestTab);
  if (origin) tab.saved = { path: origin.path, revision: origin.revision, snapshot: snapshotOf(tab) };
  return tab;
}

/** The request a tab would save. */
export function savedRequestOf(tab: Tab): SavedRequest {
  return tab.kind === 'websocket' ? { kind: 'websocket', spec: specFromWsDraft(tab.draft) } : { kind: 'http', spec: specFromDraft(tab.draft) };
}

const snapshots = new WeakMap<object, string>();

/** The tab's request, normalised, as one string (cached per draft object: drafts are immutable). */
export function snapshotOf(tab: Tab): string {
  const cached = snapshots.get(tab.draft);
  if (cached !== undefined) return cached;
  const snapshot = JSON.stringify(savedRequestOf(tab));
  snapshots.set(tab.draft, snapshot);
  return snapshot;
}

/**
 * Unsaved edits: a saved tab whose draft differs from its file. A scratch tab (never saved) is a
 * playground: it is journaled across restarts but does not count as dirty, so closing it does not ask.
 */
export function isDirty(tab: Tab): boolean {
  const origin = originOf(tab);
  return origin !== undefined && snapshotOf(tab) !== origin.snapshot;
}

/** What the engine needs to resolve a send's variables and inherited settings. */
export function sendContextOf(tab: Tab): SendContext | undefined {
  const origin = originOf(tab);
  return origin ? { requestPath: origin.path } : undefined;
}

/** The name a saved request goes by: its file name without `.yaml`. */
export function savedName(tab: Tab): string | undefined {
  const origin = originOf(tab);
  if (!origin) return undefined;
  return origin.path.slice(origin.path.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
}

export function wsDraftFromSpec(spec: WsRequestSpec): WsDraft {
  const base = emptyWsDraft();
  const withIds = (rows: WsRequestSpec['headers']) => draftFromSpec({ method: 'GET', url: '', headers: rows, body: { mode: 'none', text: '' } }).headers;
  return {
    ...base,
    url: spec.url,
    params: withIds(spec.params),
    headers: withIds(spec.headers),
    auth: spec.auth ?? base.auth,
    subprotocols: spec.subprotocols.join(', '),
    settings: {
      ...base.settings,
      tlsVerify: spec.tlsVerify,
      ...(spec.clientCert ? { clientCert: spec.clientCert } : {}),
      ...(spec.caCert ? { caCert: spec.caCert } : {}),
      connectTimeoutMs: spec.connectTimeoutMs,
      pingIntervalMs: spec.pingIntervalMs,
      autoReconnect: spec.autoReconnect.enabled,
    },
  };
}
