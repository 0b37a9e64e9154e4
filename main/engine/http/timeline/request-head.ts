import type { RawHeader } from '../../../../shared/model/response.ts';

/** Methods for which undici sends `content-length: 0` when there is no body (client-h1's expectsPayload). */
const EXPECTS_PAYLOAD = new Set(['PUT', 'POST', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);

export interface RequestHead {
  requestLine: string;
  headers: RawHeader[];
}

/**
 * The request line and headers exactly as undici wrote them, from the text it publishes on
 * 'undici:client:sendHeaders'. For HTTP/1.1 that text stops before the framing header undici
 * appends as it writes the body, so that one line is added here the way undici adds it.
 * (A plain loop over the text: this runs for every request, inside the engine-overhead budget.)
 */
export function parseRequestHead(headerText: string, protocol: string, request: { method: string; path: string; bodyLength: number | undefined }): RequestHead {
  const h2 = protocol === 'h2';
  const headers: RawHeader[] = [];
  let requestLine = h2 ? `${request.method} ${request.path} HTTP/2` : '';
  let start = 0;
  while (start < headerText.length) {
    let end = headerText.indexOf('\r\n', start);
    if (end === -1) end = headerText.length;
    if (end > start) {
      if (!h2 && requestLine === '') {
        requestLine = headerText.slice(start, end);
      } else {
        // HTTP/2 pseudo-headers (":method: GET") start with the separator itself.
        const colon = headerText.indexOf(':', headerText.charCodeAt(start) === 58 ? start + 1 : start);
        if (colon === -1 || colon > end) headers.push([headerText.slice(start, end), '']);
        else headers.push([headerText.slice(start, colon), headerText.slice(colon + 1, end).trimStart()]);
      }
    }
    start = end + 2;
  }
  if (requestLine === '') requestLine = `${request.method} ${request.path} HTTP/1.1`;
  if (!h2) {
    if (request.bodyLength !== undefined && request.bodyLength > 0) headers.push(['content-length', String(request.bodyLength)]);
    else if (EXPECTS_PAYLOAD.has(request.method)) headers.push(['content-length', '0']);
  }
  return { requestLine, headers };
}
