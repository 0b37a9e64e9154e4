import { createHash, createHmac } from 'node:crypto';
import type { RawHeader } from '../../../shared/model/response.ts';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  service: string;
}

export interface AwsSignInput {
  method: string;
  url: URL;
  /** Headers as they will be sent (Host is taken from the URL when absent). */
  headers: readonly RawHeader[];
  /** Hex SHA-256 of the body (the empty string's hash for none). */
  payloadHash: string;
  now: Date;
}

export interface AwsSignature {
  /** Headers to add: X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256 (S3), Authorization. */
  headers: RawHeader[];
  canonicalRequest: string;
  stringToSign: string;
}

export const EMPTY_PAYLOAD_HASH = createHash('sha256').update('').digest('hex');

/**
 * Headers that proxies and HTTP stacks rewrite on the way, so signing them would break the
 * signature for no gain: the list AWS's own SDKs leave unsigned, plus Accept-Encoding and
 * Content-Length, which intermediaries may change.
 */
const UNSIGNED_HEADERS = new Set([
  'authorization',
  'accept-encoding',
  'cache-control',
  'connection',
  'content-length',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'proxy-authorization',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/**
 * AWS Signature Version 4 for a request sent with headers (the `Authorization` form), written
 * from the AWS specification: canonical request → string to sign → HMAC chain of date, region,
 * service. S3 differs in two documented ways: its path is encoded once, not twice, and it wants
 * the payload hash in `X-Amz-Content-Sha256`.
 */
export function signAwsV4(credentials: AwsCredentials, input: AwsSignInput): AwsSignature {
  const amzDate = input.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const isS3 = credentials.service === 's3';

  const added: RawHeader[] = [['X-Amz-Date', amzDate]];
  if (credentials.sessionToken) added.push(['X-Amz-Security-Token', credentials.sessionToken]);
  if (isS3) added.push(['X-Amz-Content-Sha256', input.payloadHash]);

  const byName = new Map<string, string[]>();
  const hasHost = input.headers.some(([name]) => name.toLowerCase() === 'host');
  const all: RawHeader[] = [...(hasHost ? [] : [['host', input.url.host] as RawHeader]), ...input.headers, ...added];
  for (const [name, value] of all) {
    const lower = name.toLowerCase();
    if (UNSIGNED_HEADERS.has(lower)) continue;
    const list = byName.get(lower) ?? [];
    list.push(value.trim().replace(/\s+/g, ' '));
    byName.set(lower, list);
  }
  const signedNames = [...byName.keys()].sort();
  const canonicalHeaders = signedNames.map((name) => `${name}:${byName.get(name)!.join(',')}\n`).join('');
  const signedHeaders = signedNames.join(';');

  const canonicalRequest = [
    input.method,
    canonicalPath(input.url.pathname, !isS3),
    canonicalQuery(input.url.search),
    canonicalHeaders,
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');

  const dateKey = hmac(`AWS4${credentials.secretAccessKey}`, day);
  const signingKey = hmac(hmac(hmac(dateKey, credentials.region), credentials.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');

  added.push([
    'Authorization',
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  ]);
  return { headers: added, canonicalRequest, stringToSign };
}

/**
 * Each segment normalised to RFC 3986 encoding of its decoded text (so "(" and "%28" sign alike,
 * as the server sees them), then, except for S3, encoded a second time as the spec requires.
 */
function canonicalPath(pathname: string, encodeTwice: boolean): string {
  const once = pathname.split('/').map((segment) => encodeRfc3986(safeDecode(segment)));
  return (encodeTwice ? once.map(encodeRfc3986) : once).join('/') || '/';
}

/** Parameters sorted by encoded name, then encoded value; a bare name signs as `name=`. */
function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      const value = equals === -1 ? '' : pair.slice(equals + 1);
      return [encodeRfc3986(safeDecode(name)), encodeRfc3986(safeDecode(value))] as const;
    });
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

// Byte order, as the spec sorts: localeCompare would put "a" before "B".
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray "%" that is not an escape stands for itself.
    return text;
  }
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
