import { Agent } from 'undici';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { HttpResponseMeta } from '../../../shared/model/response.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { BodyStore } from '../bodies/body-store.ts';
import type { EmitEvent } from '../events.ts';
import { classifyError } from './classify-error.ts';
import { prepareRequest } from './prepare-request.ts';
import { sendRequest } from './send-request.ts';

const CONNECT_TIMEOUT_MS = 10_000;

export interface HttpClient {
  send(runId: string, spec: HttpRequestSpec): Promise<HttpResponseMeta>;
  cancel(runId: string): boolean;
  close(): Promise<void>;
}

/** Runs HTTP requests, each under a caller-chosen run id so it can be cancelled and its events tagged. */
export function createHttpClient(deps: { bodies: BodyStore; settings: () => Settings; emit: EmitEvent }): HttpClient {
  const agent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } });
  const running = new Map<string, AbortController>();

  return {
    async send(runId, spec) {
      if (running.has(runId)) throw new ShuttleFailure('CONFLICT', `A request with run id ${runId} is already running`);
      const prepared = prepareRequest(spec);
      const abort = new AbortController();
      running.set(runId, abort);
      const settings = deps.settings();
      deps.emit('http.progress', { runId, phase: 'connecting', receivedBytes: 0 });
      try {
        return await sendRequest(prepared, {
          runId,
          dispatcher: agent,
          bodies: deps.bodies,
          signal: abort.signal,
          timeoutMs: spec.timeoutMs || settings.requestTimeoutMs,
          maxResponseBytes: settings.maxResponseBytes,
          onProgress: (phase, receivedBytes) => deps.emit('http.progress', { runId, phase, receivedBytes }),
        });
      } catch (error) {
        throw classifyError(error, prepared.url);
      } finally {
        running.delete(runId);
      }
    },
    cancel(runId) {
      const abort = running.get(runId);
      abort?.abort();
      return abort !== undefined;
    },
    async close() {
      for (const abort of running.values()) abort.abort();
      await agent.close();
    },
  };
}
