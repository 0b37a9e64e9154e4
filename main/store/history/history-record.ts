import { isUtf8 } from 'node:buffer';
import type { ShuttleError } from '../../../shared/contract/errors.ts';
import type { SendSource } from '../../../shared/model/history.ts';
import type { FileSource, HttpRequestSpec, RequestSettings } from '../../../shared/model/request.ts';
import type { HttpResponseMeta, RawHeader } from '../../../shared/model/response.ts';
import { encodeBody } from './body-codec.ts';
import { facetsOf } from './facets.ts';
import type { HistoryRecord } from './history-store.ts';
import { Redactor } from './redact.ts';

/** One finished HTTP send, as the engine hands it to history. */
export interface CapturedSend {
  kind?: 'http';
  runId: string;
  /** The request as composed. */
  spec: HttpRequestSpec;
  source: SendSource | null;
  environment: string | null;
  startedAt: number;
  finishedAt: number;
  /** Values of secret variables the send used (see SendContext.secretValues), or their lookup. */
  secrets?: Promise<readonly string[]> | readonly string[];
  outcome:
    | { kind: 'response'; meta: HttpResponseMeta; /** The body's first bytes, up to the history cap. */ body: Uint8Array }
    | { kind: 'failure'; error: ShuttleError };
}

export interface RecordOptions {
  /** Body bytes kept per request and per response. */
  maxBodyBytes: number;
  /** Header names the user marked secret, besides the built-in ones. */
  secretHeaders: readonly string[];
}

/** The full-text index covers this much of each body: enough to find an entry by what it said. */
export const INDEXED_BODY_BYTES = 256 * 1024;

/** Turns a finished send into what the store writes: redacted, capped, encoded, with its index text. */
export async function buildRecord(send: CapturedSend, options: RecordOptions): Promise<HistoryRecord> {
  const redactor = new Redactor(options.secretHeaders);
  const response = send.outcome.kind === 'response' ? send.outcome : undefined;
  const meta = response ? withoutIds(response.meta) : null;
  // Learn every secret first, so each one is also removed wherever else it shows up.
  for (const secret of (await send.secrets) ?? []) redactor.addSecret(secret);
  redactor.collect(send.spec);
  if (meta) redactor.collect(meta);

  const redact = <T>(value: T): T => (redactor.needed ? redactor.redact(value) : value);
  const { spec, truncated } = capRequest(redact(send.spec), options.maxBodyBytes);
  const storedMeta = meta ? redact(meta) : null;
  const body = response ? redactor.bytes(asBuffer(response.body.subarray(0, options.maxBodyBytes))) : null;
  const error = send.outcome.kind === 'failure' ? redact(send.outcome.error) : null;

  // The request as the user sent it (its first hop), not where redirects ended: a POST answered with
  // 303 is listed as that POST, and compared with earlier sends of the same request.
  const sent = storedMeta?.exchanges?.[0] ?? storedMeta;
  const url = sent?.url ?? redactor.url(spec.url.trim());
  const method = (sent?.method ?? spec.method).trim();
  const finalUrl = storedMeta && storedMeta.url !== url ? storedMeta.url : undefined;
  const host = hostOf(url);
  const sentAt = response?.meta.timings.startedAt ?? send.startedAt;
  const status = response?.meta.status ?? null;
  const requestHeaders: RawHeader[] =
    storedMeta?.requestHeaders ?? spec.headers.filter((header) => header.enabled && header.name.trim() !== '').map((header) => [header.name, header.value]);
  const headerText = [...requestHeaders, ...(storedMeta?.headers ?? [])].map(([name, value]) => `${name}: ${value}`).join('\n');
  const responseText = body && body.length > 0 ? indexableText(body.subarray(0, INDEXED_BODY_BYTES)) : '';

  const [encodedRequest, encodedResponse] = await Promise.all([
    encodeBody(Buffer.from(JSON.stringify(spec))),
    body && body.length > 0 ? encodeBody(body) : Promise.resolve(null),
  ]);

  return {
    runId: send.runId,
    sentAt,
    method,
    url,
    host,
    status,
    statusText: response?.meta.statusText ?? '',
    errorCode: error?.code ?? null,
    durationMs: Math.max(0, Math.round(response?.meta.timings.totalMs ?? send.finishedAt - send.startedAt)),
    responseSize: response?.meta.bodySize ?? 0,
    environment: send.environment,
    source: send.source,
    detail: { requestBodyTruncated: truncated, response: storedMeta, storedBodyBytes: body?.length ?? 0, error },
    request: encodedRequest,
    response: encodedResponse,
    index: {
      // Where it ended up is searchable too.
      url: finalUrl ? `${url} ${finalUrl}` : url,
      method,
      headers: headerText,
      body: `${requestBodyText(spec)}\n${responseText}`.slice(0, 2 * INDEXED_BODY_BYTES),
      facets: facetsOf({ method, status, host, sentAt }),
    },
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function withoutIds(meta: HttpResponseMeta): Omit<HttpResponseMeta, 'runId' | 'bodyId'> {
  const { runId: _runId, bodyId: _bodyId, ...rest } = meta;
  return rest;
}

/**
 * Keeps the stored request within the body cap: long text is cut, and a file's inline bytes that
 * exceed the cap are dropped (its name stays). Inline certificate material never goes to history.
 */
function capRequest(spec: HttpRequestSpec, maxBytes: number): { spec: HttpRequestSpec; truncated: boolean } {
  let truncated = false;
  const capText = (text: string) => {
    if (Buffer.byteLength(text) <= maxBytes) return text;
    truncated = true;
    return Buffer.from(text).subarray(0, maxBytes).toString('utf8');
  };
  const capFile = (file: FileSource | undefined): FileSource | undefined => {
    if (file?.kind !== 'inline' || file.base64.length <= Math.ceil((maxBytes * 4) / 3)) return file;
    truncated = true;
    return { ...file, base64: '' };
  };

  const body = { ...spec.body, text: capText(spec.body.text) };
  if (body.binary) body.binary = capFile(body.binary);
  if (body.multipart) body.multipart = body.multipart.map((part) => ({ ...part, value: capText(part.value), file: capFile(part.file) }));
  if (body.graphql) body.graphql = { ...body.graphql, query: capText(body.graphql.query), variables: capText(body.graphql.variables) };
  const capped: HttpRequestSpec = { ...spec, body };
  if (spec.settings) capped.settings = withoutCertificateBytes(spec.settings);
  return { spec: capped, truncated };
}

/** Inline certificate material never goes to history: a client certificate's and a CA's file name stays, its bytes do not. */
export function withoutCertificateBytes<T extends Pick<RequestSettings, 'clientCert' | 'caCert'>>(settings: T): T {
  const withoutBytes = (file: FileSource | undefined): FileSource | undefined => (file?.kind === 'inline' ? { ...file, base64: '' } : file);
  const { clientCert, caCert } = settings;
  return {
    ...settings,
    ...(clientCert ? { clientCert: { ...clientCert, cert: withoutBytes(clientCert.cert), key: withoutBytes(clientCert.key), pfx: withoutBytes(clientCert.pfx) } } : {}),
    ...(caCert ? { caCert: withoutBytes(caCert) } : {}),
  };
}

/** The searchable text of a request body, whatever its mode. */
function requestBodyText(spec: HttpRequestSpec): string {
  const { body } = spec;
  switch (body.mode) {
    case 'none':
    case 'binary':
      return '';
    case 'form-urlencoded':
      return (body.form ?? []).filter((row) => row.enabled).map((row) => `${row.name}=${row.value}`).join('\n');
    case 'multipart':
      return (body.multipart ?? [])
        .filter((part) => part.enabled)
        .map((part) => `${part.name}=${part.kind === 'text' ? part.value : part.file?.kind === 'inline' ? part.file.fileName : (part.file?.path ?? '')}`)
        .join('\n');
    case 'graphql':
      return body.graphql ? `${body.graphql.query}\n${body.graphql.variables}` : body.text;
    default:
      return body.text;
  }
}

/** Text for the index when the bytes are UTF-8 text; binary (or compressed) bodies are not indexed. */
export function indexableText(bytes: Buffer): string {
  if (bytes.includes(0)) return '';
  // The slice may end inside a multi-byte character: drop up to 3 bytes of an unfinished one.
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    const text = bytes.subarray(0, bytes.length - cut);
    if (isUtf8(text)) return text.toString('utf8');
  }
  return '';
}

/** `host:port` in lower case, as the host filter compares it; empty when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`).host.toLowerCase();
  } catch {
    return '';
  }
}
