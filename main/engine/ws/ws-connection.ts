import type { IncomingMessage } from 'node:http';
import { WebSocket, type ClientOptions, type RawData } from 'ws';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { ConnectionInfo, RawHeader } from '../../../shared/model/response.ts';
import type {
  WsCloseInfo,
  WsConnectionState,
  WsDirection,
  WsHandshake,
  WsMessage,
  WsMessageType,
  WsOutgoing,
  WsRequestSpec,
  WsStateEvent,
} from '../../../shared/model/websocket.ts';
import type { EmitEvent } from '../events.ts';
import { connectionFacts } from '../http/timeline/connection-info.ts';
import type { TlsConnectOptions } from '../tls/tls-material.ts';
import { classifyWsError, frameViolation } from './classify-ws-error.ts';
import { closeOutcome } from './close-outcome.ts';
import { headerObject, receivedHeaders, sentHeaders } from './handshake-headers.ts';
import { startHeartbeat, type Heartbeat } from './heartbeat.ts';
import { createMessageBatcher, type BatchLimits, type MessageBatcher } from './message-batcher.ts';
import type { PayloadArchive } from './payload-archive.ts';
import type { PreparedConnection } from './prepare-connection.ts';

const MAX_RECONNECT_DELAY_MS = 30_000;

export interface ConnectionContext {
  connectionId: string;
  spec: WsRequestSpec;
  prepared: PreparedConnection;
  /** Certificate checks and the client certificate / CA files, for wss. */
  tls: TlsConnectOptions;
  maxMessageBytes: number;
  payloads: PayloadArchive;
  emit: EmitEvent;
  /** How long a closing handshake may take before the socket is dropped. */
  closeTimeoutMs: number;
  batchLimits?: BatchLimits;
  /** Called once, when the connection is closed for good (no reconnect pending). */
  onFinished: () => void;
  now?: () => number;
}

interface HandshakeResponse {
  status: number;
  statusText: string;
  headers: RawHeader[];
}

/**
 * One WebSocket connection under a caller-chosen id, across its reconnects: opens it, records every
 * frame-level event into batched `ws.messages`, reports each state change as `ws.state`, pings,
 * and turns every way it can fail into a typed error.
 */
export class WsConnection {
  readonly #ctx: ConnectionContext;
  readonly #now: () => number;
  readonly #batcher: MessageBatcher;
  readonly #host: string;
  #socket: WebSocket | undefined;
  #state: WsConnectionState = 'connecting';
  #seq = 0;
  /** Reconnect attempts since the connection was last open (0 while making the first connection). */
  #attempt = 0;
  #everOpened = false;
  #socketOpened = false;
  /** An attempt is waiting for its credentials (an OAuth 2.0 token); there is no socket yet. */
  #authorizing = false;
  #userClosing = false;
  #finished = false;
  /** Why the current socket is going down, when it is not a plain close. */
  #failure: ShuttleFailure | undefined;
  /** The close frame this side sent on the current socket. */
  #sentClose: { code: number; reason: string } | undefined;
  #lastClose: WsCloseInfo | undefined;
  #connectTimer: NodeJS.Timeout | undefined;
  #heartbeat: Heartbeat | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  readonly #firstOpen = deferred<WsHandshake>();
  readonly #closed = deferred<void>();

  constructor(ctx: ConnectionContext) {
    this.#ctx = ctx;
    this.#now = ctx.now ?? Date.now;
    this.#host = ctx.prepared.url.hostname;
    this.#batcher = createMessageBatcher((messages) => ctx.emit('ws.messages', { connectionId: ctx.connectionId, messages }), ctx.batchLimits);
    // Nobody may be waiting on the first open any more (a reconnect, a shutdown): never an unhandled rejection.
    this.#firstOpen.promise.catch(() => undefined);
  }

  /** Opens the connection; resolves with the handshake once it is open, or fails with why it could not. */
  start(): Promise<WsHandshake> {
    this.#open();
    return this.#firstOpen.promise;
  }

  send(message: WsOutgoing): { seq: number; size: number } {
    const socket = this.#socket;
    if (!socket || this.#state !== 'open' || socket.readyState !== WebSocket.OPEN) {
      throw new ShuttleFailure('NOT_CONNECTED', `Connection ${this.#ctx.connectionId} is not open (${this.#state})`);
    }
    const data = message.type === 'text' ? Buffer.from(message.text, 'utf8') : Buffer.from(message.base64, 'base64');
    socket.send(data, { binary: message.type === 'binary' });
    return { seq: this.#record('out', message.type, data), size: data.length };
  }

  /** Closes with a close frame (or stops connecting, or stops waiting to reconnect); resolves once closed. */
  disconnect(code: number, reason: string): Promise<void> {
    if (this.#finished) return this.#closed.promise;
    this.#userClosing = true;
    const socket = this.#socket;
    if (this.#reconnectTimer) {
      clearTimeout(this.#reconnectTimer);
      this.#reconnectTimer = undefined;
      this.#finish({ close: this.#lastClose });
    } else if (this.#authorizing) {
      // No socket yet: the attempt ends now, and the credentials are dropped when they arrive.
      this.#authorizing = false;
      this.#failure ??= new ShuttleFailure('CANCELLED', 'The connection was cancelled before it opened');
      this.#onSocketClosed(1006, '', undefined);
    } else if (socket?.readyState === WebSocket.CONNECTING) {
      this.#failure ??= new ShuttleFailure('CANCELLED', 'The connection was cancelled before it opened');
      socket.terminate();
    } else if (socket?.readyState === WebSocket.OPEN) {
      this.#sentClose = { code, reason };
      this.#recordClose('out', code, reason);
      this.#setState('closing');
      socket.close(code, reason);
    }
    return this.#closed.promise;
  }

  /** Drops everything at once (the engine is shutting down). */
  terminate(): void {
    this.#userClosing = true;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#failure ??= new ShuttleFailure('CANCELLED', 'Shuttle is shutting down');
    if (this.#authorizing) {
      this.#authorizing = false;
      this.#onSocketClosed(1006, '', undefined);
    } else if (this.#socket && this.#socket.readyState !== WebSocket.CLOSED) this.#socket.terminate();
    else this.#finish({ close: this.#lastClose });
  }

  #open(): void {
    const { prepared, spec } = this.#ctx;
    this.#failure = undefined;
    this.#sentClose = undefined;
    this.#socketOpened = false;
    this.#setState(
      'connecting',
      this.#attempt > 0 ? { reconnect: { attempt: this.#attempt, maxAttempts: spec.autoReconnect.maxAttempts, delayMs: 0 } } : {},
    );
    // Each attempt gets its own credentials: a token may have expired since, a signature carries the time.
    const attempt = { method: 'GET', url: prepared.url, headers: [...prepared.headers] };
    let authorizing: Promise<void> | void;
    try {
      authorizing = prepared.authForAttempt().apply(attempt);
    } catch (error) {
      return this.#failBeforeSocket(error);
    }
    if (!(authorizing instanceof Promise)) return this.#openSocket(attempt.headers);
    this.#authorizing = true;
    authorizing.then(
      () => {
        if (this.#finished) return;
        this.#authorizing = false;
        this.#openSocket(attempt.headers);
      },
      (error: unknown) => {
        if (this.#finished) return;
        this.#authorizing = false;
        this.#failBeforeSocket(error);
      },
    );
  }

  /** The attempt ended before a socket existed (its auth could not be had, or the socket could not be made). */
  #failBeforeSocket(error: unknown): void {
    this.#failure ??= classifyWsError(error, this.#ctx.prepared.url);
    this.#onSocketClosed(1006, '', undefined);
  }

  #openSocket(headers: RawHeader[]): void {
    const { prepared, spec } = this.#ctx;
    const startedAt = this.#now();
    let socket: WebSocket | undefined;
    let requestHeaders: RawHeader[] = [];
    let response: HandshakeResponse | undefined;
    let connection: ConnectionInfo | undefined;
    const handshake = (): WsHandshake => ({
      url: prepared.url.href,
      startedAt,
      openMs: this.#now() - startedAt,
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      requestHeaders,
      responseHeaders: response?.headers ?? [],
      protocol: socket?.protocol ?? '',
      extensions: response?.headers.find(([name]) => name.toLowerCase() === 'sec-websocket-extensions')?.[1] ?? '',
      ...(connection ? { connection } : {}),
    });
    // Read when the answer arrives, while the socket is surely open; a WebSocket always has a connection of its own.
    const noteConnection = (res: IncomingMessage) => {
      if (res.socket) connection = { ...connectionFacts(res.socket), reused: false };
    };

    // closeTimeout is a ws option that @types/ws does not list yet.
    const options: ClientOptions & { closeTimeout: number } = {
      headers: headerObject(headers),
      // Applies to this connection only; the process-wide NODE_TLS_REJECT_UNAUTHORIZED is never touched.
      ...this.#ctx.tls,
      maxPayload: this.#ctx.maxMessageBytes,
      closeTimeout: this.#ctx.closeTimeoutMs,
      followRedirects: false,
      finishRequest: (request) => {
        requestHeaders = sentHeaders(request);
        request.end();
      },
    };
    try {
      socket = new WebSocket(prepared.url, prepared.subprotocols, options);
    } catch (error) {
      return this.#failBeforeSocket(error);
    }
    this.#socket = socket;
    const current = socket;

    if (spec.connectTimeoutMs > 0) {
      this.#connectTimer = setTimeout(() => {
        this.#failure ??= new ShuttleFailure('TIMEOUT', `The WebSocket handshake did not complete within ${spec.connectTimeoutMs} ms`, {
          host: this.#host,
          timeoutMs: spec.connectTimeoutMs,
        });
        current.terminate();
      }, spec.connectTimeoutMs);
    }

    current.on('upgrade', (res) => {
      noteConnection(res);
      response = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: receivedHeaders(res.rawHeaders) };
    });
    current.on('unexpected-response', (_request, res) => {
      noteConnection(res);
      response = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: receivedHeaders(res.rawHeaders) };
      this.#failure ??= new ShuttleFailure('HANDSHAKE_REJECTED', `Unexpected server response: ${res.statusCode}`, {
        host: this.#host,
        status: res.statusCode ?? 0,
        reason: `HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim(),
      });
      res.resume();
      current.terminate();
    });
    current.on('open', () => this.#onOpen(current, handshake()));
    current.on('message', (data: RawData, isBinary: boolean) => this.#record('in', isBinary ? 'binary' : 'text', toBuffer(data)));
    current.on('ping', (data: Buffer) => {
      this.#record('in', 'ping', data);
      // ws answers every ping with a pong carrying the same bytes (autoPong).
      if (current.readyState === WebSocket.OPEN) this.#record('out', 'pong', data);
    });
    current.on('pong', (data: Buffer) => {
      this.#heartbeat?.pong();
      this.#record('in', 'pong', data);
    });
    current.on('error', (error: Error) => {
      const violation = frameViolation(error, this.#ctx.maxMessageBytes);
      if (!violation) {
        this.#failure ??= classifyWsError(error, prepared.url);
        return;
      }
      this.#failure ??= violation.failure;
      // The ws receiver has already answered the bad frame with this close code.
      if (!this.#sentClose) {
        this.#sentClose = { code: violation.closeCode, reason: '' };
        this.#recordClose('out', violation.closeCode, '');
      }
    });
    current.on('close', (code: number, reason: Buffer) => {
      this.#onSocketClosed(code, reason.toString('utf8'), response && response.status !== 101 ? handshake() : undefined);
    });
  }

  #onOpen(socket: WebSocket, handshake: WsHandshake): void {
    clearTimeout(this.#connectTimer);
    this.#socketOpened = true;
    this.#everOpened = true;
    this.#attempt = 0;
    this.#setState('open', { handshake });
    const interval = this.#ctx.spec.pingIntervalMs;
    this.#heartbeat = startHeartbeat(socket, interval, {
      onPing: () => this.#record('out', 'ping', Buffer.alloc(0)),
      onDead: () => {
        this.#failure ??= new ShuttleFailure('PING_TIMEOUT', `No pong within ${interval} ms of a ping`, { host: this.#host, timeoutMs: interval });
        socket.terminate();
      },
    });
    this.#firstOpen.resolve(handshake);
  }

  #onSocketClosed(code: number, reason: string, rejected: WsHandshake | undefined): void {
    clearTimeout(this.#connectTimer);
    this.#heartbeat?.stop();
    this.#heartbeat = undefined;
    const opened = this.#socketOpened;
    // 1006 means no close frame arrived: the connection dropped, or this side gave up on it.
    const frameReceived = opened && code !== 1006;
    if (frameReceived) this.#recordClose('in', code, reason);
    const close = closeOutcome(opened, code, reason, this.#sentClose);
    if (close) this.#lastClose = close;

    let failure = this.#failure;
    if (!failure && !this.#userClosing && (!opened || !frameReceived)) {
      failure = new ShuttleFailure('RESET', 'The connection dropped without a closing handshake', {
        host: this.#host,
        port: Number(this.#ctx.prepared.url.port || (this.#ctx.prepared.url.protocol === 'wss:' ? 443 : 80)),
      });
    }
    // Stopping on purpose is not an error worth showing.
    const error = this.#userClosing && failure?.code === 'CANCELLED' ? undefined : failure?.toError();

    if (!this.#everOpened) {
      this.#firstOpen.reject(failure ?? new ShuttleFailure('CANCELLED', 'The connection was cancelled before it opened'));
      return this.#finish({ error, handshake: rejected });
    }
    const { autoReconnect } = this.#ctx.spec;
    if (!this.#userClosing && autoReconnect.enabled && this.#attempt < autoReconnect.maxAttempts) {
      this.#attempt += 1;
      const delayMs = Math.min(MAX_RECONNECT_DELAY_MS, autoReconnect.initialDelayMs * 2 ** (this.#attempt - 1));
      this.#setState('reconnecting', {
        close: this.#lastClose,
        error,
        handshake: rejected,
        reconnect: { attempt: this.#attempt, maxAttempts: autoReconnect.maxAttempts, delayMs },
      });
      this.#reconnectTimer = setTimeout(() => {
        this.#reconnectTimer = undefined;
        this.#open();
      }, delayMs);
      return;
    }
    this.#finish({ close: this.#lastClose, error, handshake: rejected });
  }

  #finish(details: Omit<WsStateEvent, 'connectionId' | 'state' | 'time'>): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#setState('closed', details);
    this.#batcher.close();
    this.#ctx.onFinished();
    this.#closed.resolve();
  }

  #setState(state: WsConnectionState, details: Omit<WsStateEvent, 'connectionId' | 'state' | 'time'> = {}): void {
    // Messages first: the UI must see what arrived before the state that followed it.
    this.#batcher.flush();
    this.#state = state;
    // Absent, not undefined: the event is compared and serialised as is.
    const present = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
    this.#ctx.emit('ws.state', { connectionId: this.#ctx.connectionId, state, time: this.#now(), ...present });
  }

  #record(direction: WsDirection, type: Exclude<WsMessageType, 'close'>, data: Buffer): number {
    const view = this.#ctx.payloads.describe(data, type === 'text' ? 'text' : 'base64');
    return this.#push({ seq: 0, direction, type, time: this.#now(), ...view });
  }

  #recordClose(direction: WsDirection, code: number, reason: string): void {
    this.#push({ seq: 0, direction, type: 'close', time: this.#now(), size: Buffer.byteLength(reason), code, text: reason });
  }

  #push(message: WsMessage): number {
    this.#seq += 1;
    message.seq = this.#seq;
    this.#batcher.push(message);
    return this.#seq;
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
