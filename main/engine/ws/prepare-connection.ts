import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { isToken, isValidHeaderValue } from '../../../shared/http/tokens.ts';
import type { RawHeader } from '../../../shared/model/response.ts';
import { wsTlsSettings, type WsRequestSpec } from '../../../shared/model/websocket.ts';
import { createRequestAuth, type RequestAuth, type RequestAuthDeps } from '../auth/request-auth.ts';
import { USER_AGENT } from '../http/prepare-request.ts';

/** A connection that passed every check and can be opened as is. */
export interface PreparedConnection {
  url: URL;
  headers: RawHeader[];
  subprotocols: string[];
  /**
   * The auth for one handshake attempt, applied as to an HTTP request. A new one for each attempt:
   * an OAuth 2.0 token is looked up again (and renewed once expired), SigV4 signs with that time.
   */
  authForAttempt(): RequestAuth;
}

export type ConnectionAuthDeps = Omit<RequestAuthDeps, 'settings'>;

/**
 * Headers the handshake itself writes. A user's copy in another case would go out as a second,
 * conflicting header and break the upgrade, so they are refused (subprotocols have their own list).
 */
const HANDSHAKE_HEADERS = new Set(['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions', 'sec-websocket-protocol']);

/**
 * Turns what the user composed into what opens the connection, refusing anything that could smuggle
 * bytes (CR/LF/NUL) or reach a scheme other than ws/wss before a single byte is sent.
 */
export function prepareConnection(spec: WsRequestSpec, authDeps: ConnectionAuthDeps): PreparedConnection {
  const url = parseWsUrl(spec.url);
  for (const param of spec.params) {
    if (!param.enabled || (param.name.trim() === '' && param.value === '')) continue;
    if (/[\r\n\0]/.test(param.name + param.value)) {
      throw new ShuttleFailure('INVALID_URL', `Query parameter "${param.name}" contains a line break or NUL character`, { url: spec.url });
    }
    url.searchParams.append(param.name.trim(), param.value);
  }

  const headers: RawHeader[] = [];
  for (const entry of spec.headers) {
    if (!entry.enabled) continue;
    const name = entry.name.trim();
    if (name === '' && entry.value === '') continue;
    if (!isToken(name)) throw new ShuttleFailure('INVALID_HEADER', `Header name "${name}" is not valid`, { header: name });
    if (!isValidHeaderValue(entry.value)) {
      throw new ShuttleFailure('INVALID_HEADER', `The value of header "${name}" contains a control character`, { header: name });
    }
    if (HANDSHAKE_HEADERS.has(name.toLowerCase())) {
      throw new ShuttleFailure('INVALID_HEADER', `Header "${name}" is written by the WebSocket handshake itself`, { header: name });
    }
    headers.push([name, entry.value]);
  }
  if (!headers.some(([name]) => name.toLowerCase() === 'user-agent')) headers.push(['User-Agent', USER_AGENT]);

  const subprotocols: string[] = [];
  for (const raw of spec.subprotocols) {
    const protocol = raw.trim();
    if (protocol === '') continue;
    if (!isToken(protocol) || subprotocols.includes(protocol)) {
      throw new ShuttleFailure('INVALID_HEADER', `Subprotocol "${protocol}" is not a valid token or is listed twice`, {
        header: 'Sec-WebSocket-Protocol',
      });
    }
    subprotocols.push(protocol);
  }
  checkAuth(spec);
  // The same auth as an HTTP request's: the user's own header of the same name wins, and a token
  // request follows this connection's TLS choices.
  const deps = { ...authDeps, settings: wsTlsSettings(spec) };
  const withoutAuth = new URL(url);
  const handshake = (target: URL) => ({ url: target, method: 'GET', headers, body: undefined });
  // Built once now to check every value before a byte is sent; it adds an API key "in query" to the URL.
  createRequestAuth(spec.auth, handshake(url), deps);
  return { url, headers, subprotocols, authForAttempt: () => createRequestAuth(spec.auth, handshake(new URL(withoutAuth)), deps) };
}

/** What the shared auth code would accept but a handshake cannot carry (see WS_AUTH_TYPES). */
function checkAuth({ auth, url }: WsRequestSpec): void {
  if (auth?.type === 'digest') {
    // Reachable through `inherit` from a collection or folder: the request's own schema refuses it.
    throw new ShuttleFailure('AUTH', 'Digest auth cannot be used for a WebSocket handshake', {
      reason: 'Digest auth, inherited from the collection or folder, cannot be used for a WebSocket handshake; choose another auth in this request’s Auth tab',
    });
  }
  if (auth?.type !== 'apikey') return;
  if (auth.in === 'query') {
    if (/[\r\n\0]/.test(auth.key + auth.value)) {
      throw new ShuttleFailure('INVALID_URL', `API key "${auth.key}" contains a line break or NUL character`, { url });
    }
    return;
  }
  if (HANDSHAKE_HEADERS.has(auth.key.trim().toLowerCase())) {
    throw new ShuttleFailure('INVALID_HEADER', `Header "${auth.key.trim()}" is written by the WebSocket handshake itself`, { header: auth.key.trim() });
  }
}

function parseWsUrl(input: string): URL {
  const text = input.trim();
  if (text === '') throw new ShuttleFailure('INVALID_URL', 'The URL is empty');
  // The URL parser silently drops tabs and line breaks, so "/a\r\nX: y" would go out as "/aX:%20y".
  if (/[\r\n\0]/.test(text)) throw new ShuttleFailure('INVALID_URL', 'The URL contains a line break or NUL character', { url: text });
  // "localhost:8080/socket" is what people type; a missing scheme means ws like other clients do.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `ws://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ShuttleFailure('INVALID_URL', `"${text}" is not a valid URL`, { url: text });
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new ShuttleFailure('UNSUPPORTED_SCHEME', `Only ws and wss URLs can be opened as WebSockets, not ${url.protocol}`, { scheme: url.protocol });
  }
  if (url.hostname === '') throw new ShuttleFailure('INVALID_URL', `"${text}" has no host`, { url: text });
  // Checked on the escapes themselves: decoding the whole path would fail on any stray "%zz" and hide them.
  if (/%0[0ad]/i.test(url.pathname + url.search)) {
    throw new ShuttleFailure('INVALID_URL', 'The URL contains an encoded line break or NUL character', { url: text });
  }
  // A fragment is never sent; the ws library refuses URLs that carry one, so drop it here.
  url.hash = '';
  return url;
}
