import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { ConnectionInfo, ExchangeRecord, PhaseTimings, RawHeader } from '../../../shared/model/response.ts';
import type { BodyStore, BodyWriter } from '../bodies/body-store.ts';
import { bodyForDispatch, type PreparedBody } from './body/prepared-body.ts';
import { classifyError } from './classify-error.ts';
import { contentCodings } from './decode/content-decoders.ts';
import { createBodySink, type BodySink } from './decode/response-body-sink.ts';
import { isEventStream, tapWrites } from './event-stream-forwarder.ts';
import type { RunSignal } from './run-signal.ts';
import { connectionFacts } from './timeline/connection-info.ts';
import { connectionRecordOf } from './timeline/connection-record.ts';
import { parseRequestHead } from './timeline/request-head.ts';
import { SentBodyPreview } from './timeline/sent-body.ts';
import { watchResponseVersion, type ResponseVersionWatch } from './timeline/response-version.ts';
import { expectRequestHeaders, forgetProbe, type WireCapture } from './timeline/wire-observer.ts';
import { QUEUED_ABORT } from './transport/queued-abort.ts';

/** One request as it goes out on one hop: after auth, cookies and redirect rules were applied. */
export interface HopRequest {
  url: URL;
  method: string;
  headers: RawHeader[];
  body?: PreparedBody;
}

type ExchangePhase = 'connecting' | 'waiting' | 'receiving';

export interface ExchangeOptions {
  dispatcher: Dispatcher;
  bodies: BodyStore;
  /** Stops the exchange: cancel, or the run's overall deadline. */
  signal: RunSignal;
  maxResponseBytes: number;
  /**
   * Decided when the headers arrive: keep this response's body (it is the answer), or drain it
   * (a redirect or challenge that will be followed) without storing it.
   */
  keepBody(status: number, headers: RawHeader[]): boolean;
  onProgress?: (phase: 'waiting' | 'receiving', receivedBytes: number) => void;
  /** Receives the decoded body of a text/event-stream response as it is stored (live server-sent events). */
  onEventStreamBytes?: (chunk: Buffer) => void;
}

export interface StoredResponseBody {
  id: string;
  size: number;
  wireSize: number;
  truncated: boolean;
  codings: string[];
  /** The download or decoding failed after the headers: what arrived is kept. */
  error?: ShuttleFailure;
}

export interface ExchangeResult {
  record: ExchangeRecord;
  /** performance.now() when this exchange began, to place it in the whole request's time. */
  startedAt: number;
  status: number;
  statusText: string;
  headers: RawHeader[];
  /** The Set-Cookie values among `headers`, for the cookie jar. */
  setCookies: string[];
  /** "1.0", "1.1" (as the status line said) or "2". */
  httpVersion: string;
  /** The stored body, when it was kept. */
  body?: StoredResponseBody;
}

const PROGRESS_INTERVAL_MS = 100;
/** A followed redirect's body is read to keep the connection, up to this much; past it the connection is dropped. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
/** Reasons this code aborts a download with, recognised when undici reports them back. */
const STOPPED_AT_CAP = new Error('stopped at the body cap');
const STOPPED_DRAINING = new Error('stopped draining a followed response');
const STOPPED_UNDECODABLE = new Error('stopped at a body that cannot be decoded');

/**
 * Sends one request through undici's dispatcher API, which (unlike `request`) hands over the raw
 * header list and the reason phrase, and streams the body straight into the body store. It also
 * notes where the time went and which connection carried the exchange, for the timeline.
 */
export function sendExchange(request: HopRequest, options: ExchangeOptions): Promise<ExchangeResult> {
  const { url, method } = request;
  const path = url.pathname + url.search;
  const startedAt = performance.now();

  return new Promise<ExchangeResult>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | undefined;
    /** undici's way to drop this request from its queue, while it still waits for a connection. */
    let leaveQueue: ((reason: Error) => void) | undefined;
    let phase: ExchangePhase = 'connecting';
    let wire: WireCapture | undefined;
    let reused = false;
    let sentAt: number | undefined;
    let firstByteAt: number | undefined;
    let headersAt: number | undefined;
    let status = 0;
    let statusText = '';
    let headers: RawHeader[] = [];
    let trailers: RawHeader[] = [];
    let setCookies: string[] = [];
    let contentEncoding: string[] = [];
    let keep = false;
    let writer: BodyWriter | undefined;
    let sink: BodySink | undefined;
    let codings: string[] = [];
    let drained = 0;
    let bodyError: ShuttleFailure | undefined;
    let settled = false;
    let lastProgress = 0;
    let responseVersion: ResponseVersionWatch | undefined;
    const sentBody = request.body && request.body.length > 0 ? new SentBodyPreview(request.body.length) : undefined;

    const probe = {
      method,
      path,
      onSent(capture: WireCapture) {
        wire = capture;
        phase = 'waiting';
        const record = connectionRecordOf(capture.socket);
        reused = record.claimed;
        record.claimed = true;
        // Read now, while the socket is surely open.
        if (connectionFacts(capture.socket).protocol !== 'h2') responseVersion = watchResponseVersion(capture.socket);
      },
    };

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      forgetProbe(probe);
      responseVersion?.stop();
      stopListening();
      outcome();
    };
    const failWith = (failure: ShuttleFailure) =>
      finish(() => {
        sink?.discard();
        if (writer) void options.bodies.release(writer.id);
        reject(failure);
      });

    const onAbort = (reason: ShuttleFailure) => {
      // Where it stalled tells the user more than "timeout": connecting, waiting for the answer, or mid-body.
      const failure = reason.code === 'TIMEOUT' ? new ShuttleFailure('TIMEOUT', reason.message, { ...reason.detail, phase }) : reason;
      if (controller) {
        if (!controller.aborted) controller.abort(failure);
      } else {
        leaveQueue?.(failure);
      }
      failWith(failure);
    };
    if (options.signal.reason) return onAbort(options.signal.reason);
    const stopListening = options.signal.onAbort(onAbort);

    const complete = async () => {
      if (settled) return;
      const endedAt = performance.now();
      let body: StoredResponseBody | undefined;
      if (keep && writer && sink) {
        try {
          await sink.end();
        } catch (error) {
          bodyError ??= classifyError(error, url);
        }
        body = {
          id: writer.id,
          size: writer.size,
          wireSize: sink.wireBytes,
          truncated: sink.capped,
          codings,
          ...(bodyError ? { error: bodyError } : {}),
        };
      }
      const connection = wire ? connectionInfo(wire, reused) : undefined;
      finish(() =>
        resolve({
          record: exchangeRecord(endedAt, connection),
          startedAt,
          status,
          statusText,
          headers,
          setCookies,
          httpVersion: connection?.protocol === 'h2' ? '2' : (responseVersion?.version() ?? '1.1'),
          ...(body ? { body } : {}),
        }),
      );
    };

    const exchangeRecord = (endedAt: number, connection: ConnectionInfo | undefined): ExchangeRecord => {
      const head = wire
        ? parseRequestHead(wire.headerText, connection?.protocol ?? 'http/1.1', { method, path, bodyLength: request.body?.length })
        : { requestLine: `${method} ${path} HTTP/1.1`, headers: request.headers };
      return {
        method,
        url: url.href,
        requestLine: head.requestLine,
        requestHeaders: head.headers,
        status,
        statusText,
        responseHeaders: headers,
        ...(trailers.length > 0 ? { responseTrailers: trailers } : {}),
        ...(sentBody ? { requestBody: sentBody.summary() } : {}),
        timings: phaseTimings(endedAt),
        ...(connection ? { connection } : {}),
      };
    };

    const phaseTimings = (endedAt: number): PhaseTimings => {
      const timings: PhaseTimings = { totalMs: ms(endedAt - startedAt) };
      if (wire && !reused) {
        const connection = connectionRecordOf(wire.socket);
        const tcpStart = connection.lookupAt ?? connection.startedAt;
        if (connection.lookupAt !== undefined) timings.dnsMs = ms(connection.lookupAt - connection.startedAt);
        if (connection.connectedAt !== undefined) timings.connectMs = ms(connection.connectedAt - tcpStart);
        if (connection.secureAt !== undefined && connection.connectedAt !== undefined) timings.tlsMs = ms(connection.secureAt - connection.connectedAt);
      }
      if (sentAt !== undefined) timings.sentMs = ms(sentAt - startedAt);
      if (firstByteAt !== undefined) timings.firstByteMs = ms(firstByteAt - startedAt);
      if (headersAt !== undefined) timings.downloadMs = ms(endedAt - headersAt);
      return timings;
    };

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(ctrl) {
        controller = ctrl;
        if (settled) return ctrl.abort(new ShuttleFailure('CANCELLED', 'The request was cancelled'));
        expectRequestHeaders(probe);
      },
      onRequestSent() {
        sentAt = performance.now();
        options.onProgress?.('waiting', 0);
      },
      onResponseStarted() {
        firstByteAt ??= performance.now();
      },
      onResponseStart(ctrl, statusCode, _headers, statusMessage) {
        // 1xx interim responses (100 Continue, 103 Early Hints) are not the answer; wait for the final one.
        if (statusCode < 200 || settled) return;
        headersAt = performance.now();
        firstByteAt ??= headersAt;
        phase = 'receiving';
        status = statusCode;
        statusText = statusMessage ?? '';
        const read = readHeaders(ctrl.rawHeaders);
        headers = read.headers;
        setCookies = read.setCookies;
        contentEncoding = read.contentEncoding;
        keep = options.keepBody(status, headers);
        if (!keep) return;
        codings = contentCodings(contentEncoding) ?? [];
        writer = options.bodies.create();
        if (options.onEventStreamBytes && isEventStream(headers)) writer = tapWrites(writer, options.onEventStreamBytes);
        sink = createBodySink({
          writer,
          codings,
          maxBytes: options.maxResponseBytes,
          onDecodeError(error) {
            const coding = codings.join(', ');
            bodyError = new ShuttleFailure('PROTOCOL', `The ${coding} body could not be decoded: ${error.message}`, {
              host: url.hostname,
              reason: `the ${coding} body could not be decoded`,
            });
            ctrl.abort(STOPPED_UNDECODABLE);
          },
        });
        options.onProgress?.('receiving', 0);
      },
      onResponseData(ctrl, chunk) {
        if (settled) return;
        if (!keep) {
          drained += chunk.length;
          if (drained > DRAIN_LIMIT_BYTES) ctrl.abort(STOPPED_DRAINING);
          return;
        }
        if (!sink) return;
        const writable = sink.write(chunk);
        if (sink.capped) {
          // Stop downloading: the user gets what fits under the cap, flagged as truncated.
          ctrl.abort(STOPPED_AT_CAP);
          return;
        }
        if (!writable) {
          ctrl.pause();
          sink.whenWritable(() => ctrl.resume());
        }
        const time = performance.now();
        if (time - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = time;
          options.onProgress?.('receiving', sink.wireBytes);
        }
      },
      onResponseEnd(ctrl) {
        // Trailer fields (after a chunked HTTP/1.1 body, or HTTP/2's trailing HEADERS): part of the answer too.
        // Most responses have none: HTTP/1.1 then hands over an empty list.
        const raw = ctrl.rawTrailers;
        if (raw && !(Array.isArray(raw) && raw.length === 0)) trailers = readHeaders(raw).headers;
        void complete();
      },
      onResponseError(_ctrl, error) {
        if (settled) return;
        if (error === STOPPED_AT_CAP || error === STOPPED_DRAINING || error === STOPPED_UNDECODABLE) return void complete();
        // undici reports a second, different Content-Length (RFC 9112 §6.3: unreadable) with the
        // same code as a short body; before the headers were accepted it can only be the former.
        if (headersAt === undefined && (error as { code?: string }).code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
          return failWith(
            new ShuttleFailure('PROTOCOL', 'The response has conflicting Content-Length headers', {
              host: url.hostname,
              reason: 'the response has conflicting Content-Length headers',
            }),
          );
        }
        const failure = classifyError(error, url);
        // After the headers, a broken connection still leaves a response worth showing: keep what
        // arrived and flag it. Before them there is nothing to show but the error.
        if (keep && writer && (failure.code === 'RESET' || failure.code === 'PROTOCOL')) {
          bodyError = failure;
          return void complete();
        }
        failWith(failure);
      },
    };

    try {
      const dispatchOptions: Dispatcher.DispatchOptions = {
        origin: url.origin,
        path,
        method,
        headers: request.headers.flat(),
        body: bodyForDispatch(request.body, sentBody ? (chunk) => sentBody.keep(chunk) : undefined),
        // The overall deadline is the user's timeout; undici's own stay out of its way.
        headersTimeout: 0,
        bodyTimeout: 0,
        [QUEUED_ABORT]: (cancel: (reason: Error) => void) => (leaveQueue = cancel),
      };
      options.dispatcher.dispatch(dispatchOptions, handler);
    } catch (error) {
      failWith(classifyError(error, url));
    }
  });
}

function connectionInfo(wire: WireCapture, reused: boolean): ConnectionInfo {
  return { ...connectionFacts(wire.socket), reused };
}

/** The raw header list, with the two headers the engine acts on picked out in the same pass. */
function readHeaders(raw: Dispatcher.DispatchController['rawHeaders'] | Dispatcher.DispatchController['rawTrailers']): { headers: RawHeader[]; setCookies: string[]; contentEncoding: string[] } {
  const headers: RawHeader[] = [];
  const setCookies: string[] = [];
  const contentEncoding: string[] = [];
  const add = (name: string, value: string) => {
    headers.push([name, value]);
    // Length first: most names are neither, and lower-casing every one costs on every request.
    if (name.length === 10 && name.toLowerCase() === 'set-cookie') setCookies.push(value);
    else if (name.length === 16 && name.toLowerCase() === 'content-encoding') contentEncoding.push(value);
  };
  if (Array.isArray(raw)) {
    // HTTP/1.1: name, value, name, value… as they came, in their original case.
    for (let i = 0; i + 1 < raw.length; i += 2) add(headerText(raw[i]), headerText(raw[i + 1]));
  } else if (raw && typeof raw === 'object') {
    // HTTP/2: Node's header object (names lower case on the wire; undici has taken :status out).
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (Array.isArray(value)) for (const item of value) add(name, headerText(item));
      else if (value !== undefined) add(name, headerText(value));
    }
  }
  return { headers, setCookies, contentEncoding };
}

// Header bytes are Latin-1 on the wire (RFC 9110 §5.5); decoding as UTF-8 would alter them.
function headerText(part: unknown): string {
  return Buffer.isBuffer(part) ? part.toString('latin1') : String(part);
}

// Two decimals: sub-millisecond phases are real on loopback and worth telling apart from zero.
function ms(value: number): number {
  return Math.round(value * 100) / 100;
}
