import type { OAuth2TokenInfo } from '../../../../shared/model/oauth2.ts';

/** A token as the engine keeps it: what the UI sees, plus the refresh token it never sees. */
export interface CachedToken extends OAuth2TokenInfo {
  refreshToken?: string;
}

/** What identifies a token: the same server, client and scope share one. */
export interface TokenKey {
  tokenUrl: string;
  clientId: string;
  scope?: string;
}

/** Renew this long before the stated expiry, so a token never runs out on the way to the server. */
const EXPIRY_MARGIN_MS = 30_000;

/** OAuth 2.0 tokens in memory only: they are never written to disk, in workspaces or history. */
export class TokenCache {
  readonly #tokens = new Map<string, CachedToken>();

  get(key: TokenKey): CachedToken | undefined {
    return this.#tokens.get(cacheKey(key));
  }

  set(key: TokenKey, token: CachedToken): void {
    this.#tokens.set(cacheKey(key), token);
  }

  delete(key: TokenKey): boolean {
    return this.#tokens.delete(cacheKey(key));
  }

  clear(): void {
    this.#tokens.clear();
  }
}

export function isExpired(token: CachedToken, now: number): boolean {
  return token.expiresAt !== null && token.expiresAt - EXPIRY_MARGIN_MS <= now;
}

export function tokenInfo(token: CachedToken): OAuth2TokenInfo {
  const { refreshToken: _secret, ...info } = token;
  return info;
}

function cacheKey(key: TokenKey): string {
  // Scopes are a set: "b a" and "a  b" ask for the same token.
  const scope = (key.scope ?? '').split(/\s+/).filter(Boolean).sort().join(' ');
  return JSON.stringify([key.tokenUrl.trim(), key.clientId, scope]);
}

/** The Authorization header value a token makes. */
export function authorizationHeader(token: OAuth2TokenInfo): string {
  // "bearer" as some servers spell it is the same scheme; send it the way RFC 6750 writes it.
  const type = token.tokenType.toLowerCase() === 'bearer' ? 'Bearer' : token.tokenType;
  return `${type} ${token.accessToken}`;
}
