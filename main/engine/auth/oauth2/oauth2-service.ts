import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import type { OAuth2AuthorizationStart, OAuth2TokenInfo } from '../../../../shared/model/oauth2.ts';
import type { AuthSpec, RequestSettings } from '../../../../shared/model/request.ts';
import type { EmitEvent } from '../../events.ts';
import { startAuthorizationFlow, type AuthorizationFlow } from './authorization-flow.ts';
import { TokenCache, authorizationHeader, isExpired, tokenInfo, type CachedToken, type TokenKey } from './token-cache.ts';
import { requestToken, type OAuth2Auth } from './token-endpoint.ts';

const DEFAULT_TIMEOUT_MS = 30_000;

export interface OAuth2Service {
  /** The Authorization header for a request: the cached token, refreshed or fetched anew when needed. */
  authorizationFor(auth: OAuth2Auth, settings: RequestSettings | undefined): Promise<string>;
  cachedToken(auth: AuthSpec): OAuth2TokenInfo | null;
  /** The Authorization header the cached token makes, without fetching or refreshing one (undefined when none is cached). */
  cachedAuthorization(auth: AuthSpec): string | undefined;
  /** A token obtained now, replacing the cached one ("Get new access token"). */
  fetchToken(auth: AuthSpec, settings: RequestSettings | undefined): Promise<OAuth2TokenInfo>;
  clearToken(auth: AuthSpec): boolean;
  /** Starts a browser sign-in; its outcome arrives as the `oauth2.authorization` event. */
  authorize(auth: AuthSpec, settings: RequestSettings | undefined, callbackPort?: number): Promise<OAuth2AuthorizationStart>;
  cancelAuthorization(flowId: string): boolean;
  close(): void;
}

export interface OAuth2Deps {
  /** The dispatcher for a token URL under a request's TLS and proxy settings. */
  dispatcherFor(url: URL, settings: RequestSettings | undefined): Dispatcher | Promise<Dispatcher>;
  emit: EmitEvent;
  now?: () => number;
  /** How long a browser sign-in may take (tests shorten it). */
  authorizationTimeoutMs?: number;
}

/**
 * OAuth 2.0 for requests: client credentials, password and authorization code (+PKCE) grants,
 * tokens cached in memory per (token URL, client id, scope), renewed with the refresh token when
 * they expire. Concurrent requests needing the same token share one token request.
 */
export function createOAuth2Service(deps: OAuth2Deps): OAuth2Service {
  const now = deps.now ?? Date.now;
  const cache = new TokenCache();
  const inFlight = new Map<string, Promise<CachedToken>>();
  const flows = new Map<string, AuthorizationFlow>();

  const context = (settings: RequestSettings | undefined) => ({
    dispatcherFor: (url: URL) => deps.dispatcherFor(url, settings),
    timeoutMs: settings?.timeoutMs || DEFAULT_TIMEOUT_MS,
    now,
  });

  /** One token request per key at a time; the result lands in the cache. */
  const obtain = (auth: OAuth2Auth, settings: RequestSettings | undefined, forceNew: boolean): Promise<CachedToken> => {
    const key = keyOf(auth);
    const flightKey = JSON.stringify([key.tokenUrl, key.clientId, key.scope, forceNew]);
    const running = inFlight.get(flightKey);
    if (running) return running;
    const work = (async () => {
      const cached = cache.get(key);
      if (!forceNew && cached && !isExpired(cached, now())) return cached;
      if (cached?.refreshToken) {
        try {
          const refreshed = await requestToken(auth, withScope(auth, { grant_type: 'refresh_token', refresh_token: cached.refreshToken }), context(settings));
          // A server may keep the refresh token and not send it again (RFC 6749 §6).
          const token = refreshed.refreshToken ? refreshed : { ...refreshed, refreshToken: cached.refreshToken, hasRefreshToken: true };
          cache.set(key, token);
          return token;
        } catch (error) {
          cache.delete(key);
          if (auth.grantType === 'authorization_code') {
            throw new ShuttleFailure('AUTH', 'The token expired and could not be refreshed', {
              reason: 'the token expired and could not be refreshed; sign in again',
              ...(error instanceof ShuttleFailure ? { cause: error.message } : {}),
            });
          }
          // Client credentials and password grants can simply ask again.
        }
      }
      const token = await requestToken(auth, grantFor(auth), context(settings));
      cache.set(key, token);
      return token;
    })();
    inFlight.set(flightKey, work);
    return work.finally(() => inFlight.delete(flightKey));
  };

  return {
    async authorizationFor(auth, settings) {
      return authorizationHeader(await obtain(auth, settings, false));
    },
    cachedToken(auth) {
      const token = cache.get(keyOf(asOAuth2(auth)));
      return token ? tokenInfo(token) : null;
    },
    cachedAuthorization(auth) {
      const token = cache.get(keyOf(asOAuth2(auth)));
      return token ? authorizationHeader(token) : undefined;
    },
    async fetchToken(auth, settings) {
      return tokenInfo(await obtain(asOAuth2(auth), settings, true));
    },
    clearToken(auth) {
      return cache.delete(keyOf(asOAuth2(auth)));
    },
    async authorize(auth, settings, callbackPort) {
      const oauth2 = asOAuth2(auth);
      if (oauth2.grantType !== 'authorization_code') {
        throw new ShuttleFailure('VALIDATION', 'Browser sign-in is for the authorization code grant', { grantType: oauth2.grantType });
      }
      const flow = await startAuthorizationFlow(oauth2, {
        ...(callbackPort !== undefined ? { callbackPort } : {}),
        ...(deps.authorizationTimeoutMs !== undefined ? { timeoutMs: deps.authorizationTimeoutMs } : {}),
      });
      const flowId = randomUUID();
      flows.set(flowId, flow);
      void (async () => {
        try {
          const redirect = await flow.redirect;
          const grant: Record<string, string> = { grant_type: 'authorization_code', code: redirect.code, redirect_uri: redirect.redirectUri };
          if (redirect.codeVerifier) grant.code_verifier = redirect.codeVerifier;
          const token = await requestToken(oauth2, grant, context(settings));
          cache.set(keyOf(oauth2), token);
          flow.finish({ ok: true });
          deps.emit('oauth2.authorization', { flowId, status: 'completed', token: tokenInfo(token) });
        } catch (error) {
          const failure = error instanceof ShuttleFailure ? error : new ShuttleFailure('INTERNAL', String(error));
          flow.finish({ ok: false, error: failure.toError() });
          deps.emit('oauth2.authorization', {
            flowId,
            status: failure.code === 'CANCELLED' ? 'cancelled' : 'failed',
            error: failure.toError(),
          });
        } finally {
          flows.delete(flowId);
        }
      })();
      return { flowId, authorizationUrl: flow.authorizationUrl, redirectUri: flow.redirectUri };
    },
    cancelAuthorization(flowId) {
      const flow = flows.get(flowId);
      flow?.cancel();
      return flow !== undefined;
    },
    close() {
      for (const flow of flows.values()) flow.cancel();
      cache.clear();
    },
  };
}

function asOAuth2(auth: AuthSpec): OAuth2Auth {
  if (auth.type !== 'oauth2') throw new ShuttleFailure('VALIDATION', `This command needs OAuth 2.0 auth, not ${auth.type}`, { authType: auth.type });
  return auth;
}

function keyOf(auth: OAuth2Auth): TokenKey {
  return { tokenUrl: auth.tokenUrl, clientId: auth.clientId, ...(auth.scope ? { scope: auth.scope } : {}) };
}

function withScope(auth: OAuth2Auth, grant: Record<string, string>): Record<string, string> {
  return auth.scope ? { ...grant, scope: auth.scope } : grant;
}

function grantFor(auth: OAuth2Auth): Record<string, string> {
  switch (auth.grantType) {
    case 'client_credentials':
      return withScope(auth, { grant_type: 'client_credentials' });
    case 'password':
      return withScope(auth, { grant_type: 'password', username: auth.username ?? '', password: auth.password ?? '' });
    case 'authorization_code':
      throw new ShuttleFailure('AUTH', 'No token yet for this authorization code grant', {
        reason: 'there is no token yet: sign in with the browser first',
      });
  }
}
