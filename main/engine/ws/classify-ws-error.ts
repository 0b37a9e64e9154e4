import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { classifyError } from '../http/classify-error.ts';

/** A frame the ws library refused: the close code it sends back, and what went wrong. */
export interface FrameViolation {
  closeCode: number;
  failure: ShuttleFailure;
}

// Codes the ws receiver puts on the errors it raises for a bad frame (ws/lib/receiver.js).
const TOO_LARGE = new Set(['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH']);

/**
 * A frame the ws receiver rejected, or undefined when `error` is not about a frame. The receiver
 * has already sent the matching close frame (1009 too large, 1007 bad UTF-8, 1002 otherwise).
 */
export function frameViolation(error: unknown, limitBytes: number): FrameViolation | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('WS_ERR_')) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (TOO_LARGE.has(code)) {
    return {
      closeCode: 1009,
      failure: new ShuttleFailure('MESSAGE_TOO_LARGE', message, { limit: formatLimit(limitBytes), limitBytes, reason: code }),
    };
  }
  const closeCode = code === 'WS_ERR_INVALID_UTF8' ? 1007 : 1002;
  return { closeCode, failure: new ShuttleFailure('INVALID_FRAME', message, { reason: describeViolation(code, message), closeCode }) };
}

/** Maps a failure to open or keep a connection (DNS, refused, TLS, reset…) to the contract's codes. */
export function classifyWsError(error: unknown, url: URL): ShuttleFailure {
  // The http classifier knows Node's socket and TLS codes; it reads the port from an http(s) URL.
  const asHttp = new URL(url.href.replace(/^ws/i, 'http'));
  const failure = classifyError(error, asHttp);
  if (failure.code !== 'INTERNAL') return failure;
  const message = error instanceof Error ? error.message : String(error);
  // ws reports a handshake the server got wrong (bad accept key, subprotocol it was not offered…) as plain Errors.
  if (/handshake|Sec-WebSocket|subprotocol|Upgrade header|extension/i.test(message)) {
    return new ShuttleFailure('HANDSHAKE_REJECTED', message, { host: url.hostname, reason: message });
  }
  return failure;
}

function describeViolation(code: string, message: string): string {
  if (code === 'WS_ERR_INVALID_UTF8') return 'a text message that is not valid UTF-8';
  return message.replace(/^Invalid WebSocket frame: /, '');
}

function formatLimit(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
