import type { AuthSpec, RequestSettings } from '../../../../shared/model/request.ts';
import { emptyWsRequest, type WsRequestSpec } from '../../../../shared/model/websocket.ts';
import type { HeaderRow } from '../tabs/request-draft.ts';

export const COMPOSER_FORMATS = ['text', 'json', 'binary'] as const;
export type ComposerFormat = (typeof COMPOSER_FORMATS)[number];
export const BINARY_ENCODINGS = ['hex', 'base64'] as const;
export type BinaryEncoding = (typeof BINARY_ENCODINGS)[number];

/** What the composer holds: the body as typed, and how to read it. */
export interface ComposedMessage {
  format: ComposerFormat;
  encoding: BinaryEncoding;
  body: string;
}

/** A message kept in the tab to send again with one click (collections keep them once workspaces land). */
export interface SavedMessage extends ComposedMessage {
  id: string;
  name: string;
}

export interface WsDraftSettings {
  connectTimeoutMs: number;
  /** 0 turns pings off. */
  pingIntervalMs: number;
  autoReconnect: boolean;
  tlsVerify: boolean;
  /** For wss: the same shapes as an HTTP request's settings. */
  clientCert?: RequestSettings['clientCert'];
  caCert?: RequestSettings['caCert'];
  /** What Disconnect sends. */
  closeCode: number;
  closeReason: string;
}

/** The WebSocket connection a tab is editing, its composer and its saved messages. */
export interface WsDraft {
  url: string;
  params: HeaderRow[];
  headers: HeaderRow[];
  auth: AuthSpec;
  /** As typed: names separated by commas, in order of preference. */
  subprotocols: string;
  settings: WsDraftSettings;
  composer: ComposedMessage;
  saved: SavedMessage[];
}

const RECONNECT_ATTEMPTS = 10;
const RECONNECT_FIRST_DELAY_MS = 1000;

export function emptyWsDraft(): WsDraft {
  const defaults = emptyWsRequest();
  return {
    url: '',
    params: [],
    headers: [],
    auth: { type: 'none' },
    subprotocols: '',
    settings: {
      connectTimeoutMs: defaults.connectTimeoutMs,
      pingIntervalMs: defaults.pingIntervalMs,
      autoReconnect: defaults.autoReconnect.enabled,
      tlsVerify: defaults.tlsVerify,
      closeCode: 1000,
      closeReason: '',
    },
    composer: { format: 'text', encoding: 'hex', body: '' },
    saved: [],
  };
}

/** What goes to the engine: rows without ids, blank rows dropped, the subprotocol list split; no auth and no certificates are left out. */
export function specFromWsDraft(draft: WsDraft): WsRequestSpec {
  const rows = (list: HeaderRow[]) =>
    list.filter((row) => row.name.trim() !== '' || row.value !== '').map(({ name, value, enabled }) => ({ name, value, enabled }));
  const { clientCert, caCert } = draft.settings;
  return {
    url: draft.url,
    params: rows(draft.params),
    headers: rows(draft.headers),
    ...(draft.auth.type !== 'none' ? { auth: draft.auth } : {}),
    subprotocols: draft.subprotocols
      .split(',')
      .map((protocol) => protocol.trim())
      .filter((protocol) => protocol !== ''),
    tlsVerify: draft.settings.tlsVerify,
    ...(clientCert && Object.keys(clientCert).length > 0 ? { clientCert } : {}),
    ...(caCert ? { caCert } : {}),
    connectTimeoutMs: draft.settings.connectTimeoutMs,
    pingIntervalMs: draft.settings.pingIntervalMs,
    autoReconnect: { enabled: draft.settings.autoReconnect, maxAttempts: RECONNECT_ATTEMPTS, initialDelayMs: RECONNECT_FIRST_DELAY_MS },
  };
}
