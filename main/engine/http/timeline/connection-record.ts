import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What happened while one connection was opened, in performance.now() milliseconds. */
export interface ConnectionRecord {
  startedAt: number;
  /** DNS answered (absent for an IP literal: no lookup happened). */
  lookupAt?: number;
  /** TCP connected. */
  connectedAt?: number;
  /** TLS handshake done. */
  secureAt?: number;
  /** Set by the first exchange that reports this connection; every later one on it is a reuse. */
  claimed: boolean;
}

// Keyed by the socket itself, so a record lives exactly as long as its connection.
const records = new WeakMap<object, ConnectionRecord>();

export function recordConnection(socket: Socket, record: ConnectionRecord): void {
  records.set(socket, record);
}

/**
 * The record of a connection. A socket the engine's connector did not open (a proxy tunnel)
 * gets an empty one, so it is still reported once as new and then as reused.
 */
export function connectionRecordOf(socket: Socket): ConnectionRecord {
  let record = records.get(socket);
  if (!record) {
    record = { startedAt: performance.now(), claimed: false };
    records.set(socket, record);
  }
  return record;
}
