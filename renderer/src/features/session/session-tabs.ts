import type { Session, SessionTab } from '../../../../shared/model/session.ts';
import { httpRequestSpecSchema } from '../../../../shared/model/request.ts';
import { wsRequestSpecSchema } from '../../../../shared/model/websocket.ts';
import { savedRequestSchema, type SavedRequest } from '../../../../shared/model/workspace.ts';
import { savedRequestOf, snapshotOf, tabForSaved } from '../tabs/saved-tabs.ts';
import type { Tab, TabsState } from '../tabs/tabs-reducer.ts';

/** The open tabs as journaled to `session.json`: each tab's request as composed, and where it is saved. */
export function sessionOf(state: TabsState): Session {
  return {
    tabs: state.tabs.map((tab): SessionTab => {
      const entry: SessionTab = { id: tab.id, kind: tab.kind, draft: savedRequestOf(tab).spec };
      if (tab.saved) entry.saved = { path: tab.saved.path, revision: tab.saved.revision, request: JSON.parse(tab.saved.snapshot) as unknown };
      return entry;
    }),
    activeId: state.activeId,
  };
}

/**
 * Tabs back from a journal. Each tab is checked on its own: one the current version cannot read is
 * left out, never the whole session. A saved tab comes back with the request as it was saved, so
 * unsaved edits still show as unsaved.
 */
export function tabsFromSession(session: Session): Tab[] {
  const tabs: Tab[] = [];
  for (const entry of session.tabs) {
    const request = requestOf(entry.kind, entry.draft);
    if (!request) continue;
    const tab = tabForSaved(request, undefined, entry.id);
    const saved = entry.saved ? savedRequestSchema.safeParse(entry.saved.request) : undefined;
    if (entry.saved && saved?.success) {
      tab.saved = { path: entry.saved.path, revision: entry.saved.revision, snapshot: snapshotOf(tabForSaved(saved.data)) };
    }
    tabs.push(tab);
  }
  return tabs;
}

function requestOf(kind: string, draft: unknown): SavedRequest | undefined {
  if (kind === 'http') {
    const parsed = httpRequestSpecSchema.safeParse(draft);
    return parsed.success ? { kind: 'http', spec: parsed.data } : undefined;
  }
  if (kind === 'websocket') {
    const parsed = wsRequestSpecSchema.safeParse(draft);
    return parsed.success ? { kind: 'websocket', spec: parsed.data } : undefined;
  }
  return undefined;
}
