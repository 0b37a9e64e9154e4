import { useEffect, useState } from 'react';
import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { HttpResponseMeta } from '../../../../shared/model/response.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { useApi } from '../../api/ApiContext.tsx';

/** Bodies up to this size are loaded whole and shown in the editor; larger ones are read by lines from the engine. */
export const SMALL_BODY_BYTES = 2 * 1024 * 1024;
const SAMPLE_BYTES = 8 * 1024;
const READ_CHUNK_BYTES = 2 * 1024 * 1024;

export type LoadedBody =
  | { state: 'loading' }
  | { state: 'failed'; error: ShuttleError }
  /** `bytes` is the whole body when `large` is false, else only its first bytes (to tell what it is). */
  | { state: 'loaded'; bytes: Uint8Array; large: boolean; /** The whole body decoded (small bodies only; '' for large ones). */ text: string };

/** Reads a response body from the engine by reference: whole when small, a sample when large. */
/** `charset` decodes the text of small bodies (the Content-Type's charset, UTF-8 by default). */
export function useResponseBody(response: HttpResponseMeta, charset: string): LoadedBody {
  const api = useApi();
  // Tagged with the body it belongs to, so a new response reads as "loading" until its own bytes arrive.
  const [loaded, setLoaded] = useState<{ bodyId: string; body: LoadedBody }>();

  useEffect(() => {
    let cancelled = false;
    const large = response.bodySize > SMALL_BODY_BYTES;
    void readBodyBytes(api, response.bodyId, large ? Math.min(SAMPLE_BYTES, response.bodySize) : response.bodySize).then((result) => {
      if (cancelled) return;
      setLoaded({
        bodyId: response.bodyId,
        body: result.ok
          ? { state: 'loaded', bytes: result.bytes, large, text: large ? '' : new TextDecoder(charset).decode(result.bytes) }
          : { state: 'failed', error: result.error },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [api, response.bodyId, response.bodySize, charset]);

  return loaded?.bodyId === response.bodyId ? loaded.body : { state: 'loading' };
}

/** The first `length` bytes of a body, read in chunks (each one JSON message). */
export async function readBodyBytes(api: ApiClient, bodyId: string, length: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: ShuttleError }> {
  const bytes = new Uint8Array(length);
  let offset = 0;
  while (offset < length) {
    const result = await api.call('body.read', { bodyId, offset, length: Math.min(READ_CHUNK_BYTES, length - offset) });
    if (!result.ok) return { ok: false, error: result.error };
    const chunk = base64ToBytes(result.value.base64);
    if (chunk.length === 0) break;
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: bytes.subarray(0, offset) };
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
