import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { ENGINE_USER_AGENT } from '../../../shared/http/engine-headers.ts';
import { isToken, isValidHeaderValue } from '../../../shared/http/tokens.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { RawHeader } from '../../../shared/model/response.ts';
import { encodeBody } from './body/encode-body.ts';
import type { PreparedBody } from './body/prepared-body.ts';
import { ACCEPT_ENCODING } from './decode/content-decoders.ts';
import { substitutePathParams } from '../../../shared/http/path-params.ts';

export const USER_AGENT = ENGINE_USER_AGENT;

/** A request that passed every check and can be written to the wire as is. */
export interface PreparedRequest {
  url: URL;
  method: string;
  /** The user's enabled headers, then the automatic ones they did not set themselves. */
  headers: RawHeader[];
  body: PreparedBody | undefined;
  /** user:password from the URL, taken out of it (never sent or shown there) and sent as Basic auth, as curl does. */
  urlCredentials?: { username: string; password: string };
}

/**
 * Turns what the user composed into what goes on the wire, refusing anything that could smuggle
 * bytes (CR/LF/NUL) or reach a non-HTTP scheme before a single byte is sent. Synchronous unless a
 * body file has to be looked at.
 */
export function prepareRequest(spec: HttpRequestSpec): PreparedRequest | Promise<PreparedRequest> {
  const method = spec.method.trim();
  if (!isToken(method)) {
    throw new ShuttleFailure('INVALID_METHOD', `"${method}" is not a valid HTTP method`, { method });
  }
  const url = parseHttpUrl(spec.url);
  const urlCredentials = takeCredentials(url);
  if (spec.pathParams && spec.pathParams.length > 0) url.pathname = substitutePathParams(url.pathname, spec.pathParams);

  const headers: RawHeader[] = [];
  for (const entry of spec.headers) {
    if (!entry.enabled) continue;
    const name = entry.name.trim();
    if (name === '' && entry.value === '') continue;
    if (!isToken(name)) {
      throw new ShuttleFailure('INVALID_HEADER', `Header name "${name}" is not valid`, { header: name });
    }
    if (!isValidHeaderValue(entry.value)) {
      throw new ShuttleFailure('INVALID_HEADER', `The value of header "${name}" contains a control character`, { header: name });
    }
    headers.push([name, entry.value]);
  }

  const encoded = encodeBody(spec.body);
  const finish = (body: PreparedBody | undefined) => withAutomaticHeaders({ url, method, headers, body, ...(urlCredentials ? { urlCredentials } : {}) });
  return encoded instanceof Promise ? encoded.then(finish) : finish(encoded);
}

/** Adds the headers the engine writes by itself, each only where the user did not set it. */
function withAutomaticHeaders(prepared: PreparedRequest): PreparedRequest {
  const { headers, body } = prepared;
  // The user's headers win over every automatic one, in the user's spelling.
  const hasHeader = (lower: string) => headers.some(([name]) => name.toLowerCase() === lower);
  if (body?.contentType && !hasHeader('content-type')) headers.push(['Content-Type', body.contentType]);
  // A streamed body gets its length from here (undici measures in-memory ones itself).
  if (body && !Buffer.isBuffer(body.content) && !hasHeader('content-length')) headers.push(['Content-Length', String(body.length)]);
  if (!hasHeader('user-agent')) headers.push(['User-Agent', USER_AGENT]);
  // Every coding the engine can undo; the body store keeps the decoded bytes.
  if (!hasHeader('accept-encoding')) headers.push(['Accept-Encoding', ACCEPT_ENCODING]);

  return prepared;
}

function takeCredentials(url: URL): PreparedRequest['urlCredentials'] {
  if (url.username === '' && url.password === '') return undefined;
  const credentials = { username: safeDecode(url.username), password: safeDecode(url.password) };
  url.username = '';
  url.password = '';
  return credentials;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseHttpUrl(input: string): URL {
  const text = input.trim();
  if (text === '') throw new ShuttleFailure('INVALID_URL', 'The URL is empty');
  // The URL parser silently drops tabs and line breaks, so "/a\r\nX: y" would go out as "/aX:%20y".
  if (/[\r\n\0]/.test(text)) throw new ShuttleFailure('INVALID_URL', 'The URL contains a line break or NUL character', { url: text });
  // A bare "localhost:3000/x" is what people type; treat a missing scheme as http like other clients do.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ShuttleFailure('INVALID_URL', `"${text}" is not a valid URL`, { url: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ShuttleFailure('UNSUPPORTED_SCHEME', `Only http and https URLs can be sent, not ${url.protocol}`, { scheme: url.protocol });
  }
  // Checked on the escapes themselves: decoding the whole path would fail on any stray "%zz" and hide them.
  if (/%0[0ad]/i.test(url.pathname + url.search)) {
    throw new ShuttleFailure('INVALID_URL', 'The URL contains an encoded line break or NUL character', { url: text });
  }
  return url;
}
