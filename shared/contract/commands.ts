import { z } from 'zod';
import type { StoredCookie } from '../model/cookie.ts';
import {
  historyIdSchema,
  historySearchSchema,
  sendSourceSchema,
  type HistoryDiff,
  type HistoryNeighbours,
  type HistoryOpened,
  type HistoryPage,
  type HistoryStatus,
} from '../model/history.ts';
import type { OAuth2AuthorizationStart, OAuth2TokenInfo } from '../model/oauth2.ts';
import { authSpecSchema, httpRequestSpecSchema, requestSettingsSchema, type HttpRequestSpec } from '../model/request.ts';
import type { BodyChunk, BodyMatch, HttpResponseMeta } from '../model/response.ts';
import { settingsPatchSchema, type Settings } from '../model/settings.ts';
import { wsCloseCodeSchema, wsOutgoingSchema, wsRequestSpecSchema, type WsHandshake } from '../model/websocket.ts';
import { sendContextSchema } from '../model/workspace.ts';
import { workspaceCommandPayloads, type WorkspaceCommandResults } from './workspace-commands.ts';

const id = z.string().min(1).max(128);
const bodyVariant = z.enum(['raw', 'pretty']);

/** A cookie as the cookie manager edits it (the StoredCookie model). */
const storedCookieSchema = z.object({
  name: z.string().min(1).max(4096),
  value: z.string().max(64 * 1024),
  domain: z.string().min(1).max(1024),
  path: z.string().min(1).max(4096),
  expires: z.number().int().nullable(),
  httpOnly: z.boolean(),
  secure: z.boolean(),
  sameSite: z.enum(['strict', 'lax', 'none']).optional(),
  hostOnly: z.boolean(),
});

/** OAuth 2.0 commands take the request's auth as edited; the engine refuses any other auth type. */
const oauth2Payload = z.object({ auth: authSpecSchema, settings: requestSettingsSchema.optional() });

/**
 * Every command a UI may invoke: its payload schema (validated by the router, because the
 * renderer is an untrusted client) and its result type. Handlers and callers are typed from here.
 */
export const commandPayloads = {
  'app.info': z.object({}),
  /**
   * `source`: the tab (or saved request) it came from, kept in history. `context`: the saved request or
   * collection it belongs to, for variables and inherited headers/auth/settings (shared/vars).
   */
  'http.send': z.object({ runId: id, request: httpRequestSpecSchema, source: sendSourceSchema.optional(), context: sendContextSchema.optional() }),
  'http.cancel': z.object({ runId: id }),
  /** The request as `http.send` would send it (variables resolved, inherited headers and auth applied), for "Copy as cURL". */
  'http.resolve': z.object({ request: httpRequestSpecSchema, context: sendContextSchema.optional() }),
  'body.read': z.object({
    bodyId: id,
    offset: z.number().int().min(0),
    length: z.number().int().min(1).max(8 * 1024 * 1024),
  }),
  'body.release': z.object({ bodyId: id }),
  /** Large bodies by lines: index a body (raw, or a pretty-printed copy) and read or search its lines. */
  'body.view': z.object({ bodyId: id, variant: bodyVariant }),
  'body.lines': z.object({ bodyId: id, variant: bodyVariant, from: z.number().int().min(0), count: z.number().int().min(1).max(5_000) }),
  'body.search': z.object({ bodyId: id, variant: bodyVariant, query: z.string().min(1).max(1_000), regex: z.boolean(), caseSensitive: z.boolean() }),
  'settings.get': z.object({}),
  'settings.update': z.object({ patch: settingsPatchSchema }),
  // WebSocket: a large message's full payload is read with body.read (its bodyId).
  /** `context` as for http.send: variables in URL, params, headers and subprotocols resolve from it. */
  'ws.connect': z.object({ connectionId: id, request: wsRequestSpecSchema, source: sendSourceSchema.optional(), context: sendContextSchema.optional() }),
  'ws.disconnect': z.object({ connectionId: id, code: wsCloseCodeSchema.optional(), reason: z.string().max(123).optional() }),
  'ws.send': z.object({ connectionId: id, message: wsOutgoingSchema }),
  // Cookie jar: filled from Set-Cookie on every response, sent automatically.
  'cookies.list': z.object({}),
  'cookies.set': z.object({ cookie: storedCookieSchema }),
  'cookies.delete': z.object({ domain: z.string().min(1).max(1024), path: z.string().min(1).max(4096), name: z.string().min(1).max(4096) }),
  'cookies.clear': z.object({}),
  // OAuth 2.0 tokens, cached in memory per (token URL, client id, scope).
  'oauth2.token': oauth2Payload,
  'oauth2.fetchToken': oauth2Payload,
  'oauth2.clearToken': oauth2Payload,
  /** Authorization code (+PKCE): starts a one-shot loopback listener; `oauth2.authorization` reports the outcome. */
  'oauth2.authorize': oauth2Payload.extend({ callbackPort: z.number().int().min(0).max(65_535).optional() }),
  'oauth2.cancelAuthorization': z.object({ flowId: id }),
  // History: every send, newest first; `history.changed` says when to look again.
  'history.search': historySearchSchema,
  'history.open': z.object({ id: historyIdSchema }),
  'history.delete': z.object({ ids: z.array(historyIdSchema).min(1).max(10_000) }),
  'history.clear': z.object({}),
  'history.diff': z.object({ leftId: historyIdSchema, rightId: historyIdSchema }),
  'history.neighbours': z.object({ runId: id }),
  'history.status': z.object({}),
  'history.hosts': z.object({}),
  // Workspace (collections as files), environments, variables, the session journal.
  ...workspaceCommandPayloads,
} as const;

export interface AppInfo {
  version: string;
  dataDir: string;
  /** Which host serves this UI; informational only (the renderer branches on capabilities). */
  host: 'electron' | 'web';
}

export interface CommandResults extends WorkspaceCommandResults {
  'app.info': AppInfo;
  'http.send': HttpResponseMeta;
  'http.cancel': { cancelled: boolean };
  'http.resolve': HttpRequestSpec;
  'body.read': BodyChunk;
  'body.release': { released: boolean };
  /** `complete` false: a pretty copy still being written; call again for the grown line count. */
  'body.view': { lineCount: number; byteLength: number; complete: boolean };
  'body.lines': { lines: string[] };
  'body.search': { matches: BodyMatch[]; truncated: boolean };
  'settings.get': Settings;
  'settings.update': Settings;
  'ws.connect': WsHandshake;
  'ws.disconnect': { disconnected: boolean };
  'ws.send': { seq: number; size: number };
  'cookies.list': StoredCookie[];
  'cookies.set': StoredCookie;
  'cookies.delete': { deleted: boolean };
  'cookies.clear': { cleared: number };
  /** The cached token, or null when there is none. */
  'oauth2.token': OAuth2TokenInfo | null;
  /** A token obtained now (client credentials, password, or a refresh), replacing the cached one. */
  'oauth2.fetchToken': OAuth2TokenInfo;
  'oauth2.clearToken': { cleared: boolean };
  'oauth2.authorize': OAuth2AuthorizationStart;
  'oauth2.cancelAuthorization': { cancelled: boolean };
  'history.search': HistoryPage;
  /** The entry, its request as composed, and its response with the body back in the body store. */
  'history.open': HistoryOpened;
  'history.delete': { deleted: number };
  'history.clear': { deleted: number };
  'history.diff': HistoryDiff;
  'history.neighbours': HistoryNeighbours;
  'history.status': HistoryStatus;
  'history.hosts': { hosts: string[] };
}

export type CommandName = keyof typeof commandPayloads;
export type CommandPayload<C extends CommandName> = z.infer<(typeof commandPayloads)[C]>;
export type CommandResult<C extends CommandName> = CommandResults[C];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandPayloads, name);
}
