import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildConnector } from 'undici';
import { recordConnection, type ConnectionRecord } from '../timeline/connection-record.ts';

/** undici's connector returns the socket it opens (connect.js does; its typings say void). */
type SocketReturningConnector = (options: buildConnector.Options, callback: buildConnector.Callback) => Socket | undefined;

/**
 * undici's own connector (TLS session cache, ALPN, connect timeout, keep-alive) with the times of
 * each phase noted on the connection: 'lookup' (DNS), 'connect' (TCP), and the callback (TLS done
 * for https). Listening to socket events costs nothing on requests that reuse a connection.
 */
export function timedConnector(options: buildConnector.BuildOptions): buildConnector.connector {
  const connect = buildConnector(options) as unknown as SocketReturningConnector;
  return ((connectOptions: buildConnector.Options, callback: buildConnector.Callback) => {
    const record: ConnectionRecord = { startedAt: performance.now(), claimed: false };
    const socket = connect(connectOptions, (...args) => {
      const [, connected] = args;
      if (connected) {
        const at = performance.now();
        // Plain TCP calls back from its own 'connect' listener, before ours runs.
        record.connectedAt ??= at;
        if ('encrypted' in connected && connected.encrypted) record.secureAt = at;
        recordConnection(connected, record);
      }
      callback(...args);
    });
    if (socket) {
      recordConnection(socket, record);
      socket.once('lookup', () => (record.lookupAt = performance.now()));
      socket.once('connect', () => (record.connectedAt ??= performance.now()));
    }
    // undici cancels a connection attempt nobody waits for through the returned socket.
    return socket;
  }) as buildConnector.connector;
}
