/**
 * Response headers that differ on every call by nature (clocks, caches, tracing ids), so a diff of
 * two responses can hide them and show only what the server changed on purpose.
 */
export const VOLATILE_HEADERS: readonly string[] = [
  'age',
  'cf-ray',
  'date',
  'etag',
  'expires',
  'last-modified',
  'nel',
  'report-to',
  'request-id',
  'server-timing',
  'set-cookie',
  'traceparent',
  'tracestate',
  'x-amz-cf-id',
  'x-amz-request-id',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-cache',
  'x-cache-hits',
  'x-correlation-id',
  'x-request-id',
  'x-response-time',
  'x-runtime',
  'x-served-by',
  'x-timer',
  'x-trace-id',
];

const volatile = new Set(VOLATILE_HEADERS);

export function isVolatileHeader(name: string): boolean {
  const lower = name.toLowerCase();
  // Vendors spell request and trace ids many ways: X-Github-Request-Id, X-B3-TraceId, …
  return volatile.has(lower) || /-(request|trace|correlation)-?id$/.test(lower);
}
