import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import type { ExchangeRecord, RawHeader } from '../../../../shared/model/response.ts';

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Credentials that must not follow a request to another origin (as browsers and curl drop them). */
export const CROSS_ORIGIN_DROPPED_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Headers that describe a body: dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location', 'transfer-encoding']);

export type RedirectPlan =
  | { kind: 'follow'; url: URL; method: string; dropBody: boolean }
  | { kind: 'refuse'; failure: ShuttleFailure }
  | { kind: 'final' };

/**
 * What a 3xx means for the next hop, following the Fetch standard's redirect rules: 303 turns any
 * method but HEAD into a bodiless GET; 301 and 302 do so for POST (what every browser and curl
 * do); 307 and 308 repeat the request as it was. A redirect to a non-http(s) scheme is refused;
 * a missing or unparseable Location makes the 3xx the final answer.
 */
export function planRedirect(status: number, headers: readonly RawHeader[], from: URL, method: string): RedirectPlan {
  if (!REDIRECT_STATUSES.has(status)) return { kind: 'final' };
  const location = headers.find(([name]) => name.toLowerCase() === 'location')?.[1]?.trim();
  if (!location) return { kind: 'final' };
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    return { kind: 'final' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      kind: 'refuse',
      failure: new ShuttleFailure('UNSUPPORTED_SCHEME', `Refused to follow a redirect to ${url.protocol} (only http and https are followed)`, {
        scheme: url.protocol,
        location,
        from: from.href,
      }),
    };
  }
  const toGet = (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  return { kind: 'follow', url, method: toGet ? 'GET' : method, dropBody: toGet };
}

export function isBodyHeader(lowerName: string): boolean {
  return BODY_HEADERS.has(lowerName);
}

/** "GET http://a/1 → 302 http://a/2 → 302 http://a/1 …": the chain as one line for an error. */
export function describeRedirectChain(records: readonly ExchangeRecord[], next?: URL): string {
  const steps = records.map((record, index) => `${index === 0 ? `${record.method} ` : ''}${record.url} → ${record.status}`);
  return [...steps, ...(next ? [next.href] : [])].join(' → ');
}
