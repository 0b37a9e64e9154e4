import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { wsDraftFromSpec } from '../tabs/saved-tabs.ts';
import { newTabId } from '../tabs/tabs-reducer.ts';
import { useTabs } from '../tabs/TabsContext.tsx';
import { useWsSessions } from '../websocket/WebSocketSessions.tsx';
import { DiffDialog } from './DiffDialog.tsx';
import type { DiffRequest } from './useDiff.ts';

interface HistoryActions {
  /** Opens an entry in a new tab: its request as composed, its stored response (a WebSocket session's recorded log). */
  openEntry(id: number): Promise<ShuttleError | undefined>;
  /** Opens an entry's request in a new tab and sends it. */
  resend(id: number): Promise<ShuttleError | undefined>;
  /** Shows the diff of two entries' responses, the older on the left. */
  compare(firstId: number, secondId: number): void;
  /** Shows the diff of a response (by run id) against the previous response of the same request. */
  compareWithPrevious(runId: string): void;
}

const HistoryContext = createContext<HistoryActions | null>(null);

/** What other features do with history (the History panel, the response pane), and the diff view they share. */
export function HistoryProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { open, openWebSocket } = useTabs();
  const wsSessions = useWsSessions();
  const [diff, setDiff] = useState<DiffRequest | null>(null);

  const openEntry = useCallback(
    async (id: number, send = false) => {
      const result = await api.call('history.open', { id });
      if (!result.ok) return result.error;
      const { entry, response } = result.value;
      if (entry.kind === 'websocket') {
        // A session opens in a WebSocket tab showing its recorded log; "send again" connects afresh instead.
        const tab = { kind: 'websocket', id: newTabId(), draft: wsDraftFromSpec(entry.request) } as const;
        if (send) {
          openWebSocket(tab.draft, tab.id);
          wsSessions.connect(tab);
        } else {
          wsSessions.store.restore(tab.id, entry.session, entry.sentAt, entry.error);
          openWebSocket(tab.draft, tab.id);
        }
        return undefined;
      }
      // A resent request starts without the old response; it gets its own.
      if (send && response) void api.call('body.release', { bodyId: response.bodyId });
      open(entry.request, send ? undefined : (response ?? undefined), { send });
      return undefined;
    },
    [api, open, openWebSocket, wsSessions],
  );

  const value = useMemo<HistoryActions>(
    () => ({
      openEntry: (id) => openEntry(id),
      resend: (id) => openEntry(id, true),
      compare: (firstId, secondId) => setDiff({ kind: 'entries', leftId: Math.min(firstId, secondId), rightId: Math.max(firstId, secondId) }),
      compareWithPrevious: (runId) => setDiff({ kind: 'previous', runId }),
    }),
    [openEntry],
  );

  return (
    <HistoryContext.Provider value={value}>
      {children}
      <DiffDialog request={diff} onClose={() => setDiff(null)} />
    </HistoryContext.Provider>
  );
}

export function useHistory(): HistoryActions {
  const history = useContext(HistoryContext);
  if (!history) throw new Error('useHistory() needs a <HistoryProvider> above it');
  return history;
}
