/**
 * The closed set of error codes that cross the contract. The UI has a sentence for each
 * (renderer i18n catalog), so adding a code is a compile error until it is explained.
 */
export const ERROR_CODES = [
  'INVALID_URL',
  'INVALID_HEADER',
  'INVALID_METHOD',
  'UNSUPPORTED_SCHEME',
  'DNS',
  'REFUSED',
  'RESET',
  'TLS',
  'TIMEOUT',
  'CANCELLED',
  'BODY_TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'AUTH',
  'PROTOCOL',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'INTERNAL',
  // WebSocket
  'HANDSHAKE_REJECTED',
  'NOT_CONNECTED',
  'MESSAGE_TOO_LARGE',
  'INVALID_FRAME',
  'PING_TIMEOUT',
  // Workspace files
  'STORAGE',
  'ALREADY_EXISTS',
  'CHANGED_ON_DISK',
  /** A saved secret (a client certificate's passphrase or key) is kept in another machine's secret store, not this one's. */
  'SECRET_MISSING',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ShuttleError {
  code: ErrorCode;
  /** Developer-facing detail in English (the UI shows its own sentence for the code). */
  message: string;
  /** Structured facts the UI may show: host, port, timeout, the offending header… */
  detail?: Record<string, string | number | boolean>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ShuttleError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, detail?: ShuttleError['detail']): Result<never> {
  return { ok: false, error: detail ? { code, message, detail } : { code, message } };
}

/** Thrown inside the engine; the router turns it into `{ ok: false, error }`. */
export class ShuttleFailure extends Error {
  readonly code: ErrorCode;
  readonly detail: ShuttleError['detail'];
  constructor(code: ErrorCode, message: string, detail?: ShuttleError['detail']) {
    super(message);
    this.name = 'ShuttleFailure';
    this.code = code;
    this.detail = detail;
  }
  toError(): ShuttleError {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}
