import { useEffect, useMemo, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { WsMessage } from '../../../../shared/model/websocket.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { base64ToBytes } from './composed-message.ts';
import { payloadBytes } from './message-content.ts';

/** The most of one message the detail view loads. */
const DISPLAY_LIMIT_BYTES = 8 * 1024 * 1024;
const READ_CHUNK_BYTES = 2 * 1024 * 1024;

export type FullPayload =
  | { state: 'loading' }
  | { state: 'failed'; error: ShuttleError }
  | { state: 'ready'; bytes: Uint8Array; partial: boolean };

/** A message's whole payload: at hand for a small one, read from the engine by reference for a large one. */
export function useFullPayload(message: WsMessage): FullPayload {
  const api = useApi();
  const inline = useMemo<FullPayload | undefined>(
    () => (message.truncated && message.bodyId ? undefined : { state: 'ready', bytes: payloadBytes(message), partial: false }),
    [message],
  );
  const [loaded, setLoaded] = useState<{ bodyId: string; payload: FullPayload }>();

  useEffect(() => {
    const bodyId = message.bodyId;
    if (inline || !bodyId) return;
    let cancelled = false;
    const load = async () => {
      const wanted = Math.min(message.size, DISPLAY_LIMIT_BYTES);
      const bytes = new Uint8Array(wanted);
      let offset = 0;
      while (offset < wanted) {
        const result = await api.call('body.read', { bodyId, offset, length: Math.min(READ_CHUNK_BYTES, wanted - offset) });
        if (cancelled) return;
        if (!result.ok) return setLoaded({ bodyId, payload: { state: 'failed', error: result.error } });
        const chunk = base64ToBytes(result.value.base64);
        if (chunk.length === 0) break;
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      setLoaded({ bodyId, payload: { state: 'ready', bytes: bytes.subarray(0, offset), partial: offset < message.size } });
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [api, inline, message.bodyId, message.size]);

  if (inline) return inline;
  return loaded && loaded.bodyId === message.bodyId ? loaded.payload : { state: 'loading' };
}
