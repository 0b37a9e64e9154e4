import { z } from 'zod';
import type { ShuttleError } from '../contract/errors.ts';
import { authSpecSchema, requestSettingsSchema, type AuthType, type RequestSettings } from './request.ts';
import type { ConnectionInfo, RawHeader } from './response.ts';

export const WS_MESSAGE_TYPES = ['text', 'binary', 'ping', 'pong', 'close'] as const;
export type WsMessageType = (typeof WS_MESSAGE_TYPES)[number];
export const WS_DIRECTIONS = ['in', 'out'] as const;
export type WsDirection = (typeof WS_DIRECTIONS)[number];

const entrySchema = z.object({ name: z.string(), value: z.string(), enabled: z.boolean() });

export const wsReconnectSchema = z.object({
  enabled: z.boolean(),
  /** Attempts after a drop before giving up; the count starts again after each successful open. */
  maxAttempts: z.number().int().min(1).max(1000),
  /** Wait before the first attempt; it doubles for each further attempt, up to 30 s. */
  initialDelayMs: z.number().int().min(10).max(60_000),
});
export type WsReconnect = z.infer<typeof wsReconnectSchema>;

/**
 * The auth an opening handshake can carry. The handshake is one HTTP GET, so whatever is a header or
 * a query parameter of that request works (OAuth 2.0 and SigV4 are fetched or signed afresh for each
 * attempt). Digest is left out: it only answers a server's 401 challenge, and a handshake answered
 * with anything but 101 fails the connection (RFC 6455 §4.1), so answering would take a second
 * connection behind the user's back for every attempt.
 */
export const WS_AUTH_TYPES = ['none', 'inherit', 'basic', 'bearer', 'apikey', 'oauth2', 'awsv4'] as const satisfies readonly AuthType[];
const wsAuthSpecSchema = authSpecSchema.refine((auth) => (WS_AUTH_TYPES as readonly string[]).includes(auth.type), {
  message: 'Digest auth cannot be used for a WebSocket handshake',
});

export const wsRequestSpecSchema = z.object({
  url: z.string().max(64 * 1024),
  /** Query parameters added to the URL's own (enabled rows only). */
  params: z.array(entrySchema).max(10_000),
  headers: z.array(entrySchema).max(10_000),
  /** Applied to the handshake; absent means none. */
  auth: wsAuthSpecSchema.optional(),
  /** Offered in Sec-WebSocket-Protocol, in order of preference. */
  subprotocols: z.array(z.string().max(256)).max(64),
  /** False skips certificate checks for this connection only. */
  tlsVerify: z.boolean(),
  /** Presented to a wss server that asks for one: the same shape as an HTTP request's setting. */
  clientCert: requestSettingsSchema.shape.clientCert,
  /** Extra CA certificate (PEM) trusted for this connection, beside the system's roots. */
  caCert: requestSettingsSchema.shape.caCert,
  /** Deadline for the opening handshake; 0 waits as long as the network does. */
  connectTimeoutMs: z.number().int().min(0).max(600_000),
  /** A ping every so often; a peer that does not answer within the same interval is dropped. 0 turns pings off. */
  pingIntervalMs: z.number().int().min(0).max(3_600_000),
  autoReconnect: wsReconnectSchema,
  /** Largest inbound message; when absent the app setting applies. */
  maxMessageBytes: z.number().int().min(125).max(1024 ** 3).optional(),
});
/** A WebSocket connection as the user composed it. */
export type WsRequestSpec = z.infer<typeof wsRequestSpecSchema>;

export function emptyWsRequest(): WsRequestSpec {
  return {
    url: '',
    params: [],
    headers: [],
    subprotocols: [],
    tlsVerify: true,
    connectTimeoutMs: 10_000,
    pingIntervalMs: 0,
    autoReconnect: { enabled: false, maxAttempts: 10, initialDelayMs: 1000 },
  };
}

/** The connection's TLS choices as HTTP request settings: what its OAuth 2.0 token request goes out with. */
export function wsTlsSettings(spec: Pick<WsRequestSpec, 'tlsVerify' | 'clientCert' | 'caCert'>): RequestSettings {
  return {
    ...(spec.tlsVerify ? {} : { verifyTls: false }),
    ...(spec.clientCert ? { clientCert: spec.clientCert } : {}),
    ...(spec.caCert ? { caCert: spec.caCert } : {}),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** What the user sends; binary travels as base64 so arbitrary bytes survive JSON. */
export const wsOutgoingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(16 * 1024 * 1024) }),
  z.object({ type: z.literal('binary'), base64: z.string().max(22 * 1024 * 1024).regex(BASE64) }),
]);
export type WsOutgoing = z.infer<typeof wsOutgoingSchema>;

/** Codes a client may send when it closes (RFC 6455 §7.4: 1000, or 3000–4999 for libraries and apps). */
export const wsCloseCodeSchema = z
  .number()
  .int()
  .refine((code) => code === 1000 || (code >= 3000 && code <= 4999), 'must be 1000 or from 3000 to 4999');

/**
 * One frame-level event in a connection's log. Small payloads travel whole (`text`, or `base64` for
 * binary, ping and pong); a large one carries a preview of its first bytes, `truncated`, and a
 * `bodyId` to read it whole with `body.read`.
 */
export interface WsMessage {
  /** Numbers every message of a connection in order, across reconnects. */
  seq: number;
  direction: WsDirection;
  type: WsMessageType;
  /** Epoch ms when it crossed the wire. */
  time: number;
  /** Payload bytes (a close frame's reason, in bytes, for `close`). */
  size: number;
  text?: string;
  base64?: string;
  /** Close frames: the status code (1005 when the frame carried none). */
  code?: number;
  truncated?: boolean;
  bodyId?: string;
}

export interface WsHandshake {
  /** The URL asked for, with the query parameters added. */
  url: string;
  startedAt: number;
  /** ms from starting the connection to the open connection. */
  openMs: number;
  status: number;
  statusText: string;
  requestHeaders: RawHeader[];
  responseHeaders: RawHeader[];
  /** The subprotocol the server chose ('' for none). */
  protocol: string;
  /** The Sec-WebSocket-Extensions the server accepted ('' for none). */
  extensions: string;
  /** The connection the handshake went over: remote address, and for wss the TLS protocol, cipher and certificates. */
  connection?: ConnectionInfo;
}

export interface WsCloseInfo {
  code: number;
  reason: string;
  /** Who closed: the server's close frame, ours, or neither (the connection just dropped: 1006). */
  by: 'server' | 'client' | 'network';
}

export type WsConnectionState = 'connecting' | 'open' | 'closing' | 'closed' | 'reconnecting';

export interface WsStateEvent {
  connectionId: string;
  state: WsConnectionState;
  time: number;
  /** With `open`. */
  handshake?: WsHandshake;
  /** With `closed` and `reconnecting`: how the last connection ended. */
  close?: WsCloseInfo;
  /** Why the connection failed or dropped; absent for a clean close. */
  error?: ShuttleError;
  /** With `reconnecting` (when the next attempt starts) and `connecting` during a reconnect. */
  reconnect?: { attempt: number; maxAttempts: number; delayMs: number };
}

export interface WsMessagesEvent {
  connectionId: string;
  /** In order; a batch holds what arrived in one short time slice. */
  messages: WsMessage[];
}
