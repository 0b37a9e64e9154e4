import { performance } from 'node:perf_hooks';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { ExchangeRecord, HttpResponseMeta, RawHeader } from '../../../shared/model/response.ts';
import type { OAuth2Service } from '../auth/oauth2/oauth2-service.ts';
import { createRequestAuth } from '../auth/request-auth.ts';
import type { BodyStore } from '../bodies/body-store.ts';
import type { CookieJarStore } from '../cookies/cookie-jar.ts';
import type { PreparedBody } from './body/prepared-body.ts';
import type { PreparedRequest } from './prepare-request.ts';
import type { RunSignal } from './run-signal.ts';
import { CROSS_ORIGIN_DROPPED_HEADERS, describeRedirectChain, isBodyHeader, planRedirect, type RedirectPlan } from './redirect/redirect-policy.ts';
import { sendExchange, type ExchangeResult, type HopRequest } from './send-request.ts';
import type { TransportPool } from './transport/transport-pool.ts';

export const DEFAULT_MAX_REDIRECTS = 10;

export interface PerformDeps {
  bodies: BodyStore;
  transports: TransportPool;
  cookies: CookieJarStore;
  oauth2: OAuth2Service;
  /**
   * Names of headers the user marked secret, dropped like Authorization on a cross-origin
   * redirect. The hook for the secret flag the model does not have yet.
   */
  secretHeaderNames?: () => readonly string[];
  now?: () => number;
}

export interface PerformOptions {
  runId: string;
  /** The run's stop switch: cancel aborts it, and so does the deadline armed here. */
  signal: RunSignal;
  /** Overall deadline across every hop, in ms; 0 disables it. */
  timeoutMs: number;
  maxResponseBytes: number;
  onProgress?: (phase: 'waiting' | 'receiving', receivedBytes: number) => void;
  onEventStreamBytes?: (chunk: Buffer) => void;
}

/**
 * Runs a prepared request to its final answer: auth applied, cookies sent and stored on every
 * hop, redirects followed by the engine itself (so each hop is a timeline entry with its own
 * timings and connection), a Digest challenge answered once, all under one deadline.
 */
export async function performRequest(spec: HttpRequestSpec, prepared: PreparedRequest, deps: PerformDeps, options: PerformOptions): Promise<HttpResponseMeta> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const startedPerf = performance.now();
  const settings = spec.settings;
  const followRedirects = settings?.followRedirects ?? true;
  const maxRedirects = settings?.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  const deadline = options.signal;
  const timer =
    options.timeoutMs > 0
      ? setTimeout(
          () =>
            deadline.abort(
              new ShuttleFailure('TIMEOUT', `No complete response within ${options.timeoutMs} ms`, {
                host: prepared.url.hostname,
                timeoutMs: options.timeoutMs,
              }),
            ),
          options.timeoutMs,
        )
      : undefined;

  try {
    const auth = createRequestAuth(spec.auth, prepared, { oauth2: deps.oauth2, settings, now });
    const origin = prepared.url.origin;
    const records: ExchangeRecord[] = [];
    let hop: { url: URL; method: string; body: PreparedBody | undefined } = { url: prepared.url, method: prepared.method, body: prepared.body };
    let baseHeaders = prepared.headers;
    let dropped: string[] | undefined;
    let challengeAnswered = false;
    let redirects = 0;

    for (;;) {
      const sameOrigin = hop.url.origin === origin;
      const request: HopRequest = { url: hop.url, method: hop.method, headers: [...baseHeaders], ...(hop.body ? { body: hop.body } : {}) };
      // The jar's cookies for this URL, unless the user wrote their own Cookie header.
      if (!hasHeader(baseHeaders, 'cookie')) {
        const cookie = deps.cookies.cookieHeaderFor(hop.url);
        if (cookie !== undefined) request.headers.push(['Cookie', cookie]);
      }
      if (sameOrigin) {
        const applying = auth.apply(request);
        if (applying) await applying;
      }
      // undici hands a keep-alive socket back one event-loop turn after a response ends; a next hop
      // dispatched sooner would open a second connection instead of reusing the first.
      if (records.length > 0) await new Promise((resolve) => setImmediate(resolve));
      if (deadline.reason) throw deadline.reason;
      // Awaited only when a dispatcher has to be built: the common case stays synchronous.
      const dispatcher = deps.transports.dispatcherFor(hop.url, settings, options.timeoutMs);

      let plan: RedirectPlan = { kind: 'final' };
      let retryChallenge = false;
      const result: ExchangeResult = await sendExchange(request, {
        dispatcher: dispatcher instanceof Promise ? await dispatcher : dispatcher,
        bodies: deps.bodies,
        signal: deadline,
        maxResponseBytes: options.maxResponseBytes,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.onEventStreamBytes ? { onEventStreamBytes: options.onEventStreamBytes } : {}),
        keepBody(status, headers) {
          if (status === 401 && !challengeAnswered && sameOrigin && auth.answerChallenge(request, headers)) {
            retryChallenge = true;
            return false;
          }
          if (followRedirects) plan = planRedirect(status, headers, hop.url, hop.method);
          return plan.kind === 'final';
        },
      });

      if (result.setCookies.length > 0) deps.cookies.storeFromResponse(hop.url, result.setCookies);
      if (dropped) result.record.droppedHeaders = dropped;
      dropped = undefined;
      records.push(result.record);

      if (retryChallenge) {
        challengeAnswered = true;
        continue;
      }
      const next = plan as RedirectPlan;
      if (next.kind === 'refuse') throw next.failure;
      if (next.kind === 'final') return responseMeta(result, records, hop, { runId: options.runId, startedAt, startedPerf, now });

      if (redirects >= maxRedirects) {
        const chain = describeRedirectChain(records, next.url);
        const loop = records.some((record) => record.url === next.url.href);
        throw new ShuttleFailure('TOO_MANY_REDIRECTS', `Stopped after ${maxRedirects} redirects${loop ? ' (a redirect loop)' : ''}: ${chain}`, {
          maxRedirects,
          chain,
          loop,
          hops: records.length,
        });
      }
      redirects += 1;

      if (next.url.origin !== hop.url.origin) {
        const secret = new Set([...CROSS_ORIGIN_DROPPED_HEADERS, ...(deps.secretHeaderNames?.() ?? []).map((name) => name.toLowerCase())]);
        const removed = baseHeaders.filter(([name]) => secret.has(name.toLowerCase())).map(([name]) => name);
        baseHeaders = baseHeaders.filter(([name]) => !secret.has(name.toLowerCase()));
        // Auth headers are only ever added for the request's own origin: name them as dropped too.
        const authDropped = next.url.origin !== origin ? auth.headerNames.filter((name) => request.headers.some(([sent]) => sent === name)) : [];
        const all = [...new Set([...removed, ...authDropped])];
        if (all.length > 0) dropped = all;
      }
      if (next.dropBody) baseHeaders = baseHeaders.filter(([name]) => !isBodyHeader(name.toLowerCase()));
      hop = { url: next.url, method: next.method, body: next.dropBody ? undefined : hop.body };
    }
  } finally {
    clearTimeout(timer);
  }
}

function responseMeta(
  result: ExchangeResult,
  records: ExchangeRecord[],
  hop: { url: URL; method: string },
  context: { runId: string; startedAt: number; startedPerf: number; now: () => number },
): HttpResponseMeta {
  const body = result.body;
  if (!body) throw new ShuttleFailure('INTERNAL', 'The final response has no stored body');
  const totalMs = Math.round((performance.now() - context.startedPerf) * 100) / 100;
  const firstByteMs = Math.round((result.startedAt - context.startedPerf + (result.record.timings.firstByteMs ?? 0)) * 100) / 100;
  return {
    runId: context.runId,
    status: result.status,
    statusText: result.statusText,
    method: hop.method,
    url: hop.url.href,
    headers: result.headers,
    ...(result.record.responseTrailers ? { trailers: result.record.responseTrailers } : {}),
    requestHeaders: result.record.requestHeaders,
    bodyId: body.id,
    bodySize: body.size,
    wireSize: body.wireSize,
    ...(body.codings.length > 0 ? { contentEncoding: body.codings } : {}),
    bodyTruncated: body.truncated,
    ...(body.error ? { bodyError: body.error.toError() } : {}),
    httpVersion: result.httpVersion,
    timings: { startedAt: context.startedAt, firstByteMs, totalMs },
    exchanges: records,
  };
}

function hasHeader(headers: readonly RawHeader[], lowerName: string): boolean {
  return headers.some(([name]) => name.toLowerCase() === lowerName);
}
