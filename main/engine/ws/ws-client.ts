import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { WsHandshake, WsOutgoing, WsRequestSpec } from '../../../shared/model/websocket.ts';
import type { OAuth2Service } from '../auth/oauth2/oauth2-service.ts';
import type { BodyStore } from '../bodies/body-store.ts';
import type { EmitEvent } from '../events.ts';
import { withHostCertificate } from '../../../shared/http/host-certificates.ts';
import { trustSystemCertificates } from '../tls/system-trust.ts';
import { hasTlsFiles, loadTlsMaterial, tlsConnectOptions } from '../tls/tls-material.ts';
import type { BatchLimits } from './message-batcher.ts';
import { createPayloadArchive } from './payload-archive.ts';
import { prepareConnection } from './prepare-connection.ts';
import { WsConnection } from './ws-connection.ts';

/** A closing handshake the peer does not finish within this time ends with the socket dropped. */
const DEFAULT_CLOSE_TIMEOUT_MS = 3_000;

export interface WsClient {
  /** Opens a connection under `connectionId`; resolves with the handshake once it is open. */
  connect(connectionId: string, spec: WsRequestSpec): Promise<WsHandshake>;
  /** Resolves true once that connection is closed, false when there was none. */
  disconnect(connectionId: string, code?: number, reason?: string): Promise<boolean>;
  send(connectionId: string, message: WsOutgoing): { seq: number; size: number };
  close(): Promise<void>;
}

export interface WsClientDeps {
  bodies: BodyStore;
  settings: () => Settings;
  emit: EmitEvent;
  /** Tokens for OAuth 2.0 auth, shared with HTTP requests. */
  oauth2: OAuth2Service;
  now?: () => number;
  closeTimeoutMs?: number;
  batchLimits?: BatchLimits;
}

/** Every open WebSocket connection, each under a caller-chosen id that tags its events. */
export function createWsClient(deps: WsClientDeps): WsClient {
  const connections = new Map<string, WsConnection>();
  const payloads = createPayloadArchive(deps.bodies);

  return {
    async connect(connectionId, spec) {
      const inUse = () => new ShuttleFailure('CONFLICT', `Connection ${connectionId} is already in use`, { connectionId });
      if (connections.has(connectionId)) throw inUse();
      const prepared = prepareConnection(spec, { oauth2: deps.oauth2, now: deps.now ?? Date.now });
      // Certificate files are read and checked before any connection: a wrong passphrase is a TLS error at once.
      const wss = prepared.url.protocol === 'wss:';
      // The connection's own TLS choices, with its host's in Settings → Certificates for what it leaves
      // unset (verification is on unless switched off, so only the host's "off" can apply).
      const own = { clientCert: spec.clientCert, caCert: spec.caCert, ...(spec.tlsVerify ? {} : { verifyTls: false }) };
      const { settings: tls, places } = withHostCertificate(own, prepared.url, deps.settings().hostCertificates);
      // Each WebSocket has a connection of its own: the trust in force when it opens is the one it is verified under.
      if (wss) trustSystemCertificates(deps.settings().trustSystemCertificates);
      const material = wss && hasTlsFiles(tls) ? await loadTlsMaterial(tls, prepared.url.hostname, places) : {};
      if (connections.has(connectionId)) throw inUse();
      const connection = new WsConnection({
        connectionId,
        spec,
        prepared,
        tls: tlsConnectOptions(material, tls.verifyTls !== false),
        maxMessageBytes: spec.maxMessageBytes ?? deps.settings().wsMaxMessageBytes,
        payloads,
        emit: deps.emit,
        closeTimeoutMs: deps.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS,
        batchLimits: deps.batchLimits,
        onFinished: () => {
          if (connections.get(connectionId) === connection) connections.delete(connectionId);
        },
      });
      connections.set(connectionId, connection);
      return connection.start();
    },
    async disconnect(connectionId, code = 1000, reason = '') {
      // RFC 6455 §5.5: a control frame's payload (2 code bytes + reason) is at most 125 bytes.
      if (Buffer.byteLength(reason) > 123) throw new ShuttleFailure('VALIDATION', 'A close reason may be at most 123 bytes of UTF-8');
      const connection = connections.get(connectionId);
      if (!connection) return false;
      await connection.disconnect(code, reason);
      return true;
    },
    send(connectionId, message) {
      const connection = connections.get(connectionId);
      if (!connection) throw new ShuttleFailure('NOT_CONNECTED', `There is no connection ${connectionId}`, { connectionId });
      return connection.send(message);
    },
    async close() {
      for (const connection of connections.values()) connection.terminate();
      connections.clear();
      await payloads.close();
    },
  };
}
