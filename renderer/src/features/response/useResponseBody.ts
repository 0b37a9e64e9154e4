import { useEffect, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import { useApi } from '../../api/ApiContext.tsx';

/** The most of a body the text views load; the rest stays in the engine (paged views come later). */
const DISPLAY_LIMIT_BYTES = 8 * 1024 * 1024;
const READ_CHUNK_BYTES = 2 * 1024 * 1024;

export type LoadedBody =
  | { state: 'loading' }
  | { state: 'failed'; error: ShuttleError }
  | { state: 'loaded'; bytes: Uint8Array; text: string; looksBinary: boolean; partial: boolean };

/** Reads a response body from the engine by reference, up to what the text views show. */
export function useResponseBody(response: HttpResponseMeta): LoadedBody {
  const api = useApi();
  // Tagged with the body it belongs to, so a new response reads as "loading" until its own bytes arrive.
  const [loaded, setLoaded] = useState<{ bodyId: string; body: LoadedBody }>();

  useEffect(() => {
    let cancelled = false;
    const wanted = Math.min(response.bodySize, DISPLAY_LIMIT_BYTES);
    const load = async () => {
      const bytes = new Uint8Array(wanted);
      let offset = 0;
      while (offset < wanted) {
        const result = await api.call('body.read', { bodyId: response.bodyId, offset, length: Math.min(READ_CHUNK_BYTES, wanted - offset) });
        if (cancelled) return;
        if (!result.ok) return setLoaded({ bodyId: response.bodyId, body: { state: 'failed', error: result.error } });
        const chunk = base64ToBytes(result.value.base64);
        if (chunk.length === 0) break;
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      const received = bytes.subarray(0, offset);
      setLoaded({
        bodyId: response.bodyId,
        body: {
          state: 'loaded',
          bytes: received,
          text: new TextDecoder('utf-8').decode(received),
          looksBinary: looksBinary(received),
          partial: offset < response.bodySize,
        },
      });
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [api, response.bodyId, response.bodySize]);

  return loaded?.bodyId === response.bodyId ? loaded.body : { state: 'loading' };
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** NUL bytes in the first few KB mean binary; text formats never contain them. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}
