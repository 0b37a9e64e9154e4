import { ShuttleFailure, type ErrorCode, type ShuttleError } from '../../../shared/contract/errors.ts';
import type { SendSource } from '../../../shared/model/history.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../shared/model/response.ts';
import type { BodyStore } from '../bodies/body-store.ts';
import type { HttpClient } from '../http/http-client.ts';
import type { History } from './history-service.ts';

/** What a caller may say about a send (or a WebSocket connection) besides the request itself. */
export interface SendContext<Spec = HttpRequestSpec> {
  /** The tab (or, later, saved request) it came from. */
  source?: SendSource;
  /** The environment whose variables were used, once environments exist. */
  environment?: string | null;
  /**
   * Turns the request as composed into the one sent (variables resolved, inherited headers and auth
   * applied). History keeps the composed one, so `{{token}}` is remembered, never a secret's value.
   */
  prepare?: (spec: Spec) => Promise<Spec>;
  /**
   * The values of secret variables this send may use: history removes them wherever they appear
   * (a secret resolved into a header that is not secret by name, or echoed back in a body).
   */
  secretValues?: () => Promise<readonly string[]>;
}

export interface RecordingHttpClient extends HttpClient {
  send(runId: string, spec: HttpRequestSpec, context?: SendContext): Promise<HttpResponseMeta>;
}

/** Refused before a byte went out: nothing was sent, so there is nothing to remember. */
export const NOT_SENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CONFLICT',
  'VALIDATION',
  'INVALID_URL',
  'INVALID_HEADER',
  'INVALID_METHOD',
  'UNSUPPORTED_SCHEME',
  'SECRET_MISSING',
]);

/**
 * Records every send that reached the network, answered or failed, in history. The send's own
 * promise settles first and untouched: recording is a synchronous hand-off of the request, the
 * response meta and a copy of the body's first bytes (taken now, because the UI may release the
 * body before history gets to write it).
 */
export function recordSends(
  http: HttpClient,
  deps: { bodies: BodyStore; history: Pick<History, 'record'>; maxBodyBytes: () => number; recording?: () => boolean; now?: () => number },
): RecordingHttpClient {
  const now = deps.now ?? Date.now;
  return {
    async send(runId, spec, context = {}) {
      if (deps.recording?.() === false) return http.send(runId, context.prepare ? await context.prepare(spec) : spec);
      const startedAt = now();
      // Looked up alongside the send, never in its way; history waits for them when it writes.
      const secrets = (context.secretValues?.() ?? Promise.resolve([])).catch(() => []);
      const common = { runId, spec, source: context.source ?? null, environment: context.environment ?? null, startedAt, secrets };
      let meta: HttpResponseMeta;
      try {
        meta = await http.send(runId, context.prepare ? await context.prepare(spec) : spec);
      } catch (error) {
        const failure = asShuttleError(error);
        if (!NOT_SENT.has(failure.code)) deps.history.record({ ...common, finishedAt: now(), outcome: { kind: 'failure', error: failure } });
        throw error;
      }
      // A copy: the stored chunks are views into the socket's read buffers, which must not be kept alive.
      const peeked = deps.bodies.peek(meta.bodyId, deps.maxBodyBytes());
      const body = peeked ? new Uint8Array(peeked) : new Uint8Array(0);
      deps.history.record({ ...common, finishedAt: now(), outcome: { kind: 'response', meta, body } });
      return meta;
    },
    cancel: (runId) => http.cancel(runId),
    close: () => http.close(),
  };
}

function asShuttleError(error: unknown): ShuttleError {
  if (error instanceof ShuttleFailure) return error.toError();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
