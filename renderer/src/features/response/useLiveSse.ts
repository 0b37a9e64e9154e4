import { useEffect, useState } from 'react';
import type { SseEvent } from '../../../../shared/http/sse-parser.ts';
import { useApi } from '../../api/ApiContext.tsx';

/** The server-sent events of a running request, as the engine reports them. */
export function useLiveSse(runId: string): SseEvent[] {
  const api = useApi();
  const [received, setReceived] = useState<{ runId: string; events: SseEvent[] }>({ runId, events: [] });
  useEffect(
    () =>
      api.on('http.sse', (batch) => {
        if (batch.runId !== runId) return;
        setReceived((current) => ({ runId, events: current.runId === runId ? [...current.events, ...batch.events] : batch.events }));
      }),
    [api, runId],
  );
  return received.runId === runId ? received.events : [];
}
