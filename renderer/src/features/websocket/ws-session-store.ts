import type { ShuttleError } from '../../../../shared/contract/errors.ts';
import type { WsSessionRecord } from '../../../../shared/model/history.ts';
import type { WsCloseInfo, WsConnectionState, WsHandshake, WsMessagesEvent, WsStateEvent } from '../../../../shared/model/websocket.ts';
import type { LogFilter } from './log-filter.ts';
import { LogView } from './log-view.ts';
import { MessageRing } from './message-ring.ts';

export type SessionStatus = 'idle' | WsConnectionState;

/** One tab's live WebSocket session: where the connection stands, and its log. */
export interface WsSession {
  status: SessionStatus;
  connectionId?: string;
  /** When the person pressed Connect; message times are also shown relative to it. */
  startedAt?: number;
  handshake?: WsHandshake;
  close?: WsCloseInfo;
  error?: ShuttleError;
  reconnect?: WsStateEvent['reconnect'];
  /** Why the last message could not be sent (shown by the composer). */
  sendError?: ShuttleError;
  /** Mutable, like `view` (what the log shows); `version` changes whenever either does. */
  log: MessageRing;
  view: LogView;
  version: number;
}

const LIVE: readonly SessionStatus[] = ['connecting', 'open', 'closing', 'reconnecting'];
/** New messages reach the screen at most this often (state changes go at once): ten frames a second reads as live. */
const LOG_REFRESH_MS = 100;

export function isLive(status: SessionStatus): boolean {
  return LIVE.includes(status);
}

/**
 * Every WebSocket tab's session, outside React state: message batches arrive many times a second,
 * and only the tab showing a log should re-render for them (useSyncExternalStore, per tab).
 */
export class WsSessionStore {
  readonly #sessions = new Map<string, WsSession>();
  readonly #tabByConnection = new Map<string, string>();
  readonly #listeners = new Map<string, Set<() => void>>();
  readonly #dirty = new Set<string>();
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #lastRefresh = 0;
  #logLimit: number;

  constructor(logLimit: number) {
    this.#logLimit = logLimit;
  }

  subscribe(tabId: string, listener: () => void): () => void {
    let listeners = this.#listeners.get(tabId);
    if (!listeners) this.#listeners.set(tabId, (listeners = new Set()));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  get(tabId: string): WsSession {
    let session = this.#sessions.get(tabId);
    if (!session) {
      const log = new MessageRing(this.#logLimit);
      session = { status: 'idle', log, view: new LogView(log), version: 0 };
      this.#sessions.set(tabId, session);
    }
    return session;
  }

  tabIds(): string[] {
    return [...this.#sessions.keys()];
  }

  setLogLimit(limit: number): void {
    this.#logLimit = limit;
    for (const [tabId, session] of this.#sessions) {
      if (session.log.capacity === limit) continue;
      session.log.setCapacity(limit);
      session.view.refresh();
      this.#change(tabId, {});
    }
  }

  /** Connect was pressed: the session now follows this connection. */
  begin(tabId: string, connectionId: string, now = Date.now()): void {
    this.#tabByConnection.set(connectionId, tabId);
    this.#change(tabId, {
      status: 'connecting',
      connectionId,
      startedAt: now,
      handshake: undefined,
      close: undefined,
      error: undefined,
      reconnect: undefined,
      sendError: undefined,
    });
  }

  /** Shows a session recorded in history in a tab that has no connection yet: its log, handshake and close, as they were. */
  restore(tabId: string, recorded: WsSessionRecord, startedAt: number, error: ShuttleError | null): void {
    const session = this.get(tabId);
    session.log.push(recorded.messages);
    session.view.refresh();
    this.#change(tabId, {
      status: 'closed',
      startedAt,
      handshake: recorded.handshake ?? undefined,
      close: recorded.close ?? undefined,
      error: error ?? undefined,
    });
  }

  /** The connection could not be opened (some failures, like an invalid URL, come before any state event). */
  connectFailed(tabId: string, connectionId: string, error: ShuttleError): void {
    // Cancelling on purpose already shows as a plain close.
    if (this.get(tabId).connectionId !== connectionId || error.code === 'CANCELLED') return;
    this.#change(tabId, { status: 'closed', error });
  }

  sendFailed(tabId: string, error: ShuttleError | undefined): void {
    if (this.get(tabId).sendError !== error) this.#change(tabId, { sendError: error });
  }

  /** Disconnecting failed (an invalid close code, say): the connection stays as it is, the error is shown. */
  commandFailed(tabId: string, error: ShuttleError): void {
    this.#change(tabId, { error });
  }

  applyState(event: WsStateEvent): void {
    const tabId = this.#tabByConnection.get(event.connectionId);
    if (!tabId || this.get(tabId).connectionId !== event.connectionId) return;
    this.#change(tabId, {
      status: event.state,
      // A rejected handshake's response is worth keeping; an open one replaces it.
      ...(event.handshake ? { handshake: event.handshake } : {}),
      close: event.state === 'open' ? undefined : (event.close ?? this.get(tabId).close),
      error: event.state === 'open' ? undefined : event.error,
      reconnect: event.reconnect,
    });
  }

  appendMessages(event: WsMessagesEvent): void {
    const tabId = this.#tabByConnection.get(event.connectionId);
    if (!tabId || !this.#sessions.has(tabId)) return;
    const session = this.get(tabId);
    session.log.push(event.messages);
    session.view.refresh();
    this.#sessions.set(tabId, { ...session, version: session.version + 1 });
    // A flood brings many batches a second; the log re-renders for them together.
    this.#dirty.add(tabId);
    if (this.#refreshTimer !== undefined) return;
    const wait = Math.max(0, LOG_REFRESH_MS - (performance.now() - this.#lastRefresh));
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = undefined;
      this.#lastRefresh = performance.now();
      const dirty = [...this.#dirty];
      this.#dirty.clear();
      for (const id of dirty) this.#notify(id);
    }, wait);
  }

  clearLog(tabId: string): void {
    const session = this.get(tabId);
    session.log.clear();
    session.view.refresh();
    this.#change(tabId, {});
  }

  setFilter(tabId: string, filter: LogFilter): void {
    this.get(tabId).view.setFilter(filter);
    this.#change(tabId, {});
  }

  setPaused(tabId: string, paused: boolean): void {
    const { view } = this.get(tabId);
    if (paused) view.pause();
    else view.resume();
    this.#change(tabId, {});
  }

  /** Forgets a closed tab; returns its connection when that is still live, so the caller can close it. */
  remove(tabId: string): string | undefined {
    const session = this.#sessions.get(tabId);
    this.#sessions.delete(tabId);
    this.#listeners.delete(tabId);
    for (const [connectionId, owner] of this.#tabByConnection) if (owner === tabId) this.#tabByConnection.delete(connectionId);
    return session && isLive(session.status) ? session.connectionId : undefined;
  }

  #change(tabId: string, patch: Partial<WsSession>): void {
    const session = this.get(tabId);
    this.#sessions.set(tabId, { ...session, ...patch, version: session.version + 1 });
    this.#notify(tabId);
  }

  #notify(tabId: string): void {
    for (const listener of this.#listeners.get(tabId) ?? []) listener();
  }
}
