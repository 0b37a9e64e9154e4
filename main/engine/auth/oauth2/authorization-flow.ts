import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ShuttleFailure, type ShuttleError } from '../../../../shared/contract/errors.ts';
import { createPkcePair } from './pkce.ts';
import { parseEndpoint, type OAuth2Auth } from './token-endpoint.ts';

export const CALLBACK_PATH = '/callback';
/** A sign-in nobody finishes stops listening after this long. */
export const AUTHORIZATION_TIMEOUT_MS = 5 * 60_000;

export interface AuthorizationRedirect {
  code: string;
  redirectUri: string;
  /** The PKCE verifier, when PKCE is on. */
  codeVerifier?: string;
}

export interface AuthorizationFlow {
  authorizationUrl: string;
  redirectUri: string;
  /** Settles once: the code from the redirect, or why there is none. */
  redirect: Promise<AuthorizationRedirect>;
  /**
   * Answers the browser tab that carried the redirect (after the code was exchanged, so the page
   * can say whether sign-in worked) and stops listening.
   */
  finish(outcome: { ok: true } | { ok: false; error: ShuttleError }): void;
  cancel(): void;
}

/**
 * The loopback half of the authorization code grant (RFC 8252 §7.3): a one-shot listener on
 * 127.0.0.1 that takes exactly one redirect carrying the expected `state`, with PKCE (S256) unless
 * turned off. The browser is opened by the host; the engine never launches anything.
 */
export async function startAuthorizationFlow(auth: OAuth2Auth, options: { callbackPort?: number; timeoutMs?: number } = {}): Promise<AuthorizationFlow> {
  if (!auth.authUrl) throw new ShuttleFailure('VALIDATION', 'The authorization code grant needs an authorization URL', { what: 'authorization URL' });
  const authorizeUrl = parseEndpoint(auth.authUrl, 'authorization URL');
  parseEndpoint(auth.tokenUrl, 'token URL');
  const state = randomBytes(16).toString('base64url');
  const pkce = auth.usePkce === false ? undefined : createPkcePair();

  let settle!: { resolve: (value: AuthorizationRedirect) => void; reject: (error: ShuttleFailure) => void };
  const redirect = new Promise<AuthorizationRedirect>((resolve, reject) => (settle = { resolve, reject }));
  // The caller may cancel before it awaits; a rejection nobody awaits must not crash the process.
  redirect.catch(() => undefined);
  let settled = false;
  let pendingTab: ServerResponse | undefined;

  const server = createServer((request, response) => onRequest(request, response));
  // Idle connections only: a page being answered (sent with Connection: close) finishes on its own.
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeIdleConnections();
  };
  const fail = (failure: ShuttleFailure) => {
    if (settled) return;
    settled = true;
    settle.reject(failure);
  };

  function onRequest(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH || settled) {
      return page(response, 404, 'Nothing here', 'This address only takes the sign-in redirect for Shuttle.');
    }
    // A redirect without our state is not the answer to our request (a stale tab, or a forged link): ignore it.
    if (url.searchParams.get('state') !== state) {
      return page(response, 400, 'Sign-in not recognised', 'This sign-in response does not belong to the sign-in Shuttle started.');
    }
    const error = url.searchParams.get('error');
    if (error) {
      const description = url.searchParams.get('error_description');
      const reason = `the authorization server answered ${error}${description ? `: ${description}` : ''}`;
      page(response, 400, 'Sign-in failed', reason);
      close();
      return fail(new ShuttleFailure('AUTH', `Authorization failed: ${reason}`, { reason, error }));
    }
    const code = url.searchParams.get('code');
    if (!code) return page(response, 400, 'Sign-in failed', 'The redirect carried no authorization code.');
    settled = true;
    pendingTab = response;
    settle.resolve({ code, redirectUri, ...(pkce ? { codeVerifier: pkce.verifier } : {}) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ShuttleFailure('VALIDATION', `Cannot listen for the sign-in redirect on port ${options.callbackPort ?? 0}: ${error.code ?? error.message}`, {
          port: options.callbackPort ?? 0,
        }),
      ),
    );
    server.listen(options.callbackPort ?? 0, '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
  const timeoutMs = options.timeoutMs ?? AUTHORIZATION_TIMEOUT_MS;
  const timer = setTimeout(() => {
    close();
    fail(new ShuttleFailure('TIMEOUT', `Nobody finished signing in within ${Math.round(timeoutMs / 1000)} s`, { host: authorizeUrl.hostname, timeoutMs }));
  }, timeoutMs);
  timer.unref();

  const params = new URLSearchParams({ response_type: 'code', client_id: auth.clientId, redirect_uri: redirectUri, state });
  if (auth.scope) params.set('scope', auth.scope);
  if (pkce) {
    params.set('code_challenge', pkce.challenge);
    params.set('code_challenge_method', 'S256');
  }
  // Keep any query the authorization URL already has (tenant, audience, prompt…).
  for (const [name, value] of params) authorizeUrl.searchParams.set(name, value);

  return {
    authorizationUrl: authorizeUrl.href,
    redirectUri,
    redirect,
    finish(outcome) {
      if (pendingTab) {
        if (outcome.ok) page(pendingTab, 200, 'Signed in', 'Shuttle has the token. You can close this tab.');
        else page(pendingTab, 400, 'Sign-in failed', outcome.error.message);
        pendingTab = undefined;
      }
      close();
    },
    cancel() {
      close();
      fail(new ShuttleFailure('CANCELLED', 'The sign-in was cancelled'));
    },
  };
}

function page(response: ServerResponse, status: number, title: string, text: string) {
  const html = `<!doctype html><meta charset="utf-8"><title>Shuttle – ${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`;
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    // The page is static text: nothing it contains may run or load anything.
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  response.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
