import { useEffect, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HistoryDiff } from '../../../../shared/model/history.ts';
import { useApi } from '../../api/ApiContext.tsx';

/** Two history entries, or a response (by run id) and the previous one of the same request. */
export type DiffRequest = { kind: 'entries'; leftId: number; rightId: number } | { kind: 'previous'; runId: string };

export type LoadedDiff =
  | { state: 'loading' }
  | { state: 'no-previous' }
  | { state: 'failed'; error: ShuttleError }
  | { state: 'ready'; diff: HistoryDiff };

/** Fetches the comparison the engine computes for a diff request. */
export function useDiff(request: DiffRequest | null): LoadedDiff {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ for: DiffRequest; diff: LoadedDiff }>();

  useEffect(() => {
    if (!request) return;
    let cancelled = false;
    const settle = (diff: LoadedDiff) => {
      if (!cancelled) setLoaded({ for: request, diff });
    };
    const load = async () => {
      let ids: { leftId: number; rightId: number };
      if (request.kind === 'previous') {
        const neighbours = await api.call('history.neighbours', { runId: request.runId });
        if (!neighbours.ok) return settle({ state: 'failed', error: neighbours.error });
        const { entry, previous } = neighbours.value;
        if (!entry || !previous) return settle({ state: 'no-previous' });
        ids = { leftId: previous.id, rightId: entry.id };
      } else {
        ids = request;
      }
      const result = await api.call('history.diff', ids);
      settle(result.ok ? { state: 'ready', diff: result.value } : { state: 'failed', error: result.error });
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [api, request]);

  return loaded && loaded.for === request ? loaded.diff : { state: 'loading' };
}
