import type { Dispatcher } from 'undici';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { HttpResponseMeta, RawHeader } from '../../../shared/model/response.ts';
import type { BodyStore, BodyWriter } from '../bodies/body-store.ts';
import { classifyError } from './classify-error.ts';
import type { PreparedRequest } from './prepare-request.ts';

export interface SendOptions {
  runId: string;
  dispatcher: Dispatcher;
  bodies: BodyStore;
  signal: AbortSignal;
  /** Overall deadline in ms; 0 disables it. */
  timeoutMs: number;
  maxResponseBytes: number;
  onProgress?: (phase: 'waiting' | 'receiving', receivedBytes: number) => void;
  now?: () => number;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Sends one prepared request through undici's dispatcher API, which (unlike `request`) hands us
 * the raw header list and the reason phrase, and streams the body straight into the body store.
 */
export function sendRequest(prepared: PreparedRequest, options: SendOptions): Promise<HttpResponseMeta> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const { url } = prepared;

  return new Promise<HttpResponseMeta>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    let writer: BodyWriter | undefined;
    let status = 0;
    let statusText = '';
    let headers: RawHeader[] = [];
    let firstByteMs = 0;
    let truncated = false;
    let settled = false;
    let lastProgress = 0;

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const failWith = (failure: ShuttleFailure) =>
      finish(() => {
        if (writer) void options.bodies.release(writer.id);
        reject(failure);
      });
    const abortWith = (failure: ShuttleFailure) => {
      if (controller && !controller.aborted) controller.abort(failure);
      failWith(failure);
    };

    const onAbort = () => abortWith(new ShuttleFailure('CANCELLED', 'The request was cancelled'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.timeoutMs > 0
        ? setTimeout(
            () =>
              abortWith(
                new ShuttleFailure('TIMEOUT', `No complete response within ${options.timeoutMs} ms`, {
                  host: url.hostname,
                  timeoutMs: options.timeoutMs,
                }),
              ),
            options.timeoutMs,
          )
        : undefined;
    if (options.signal.aborted) return onAbort();

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(ctrl) {
        controller = ctrl;
        if (settled) ctrl.abort(new ShuttleFailure('CANCELLED', 'The request was cancelled'));
      },
      onResponseStart(ctrl, statusCode, _headers, statusMessage) {
        // 1xx interim responses (100 Continue, 103 Early Hints) are not the answer; wait for the final one.
        if (statusCode < 200) return;
        status = statusCode;
        statusText = statusMessage ?? '';
        headers = toRawHeaders(ctrl.rawHeaders);
        firstByteMs = now() - startedAt;
        writer = options.bodies.create();
        options.onProgress?.('receiving', 0);
      },
      onResponseData(ctrl, chunk) {
        if (!writer || settled) return;
        const room = options.maxResponseBytes - writer.size;
        // Strictly more than fits: a body of exactly the cap is complete, not truncated.
        if (chunk.length > room) {
          if (room > 0) writer.write(chunk.subarray(0, room));
          truncated = true;
          // Stop downloading: the user gets what fits under the cap, flagged as truncated.
          ctrl.abort(new ShuttleFailure('BODY_TOO_LARGE', 'Response body reached the size cap'));
          return;
        }
        if (!writer.write(chunk)) {
          ctrl.pause();
          void writer.drained().then(() => ctrl.resume());
        }
        const time = now();
        if (time - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = time;
          options.onProgress?.('receiving', writer.size);
        }
      },
      onResponseEnd() {
        void complete();
      },
      onResponseError(_ctrl, error) {
        if (truncated) return void complete();
        failWith(classifyError(error, url));
      },
    };

    const complete = async () => {
      if (settled || !writer) return;
      const body = writer;
      try {
        await body.end();
      } catch (error) {
        return failWith(classifyError(error, url));
      }
      finish(() =>
        resolve({
          runId: options.runId,
          status,
          statusText,
          method: prepared.method,
          url: url.href,
          headers,
          requestHeaders: prepared.headers,
          bodyId: body.id,
          bodySize: body.size,
          bodyTruncated: truncated,
          timings: { startedAt, firstByteMs, totalMs: now() - startedAt },
        }),
      );
    };

    try {
      options.dispatcher.dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: prepared.method,
          headers: prepared.headers.flat(),
          body: prepared.body ?? null,
          // The overall deadline above is the user's timeout; undici's own stay out of its way.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        handler,
      );
    } catch (error) {
      failWith(classifyError(error, url));
    }
  });
}

function toRawHeaders(raw: Dispatcher.DispatchController['rawHeaders']): RawHeader[] {
  if (!Array.isArray(raw)) return [];
  const list: RawHeader[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    list.push([headerText(raw[i]), headerText(raw[i + 1])]);
  }
  return list;
}

// Header bytes are Latin-1 on the wire (RFC 9110 §5.5); decoding as UTF-8 would alter them.
function headerText(part: unknown): string {
  return Buffer.isBuffer(part) ? part.toString('latin1') : String(part);
}
