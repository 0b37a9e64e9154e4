import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { MAX_HEADER_BYTES } from './transport/transport-pool.ts';

/** Node's certificate error codes, as the short reason the UI puts in its sentence. */
const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed certificate nobody trusts',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate is signed by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate is signed by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate is signed by an unknown authority',
  CERT_UNTRUSTED: 'the certificate is not trusted',
  CERT_REVOKED: 'the certificate was revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate signature is invalid',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server requires a client certificate',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server did not accept the client certificate',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the server does not trust the client certificate',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'no TLS version or cipher in common with the server',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'no TLS version in common with the server',
  ERR_SSL_NO_APPLICATION_PROTOCOL: 'the server speaks none of the HTTP versions offered',
};

/** Maps what undici and Node throw to the contract's closed set of error codes, with the facts a sentence needs. */
export function classifyError(error: unknown, url: URL): ShuttleFailure {
  if (error instanceof ShuttleFailure) return error;
  const err = error as { code?: string; message?: string; cause?: unknown; name?: string };
  const cause = err.cause as { code?: string; message?: string } | undefined;
  const code = err.code ?? cause?.code ?? '';
  const message = err.message ?? String(error);
  const host = url.hostname;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));

  // Through a proxy: undici reports the proxy's refusal as a plain message.
  if (/Proxy Authentication Required|Proxy response \(407\)/.test(message)) {
    return new ShuttleFailure('AUTH', message, { host, reason: 'the proxy needs credentials (407 Proxy Authentication Required)' });
  }
  const proxyStatus = /Proxy response \((\d{3})\) !== 200/.exec(message)?.[1];
  if (proxyStatus) return new ShuttleFailure('PROTOCOL', message, { host, reason: `the proxy refused to open a tunnel (${proxyStatus})` });

  // undici refuses a 100 Continue it did not ask for (RFC 9110 says clients should skip it).
  if (code === 'UND_ERR_SOCKET' && message === 'bad response') {
    return new ShuttleFailure('PROTOCOL', message, { host, reason: 'an interim response the client did not ask for (100 Continue)', code });
  }
  if (code === 'ECONNREFUSED') return new ShuttleFailure('REFUSED', message, { host, port });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new ShuttleFailure('DNS', message, { host });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return new ShuttleFailure('RESET', message, { host, port });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new ShuttleFailure('TIMEOUT', message, { host, port, phase: 'connecting' });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new ShuttleFailure('TIMEOUT', message, { host, port });
  }
  const tlsReason = TLS_REASONS[code] ?? (cause?.code ? TLS_REASONS[cause.code] : undefined);
  if (tlsReason || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new ShuttleFailure('TLS', message, { host, port, reason: tlsReason ?? `the TLS handshake failed (${code})`, code });
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    return new ShuttleFailure('PROTOCOL', message, { host, reason: `the response headers are larger than ${MAX_HEADER_BYTES / 1024} KiB`, code });
  }
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new ShuttleFailure('PROTOCOL', message, { host, reason: 'the body length does not match its Content-Length', code });
  }
  if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') {
    return new ShuttleFailure('INVALID_HEADER', 'The Content-Length header does not match the body', { header: 'Content-Length' });
  }
  if (code === 'HPE_UNEXPECTED_CONTENT_LENGTH' || (code.startsWith('HPE_') && /content-length/i.test(message))) {
    return new ShuttleFailure('PROTOCOL', message, { host, reason: 'the response has conflicting Content-Length headers', code });
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO') {
    return new ShuttleFailure('PROTOCOL', message, { host, reason: `malformed HTTP (${code})`, code });
  }
  if (code === 'UND_ERR_INVALID_ARG') return new ShuttleFailure('INVALID_HEADER', message);
  return new ShuttleFailure('INTERNAL', message, code ? { reason: code } : undefined);
}
