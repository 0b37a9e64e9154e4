import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext.tsx';
import { useTabs } from '../tabs/TabsContext.tsx';
import { sessionOf, tabsFromSession } from './session-tabs.ts';

/** How long typing may go on before the drafts are journaled; a crash loses at most this much. */
const JOURNAL_DELAY_MS = 250;

/**
 * Restores the open tabs and drafts of the last session on start, then journals them to the
 * engine (`session.save`, an atomic write of `session.json`) shortly after every change. Nothing is
 * journaled before the restore finishes, so a start can never overwrite the journal it reads.
 */
export function SessionJournal() {
  const api = useApi();
  const { state, dispatch } = useTabs();
  const [restored, setRestored] = useState(false);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });

  useEffect(() => {
    let cancelled = false;
    void api.call('session.load', {}).then(async (result) => {
      if (cancelled) return;
      const session = result.ok ? result.value : null;
      const tabs = session ? tabsFromSession(session) : [];
      if (tabs.length > 0) dispatch({ type: 'restore', tabs, activeId: session?.activeId });
      setRestored(true);
      // Files may have changed while Shuttle was closed: a clean tab reloads, a dirty one shows a conflict.
      for (const tab of tabs) {
        if (!tab.saved) continue;
        const path = tab.saved.path;
        const read = await api.call('workspace.readRequest', { path });
        if (read.ok) dispatch({ type: 'diskChanged', path, revision: read.value.revision, request: read.value.request });
        else if (read.error.code === 'NOT_FOUND') dispatch({ type: 'diskDeleted', path });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [api, dispatch]);

  useEffect(() => {
    if (!restored) return;
    const timer = setTimeout(() => void api.call('session.save', { session: sessionOf(state) }), JOURNAL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, restored, state]);

  useEffect(() => {
    if (!restored) return;
    const flush = () => void api.call('session.save', { session: sessionOf(latest.current) });
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [api, restored]);

  return null;
}
