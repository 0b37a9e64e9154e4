/** Header names offered while typing, most used in API work first. */
export const COMMON_HEADER_NAMES = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Content-Type',
  'Cookie',
  'If-Match',
  'If-None-Match',
  'If-Modified-Since',
  'Idempotency-Key',
  'Origin',
  'Prefer',
  'Referer',
  'User-Agent',
  'X-API-Key',
  'X-Correlation-ID',
  'X-Forwarded-For',
  'X-Request-ID',
  'X-Requested-With',
] as const;

const MEDIA_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'application/graphql-response+json',
];

const VALUES: Record<string, readonly string[]> = {
  accept: ['*/*', ...MEDIA_TYPES, 'text/event-stream'],
  'content-type': MEDIA_TYPES,
  'accept-encoding': ['gzip, deflate, br, zstd', 'gzip', 'identity'],
  'cache-control': ['no-cache', 'no-store', 'max-age=0'],
  authorization: ['Bearer ', 'Basic '],
  prefer: ['return=minimal', 'return=representation', 'respond-async'],
  'x-requested-with': ['XMLHttpRequest'],
};

export function headerValueSuggestions(name: string): readonly string[] {
  return VALUES[name.trim().toLowerCase()] ?? [];
}
