import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../shared/model/response.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { OAuth2Service } from '../auth/oauth2/oauth2-service.ts';
import type { BodyStore } from '../bodies/body-store.ts';
import type { CookieJarStore } from '../cookies/cookie-jar.ts';
import type { EmitEvent } from '../events.ts';
import { classifyError } from './classify-error.ts';
import { createEventStreamForwarder } from './event-stream-forwarder.ts';
import { performRequest } from './perform-request.ts';
import { prepareRequest, type PreparedRequest } from './prepare-request.ts';
import { RunSignal } from './run-signal.ts';
import type { TransportPool } from './transport/transport-pool.ts';

export interface HttpClient {
  send(runId: string, spec: HttpRequestSpec): Promise<HttpResponseMeta>;
  cancel(runId: string): boolean;
  close(): Promise<void>;
}

/** Runs HTTP requests, each under a caller-chosen run id so it can be cancelled and its events tagged. */
export function createHttpClient(deps: {
  bodies: BodyStore;
  settings: () => Settings;
  emit: EmitEvent;
  /** Dispatchers per TLS / HTTP version / proxy configuration; owned (and closed) by the engine. */
  transports: TransportPool;
  /** The jar of the workspace open now (each workspace has its own). */
  cookies: () => Promise<CookieJarStore>;
  oauth2: OAuth2Service;
  /** Headers the user marked secret, dropped on cross-origin redirects like Authorization (the model has no flag yet). */
  secretHeaderNames?: () => readonly string[];
}): HttpClient {
  const running = new Map<string, RunSignal>();
  const cancelled = () => new ShuttleFailure('CANCELLED', 'The request was cancelled');

  return {
    async send(runId, spec) {
      if (running.has(runId)) throw new ShuttleFailure('CONFLICT', `A request with run id ${runId} is already running`);
      const signal = new RunSignal();
      // Claimed before the first await, so a second send with this id is a CONFLICT, not a race.
      running.set(runId, signal);
      let prepared: PreparedRequest | undefined;
      let events: ReturnType<typeof createEventStreamForwarder> | undefined;
      try {
        const preparing = prepareRequest(spec);
        prepared = preparing instanceof Promise ? await preparing : preparing;
        const settings = deps.settings();
        deps.emit('http.progress', { runId, phase: 'connecting', receivedBytes: 0 });
        events = createEventStreamForwarder((batch) => deps.emit('http.sse', { runId, events: batch }));
        const cookies = await deps.cookies();
        const performDeps = { bodies: deps.bodies, transports: deps.transports, cookies, oauth2: deps.oauth2, secretHeaderNames: deps.secretHeaderNames };
        return await performRequest(spec, prepared, performDeps, {
          runId,
          signal,
          timeoutMs: spec.settings?.timeoutMs || spec.timeoutMs || settings.requestTimeoutMs,
          maxResponseBytes: settings.maxResponseBytes,
          onProgress: (phase, receivedBytes) => deps.emit('http.progress', { runId, phase, receivedBytes }),
          onEventStreamBytes: events.push,
        });
      } catch (error) {
        if (!prepared || error instanceof ShuttleFailure) throw error;
        throw classifyError(error, prepared.url);
      } finally {
        events?.flush();
        running.delete(runId);
      }
    },
    cancel(runId) {
      const signal = running.get(runId);
      signal?.abort(cancelled());
      return signal !== undefined;
    },
    async close() {
      for (const signal of running.values()) signal.abort(cancelled());
    },
  };
}
