import { ShuttleFailure, type ShuttleError } from '../../../shared/contract/errors.ts';
import type { WsHandshake, WsMessage, WsMessagesEvent, WsRequestSpec, WsStateEvent } from '../../../shared/model/websocket.ts';
import type { CapturedWsSession } from '../../store/history/ws-session-record.ts';
import type { EmitEvent } from '../events.ts';
import type { WsClient } from '../ws/ws-client.ts';
import type { History } from './history-service.ts';
import { NOT_SENT, type SendContext } from './record-sends.ts';

/** As for an HTTP send: where it came from, how to resolve it, the secret values history must remove. */
export type WsSessionContext = SendContext<WsRequestSpec>;

export interface RecordingWsClient extends WsClient {
  connect(connectionId: string, spec: WsRequestSpec, context?: WsSessionContext): Promise<WsHandshake>;
}

/** A session being followed: what history will keep of it once it is over. */
interface OpenSession {
  captured: CapturedWsSession;
  /** Bytes of message JSON captured so far; past the history body cap only counts go on. */
  capturedBytes: number;
}

/**
 * Records every WebSocket session in history when it is over — from Connect to the final close,
 * reconnects included: the request as composed, the last handshake, the close, and the messages
 * (every one counted, the first ones kept up to the history body cap). It follows the client's own
 * events, so the connection code knows nothing of history. `start` builds the client with the
 * event sink to use.
 */
export function recordWsSessions(
  start: (emit: EmitEvent) => WsClient,
  deps: { emit: EmitEvent; history: Pick<History, 'record'>; maxBodyBytes: () => number; recording?: () => boolean; now?: () => number },
): RecordingWsClient {
  const now = deps.now ?? Date.now;
  const sessions = new Map<string, OpenSession>();

  const finish = (connectionId: string, ending: { error?: ShuttleError }) => {
    const session = sessions.get(connectionId);
    if (!session) return;
    sessions.delete(connectionId);
    const { captured } = session;
    deps.history.record({ ...captured, finishedAt: now(), error: ending.error ?? captured.error });
  };

  const emit: EmitEvent = (event, payload) => {
    deps.emit(event, payload);
    if (event === 'ws.messages') {
      const { connectionId, messages } = payload as WsMessagesEvent;
      const session = sessions.get(connectionId);
      if (session) capture(session, messages, deps.maxBodyBytes());
    } else if (event === 'ws.state') {
      const state = payload as WsStateEvent;
      const session = sessions.get(state.connectionId);
      if (!session) return;
      if (state.handshake) session.captured.handshake = state.handshake;
      if (state.close) session.captured.close = state.close;
      // A drop that a reconnect then recovered from is not how the session ended.
      if (state.state === 'open') session.captured.error = null;
      if (state.error) session.captured.error = state.error;
      if (state.state === 'closed') finish(state.connectionId, {});
    }
  };
  const client = start(emit);

  return {
    async connect(connectionId, spec, context = {}) {
      const startedAt = now();
      const recording = deps.recording?.() !== false;
      // Looked up alongside the connection, never in its way; history waits for them when it writes.
      const secrets = recording ? (context.secretValues?.() ?? Promise.resolve([])).catch(() => []) : [];
      const prepared = context.prepare ? await context.prepare(spec) : spec;
      if (recording && !sessions.has(connectionId)) {
        sessions.set(connectionId, {
          capturedBytes: 0,
          captured: {
            kind: 'websocket',
            runId: connectionId,
            spec,
            source: context.source ?? null,
            environment: context.environment ?? null,
            startedAt,
            finishedAt: startedAt,
            secrets,
            handshake: null,
            close: null,
            error: null,
            messages: [],
            messageCount: 0,
            bytesIn: 0,
            bytesOut: 0,
          },
        });
      }
      try {
        return await client.connect(connectionId, prepared);
      } catch (error) {
        const failure = error instanceof ShuttleFailure ? error.toError() : { code: 'INTERNAL' as const, message: String(error) };
        // Refused before a byte went out (or the id is taken): nothing happened on the wire to remember.
        if (NOT_SENT.has(failure.code)) {
          if (failure.code !== 'CONFLICT') sessions.delete(connectionId);
        } else finish(connectionId, { error: failure });
        throw error;
      }
    },
    disconnect: (connectionId, code, reason) => client.disconnect(connectionId, code, reason),
    send: (connectionId, message) => client.send(connectionId, message),
    async close() {
      // Connections still open when the app quits are sessions too: they end here.
      for (const connectionId of [...sessions.keys()]) finish(connectionId, {});
      await client.close();
    },
  };
}

function capture(session: OpenSession, messages: readonly WsMessage[], maxBytes: number): void {
  const { captured } = session;
  for (const message of messages) {
    captured.messageCount += 1;
    if (message.direction === 'in') captured.bytesIn += message.size;
    else captured.bytesOut += message.size;
    if (session.capturedBytes > maxBytes) continue;
    // The JSON length is what the stored NDJSON will take (ws-session-record.ts cuts it exactly).
    session.capturedBytes += (message.text?.length ?? 0) + (message.base64?.length ?? 0) + 96;
    captured.messages.push(message);
  }
}
