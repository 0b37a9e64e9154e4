/** What a secret is replaced with in history. */
export const REDACTED = '[redacted]';

/** Headers whose values are secrets whatever the user set; settings.historySecretHeaders adds more. */
export const BUILT_IN_SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
];

/** Fields of a request spec's `auth` that name things rather than hold secrets; every other auth field is redacted. */
const PUBLIC_AUTH_FIELDS = new Set(['type', 'username', 'prefix', 'key', 'in', 'grantType', 'tokenUrl', 'authUrl', 'clientId', 'scope', 'usePkce', 'clientAuth', 'region', 'service']);

/** Field names that hold a secret wherever they appear (a client certificate's passphrase, …). */
const SECRET_FIELDS = new Set(['password', 'passphrase', 'token', 'clientSecret', 'secretAccessKey', 'sessionToken', 'accessKeyId']);

/**
 * A secret shorter than this is redacted where it stands (its header, its field) but not hunted
 * down elsewhere: replacing every "abc" in a body would mangle it.
 */
const MIN_SCRUBBED_LENGTH = 6;

/** `{{token}}` is a reference to a variable, not a secret: it is kept so a restored request still works. */
const VARIABLE_REFERENCE = /^\s*\{\{[^{}]+\}\}\s*$/;

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

/**
 * Removes secrets from what history stores, in two passes. `collect` walks everything about to be
 * stored and learns the secret values (header values, auth fields, URL passwords); `redact` then
 * replaces them where they stand and, for any of them long enough, wherever else they appear —
 * a server that echoes the Authorization header back in its body does not leak it into history.
 */
export class Redactor {
  readonly #secretHeaders: Set<string>;
  readonly #secrets = new Set<string>();
  #ordered: string[] | undefined;
  #found = false;

  constructor(extraSecretHeaders: readonly string[] = []) {
    this.#secretHeaders = new Set([...BUILT_IN_SECRET_HEADERS, ...extraSecretHeaders.map((name) => name.trim().toLowerCase())]);
  }

  isSecretHeader(name: string): boolean {
    return this.#secretHeaders.has(name.trim().toLowerCase());
  }

  /** A value known to be secret (a secret variable's value), removed wherever it appears. */
  addSecret(value: string): void {
    this.#found = true;
    this.#add(value);
  }

  /**
   * False when `collect` saw nothing secret (no secret header, auth field or URL password): then
   * `redact` would return an equal copy, and callers skip it (most requests carry no secret).
   */
  get needed(): boolean {
    return this.#found;
  }

  /** Learns the secrets in a JSON-like value (a request spec, a response meta). */
  collect(value: unknown, key = ''): void {
    if (typeof value === 'string') {
      if (/url$/i.test(key)) this.#collectUrl(value);
      else if (SECRET_FIELDS.has(key) && value !== '') {
        this.#found = true;
        this.#add(value);
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        const header = headerOf(item);
        if (header && isHeaderList(key)) this.#collectHeader(header.name, header.value);
        else this.collect(item, key);
      }
      return;
    }
    if (value && typeof value === 'object') {
      for (const [field, inner] of Object.entries(value)) {
        if (key === 'auth' && typeof inner === 'string' && !PUBLIC_AUTH_FIELDS.has(field)) {
          this.#found ||= inner !== '';
          this.#add(inner);
        } else this.collect(inner, field);
      }
    }
  }

  /** A copy of a JSON-like value with every secret replaced (see the class comment). */
  redact<T>(value: T, key = ''): T {
    return this.#redactValue(value as Json, key) as T;
  }

  #redactValue(value: Json, key: string): Json {
    if (typeof value === 'string') {
      if (SECRET_FIELDS.has(key) && value !== '' && !VARIABLE_REFERENCE.test(value)) return REDACTED;
      return /url$/i.test(key) ? this.url(value) : this.text(value);
    }
    if (Array.isArray(value)) {
      const inHeaders = isHeaderList(key);
      return value.map((item) => {
        if (inHeaders && Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string') {
          return [item[0], this.headerValue(item[0], item[1])];
        }
        if (inHeaders && item && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string' && typeof item.value === 'string') {
          return { ...item, value: this.headerValue(item.name, item.value) };
        }
        return this.#redactValue(item, key);
      });
    }
    if (value && typeof value === 'object') {
      const copy: { [key: string]: Json } = {};
      for (const [field, inner] of Object.entries(value)) {
        copy[field] =
          key === 'auth' && typeof inner === 'string' && !PUBLIC_AUTH_FIELDS.has(field) && inner !== '' && !VARIABLE_REFERENCE.test(inner)
            ? REDACTED
            : this.#redactValue(inner, field);
      }
      return copy;
    }
    return value;
  }

  /**
   * A header's value for history. Secret headers keep their shape where it helps debugging
   * (`Bearer [redacted]`, `session=[redacted]; Path=/; HttpOnly`) but never the secret.
   */
  headerValue(name: string, value: string): string {
    if (!this.isSecretHeader(name)) return this.text(value);
    if (value === '' || VARIABLE_REFERENCE.test(value)) return value;
    const lower = name.trim().toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const scheme = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +\S/.exec(value);
      return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
    }
    if (lower === 'cookie') {
      return value
        .split(';')
        .map((pair) => {
          const equals = pair.indexOf('=');
          return equals === -1 ? REDACTED : `${pair.slice(0, equals).trim()}=${REDACTED}`;
        })
        .join('; ');
    }
    if (lower === 'set-cookie') {
      const [first = '', ...attributes] = value.split(';');
      const equals = first.indexOf('=');
      const cookie = equals === -1 ? REDACTED : `${first.slice(0, equals).trim()}=${REDACTED}`;
      return [cookie, ...attributes.map((attribute) => this.text(attribute))].join(';');
    }
    return REDACTED;
  }

  /** A URL with its password (or a lone user name, which is then usually a token) redacted. */
  url(url: string): string {
    const match = USERINFO.exec(url);
    let result = url;
    if (match) {
      const userinfo = match[2]!;
      const colon = userinfo.indexOf(':');
      const replaced = colon === -1 ? 'redacted' : `${userinfo.slice(0, colon)}:redacted`;
      result = `${match[1]}${replaced}@${url.slice(match[0].length)}`;
    }
    return this.text(result);
  }

  /** Text with every collected secret replaced. */
  text(text: string): string {
    let result = text;
    for (const secret of this.#scrubbed()) if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
    return result;
  }

  /** Bytes (a body) with every collected secret replaced, compared as UTF-8. */
  bytes(bytes: Buffer): Buffer {
    let result = bytes;
    for (const secret of this.#scrubbed()) {
      const needle = Buffer.from(secret);
      if (result.indexOf(needle) === -1) continue;
      const parts: Buffer[] = [];
      const marker = Buffer.from(REDACTED);
      let start = 0;
      for (let at = result.indexOf(needle); at !== -1; at = result.indexOf(needle, start)) {
        parts.push(result.subarray(start, at), marker);
        start = at + needle.length;
      }
      parts.push(result.subarray(start));
      result = Buffer.concat(parts);
    }
    return result;
  }

  #collectHeader(name: string, value: string): void {
    if (!this.isSecretHeader(name) || VARIABLE_REFERENCE.test(value)) return;
    this.#found = true;
    this.#add(value);
    const lower = name.trim().toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const credentials = value.replace(/^\S+ +/, '');
      this.#add(credentials);
      // Basic credentials decoded: a server echoing "user:password" back must not leak the password.
      if (/^basic /i.test(value)) {
        const decoded = Buffer.from(credentials, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon !== -1) this.#add(decoded.slice(colon + 1));
      }
    } else if (lower === 'cookie') {
      for (const pair of value.split(';')) this.#add(pair.slice(pair.indexOf('=') + 1).trim());
    } else if (lower === 'set-cookie') {
      const first = value.split(';')[0] ?? '';
      this.#add(first.slice(first.indexOf('=') + 1).trim());
    }
  }

  #collectUrl(url: string): void {
    const match = USERINFO.exec(url);
    if (!match) return;
    this.#found = true;
    const userinfo = match[2]!;
    const colon = userinfo.indexOf(':');
    const secret = colon === -1 ? userinfo : userinfo.slice(colon + 1);
    this.#add(secret);
    this.#add(safeDecode(secret));
  }

  #add(value: string): void {
    if (value.length >= MIN_SCRUBBED_LENGTH && !VARIABLE_REFERENCE.test(value)) {
      this.#secrets.add(value);
      this.#ordered = undefined;
    }
  }

  /** Longest first, so "Bearer abc…" goes before the "abc…" inside it. */
  #scrubbed(): string[] {
    this.#ordered ??= [...this.#secrets].sort((a, b) => b.length - a.length);
    return this.#ordered;
  }
}

function headerOf(item: unknown): { name: string; value: string } | undefined {
  if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string') return { name: item[0], value: item[1] };
  if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' && typeof (item as { value?: unknown }).value === 'string') {
    return item as { name: string; value: string };
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A field holding header lines: request and response headers, and trailers (header lines sent after a body). */
function isHeaderList(key: string): boolean {
  return /(headers|trailers)$/i.test(key);
}
