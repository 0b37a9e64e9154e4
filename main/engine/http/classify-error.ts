import { ShuttleFailure } from '../../../shared/contract/errors.ts';

/** Maps what undici and Node throw to the contract's closed set of error codes. */
export function classifyError(error: unknown, url: URL): ShuttleFailure {
  if (error instanceof ShuttleFailure) return error;
  const err = error as { code?: string; message?: string; cause?: unknown; name?: string };
  const code = err.code ?? (err.cause as { code?: string } | undefined)?.code ?? '';
  const message = err.message ?? String(error);
  const host = url.hostname;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));

  if (code === 'ECONNREFUSED') return new ShuttleFailure('REFUSED', message, { host, port });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new ShuttleFailure('DNS', message, { host });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return new ShuttleFailure('RESET', message, { host, port });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return new ShuttleFailure('TIMEOUT', message, { host, port });
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new ShuttleFailure('TLS', message, { host, reason: code });
  }
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_') || code === 'UND_ERR_INFO' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new ShuttleFailure('PROTOCOL', message, { host, reason: code });
  }
  if (code === 'UND_ERR_INVALID_ARG') return new ShuttleFailure('INVALID_HEADER', message);
  return new ShuttleFailure('INTERNAL', message, code ? { reason: code } : undefined);
}
