import { WebSocket } from 'ws';

export interface Heartbeat {
  /** A pong arrived: the peer is alive. */
  pong(): void;
  stop(): void;
}

/**
 * Pings an open socket every `intervalMs` (0 turns it off) and calls `onDead` when a ping goes
 * unanswered for a whole interval: a peer that stopped answering, which TCP alone may not notice for hours.
 */
export function startHeartbeat(socket: WebSocket, intervalMs: number, events: { onPing: () => void; onDead: () => void }): Heartbeat {
  let pongDeadline: NodeJS.Timeout | undefined;
  const pings =
    intervalMs > 0
      ? setInterval(() => {
          if (socket.readyState !== WebSocket.OPEN) return;
          socket.ping();
          events.onPing();
          // The wait starts at the first unanswered ping; later pings do not extend it.
          pongDeadline ??= setTimeout(events.onDead, intervalMs);
        }, intervalMs)
      : undefined;
  return {
    pong() {
      clearTimeout(pongDeadline);
      pongDeadline = undefined;
    },
    stop() {
      clearInterval(pings);
      clearTimeout(pongDeadline);
      pongDeadline = undefined;
    },
  };
}
