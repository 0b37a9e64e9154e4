import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { contentTypeForBodyMode } from '../../../shared/http/body-content-type.ts';
import { isToken, isValidHeaderValue } from '../../../shared/http/tokens.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { RawHeader } from '../../../shared/model/response.ts';

export const USER_AGENT = 'Shuttle/0.1';

/** A request that passed every check and can be written to the wire as is. */
export interface PreparedRequest {
  url: URL;
  method: string;
  headers: RawHeader[];
  body: string | undefined;
}

/**
 * Turns what the user composed into what goes on the wire, refusing anything that could smuggle
 * bytes (CR/LF/NUL) or reach a non-HTTP scheme before a single byte is sent.
 */
export function prepareRequest(spec: HttpRequestSpec): PreparedRequest {
  const method = spec.method.trim();
  if (!isToken(method)) {
    throw new ShuttleFailure('INVALID_METHOD', `"${method}" is not a valid HTTP method`, { method });
  }
  const url = parseHttpUrl(spec.url);

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

  const hasHeader = (lower: string) => headers.some(([name]) => name.toLowerCase() === lower);
  const body = spec.body.mode === 'none' ? undefined : spec.body.text;
  const contentType = contentTypeForBodyMode(spec.body.mode);
  if (body !== undefined && contentType && !hasHeader('content-type')) headers.push(['Content-Type', contentType]);
  if (!hasHeader('user-agent')) headers.push(['User-Agent', USER_AGENT]);

  return { url, method, headers, body };
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
