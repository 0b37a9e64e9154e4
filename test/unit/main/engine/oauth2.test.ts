import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../shared/contract/events.ts';
import type { AuthSpec } from '../../../../shared/model/request.ts';
import { OAUTH_CLIENT, OAUTH_USER } from '../../../fixtures/servers/oauth-server.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { jsonOf, transportFixture } from '../../helpers/transport-servers.ts';
import { waitFor } from '../../helpers/wait-for.ts';

type OAuth2 = Extract<AuthSpec, { type: 'oauth2' }>;

function oauth2(base: string, overrides: Partial<OAuth2> = {}): OAuth2 {
  return {
    type: 'oauth2',
    grantType: 'client_credentials',
    tokenUrl: `${base}/oauth/token`,
    clientId: OAUTH_CLIENT.id,
    clientSecret: OAUTH_CLIENT.secret,
    scope: 'read write',
    ...overrides,
  };
}

/** What a browser does with the authorization URL: follows the redirects to the loopback listener. */
async function actAsBrowser(authorizationUrl: string): Promise<{ status: number; page: string }> {
  const authorize = await request(authorizationUrl);
  await authorize.body.dump();
  const location = String(authorize.headers.location);
  const callback = await request(location);
  return { status: callback.statusCode, page: await callback.body.text() };
}

function authorizationEvents(events: EventMessage[]) {
  return events.filter((event) => event.event === 'oauth2.authorization');
}

describe('OAuth 2.0: client credentials and password grants', () => {
  it('client credentials: the token is fetched, sent as Bearer, and cached for the next request', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const auth = oauth2(fixture.url);

    const first = await engine.http.send('cc-1', httpSpec(`${fixture.url}/oauth/protected`, { auth }));
    const second = await engine.http.send('cc-2', httpSpec(`${fixture.url}/oauth/protected`, { auth }));

    expect(first.status).toBe(200);
    expect(await jsonOf(engine, first.bodyId)).toEqual({ ok: true, clientId: OAUTH_CLIENT.id, scope: 'read write' });
    expect(second.status).toBe(200);
    expect(fixture.oauth.tokenRequests).toHaveLength(1);
    // Client authentication by HTTP Basic by default (RFC 6749 §2.3.1).
    expect(fixture.oauth.tokenRequests[0]).toMatchObject({ grantType: 'client_credentials', clientAuth: 'basic', form: { scope: 'read write' } });
    expect(first.requestHeaders.find(([name]) => name === 'Authorization')?.[1]).toMatch(/^Bearer [0-9a-f]{32}$/);
  });

  it('client credentials in the body when asked', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('cc-body', httpSpec(`${fixture.url}/oauth/protected`, { auth: oauth2(fixture.url, { clientAuth: 'body' }) }));

    expect(meta.status).toBe(200);
    expect(fixture.oauth.tokenRequests[0]).toMatchObject({ clientAuth: 'body', form: { client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret } });
  });

  it('password grant', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('pw', httpSpec(`${fixture.url}/oauth/protected`, { auth: oauth2(fixture.url, { grantType: 'password', ...OAUTH_USER }) }));

    expect(meta.status).toBe(200);
    expect(fixture.oauth.tokenRequests[0]).toMatchObject({ grantType: 'password', form: { username: 'alice', password: 'wonderland' } });
  });

  it('a refused token request is AUTH with the server\'s error, and nothing is sent to the API', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('bad-secret', httpSpec(`${fixture.url}/oauth/protected`, { auth: oauth2(fixture.url, { clientSecret: 'nope' }) })));

    expect(failure.code).toBe('AUTH');
    expect(failure.detail).toMatchObject({ status: 401, error: 'invalid_client', reason: 'the token endpoint answered 401 invalid_client: Wrong client secret' });
    expect(fixture.requests.map((seen) => seen.path)).toEqual(['/oauth/token']);
  });

  it('an expired token is renewed with the refresh token', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    // Tokens that are already inside the engine's renewal margin when issued.
    fixture.oauth.expiresIn = 5;
    const auth = oauth2(fixture.url, { grantType: 'password', ...OAUTH_USER });

    await engine.http.send('r-1', httpSpec(`${fixture.url}/oauth/protected`, { auth }));
    const meta = await engine.http.send('r-2', httpSpec(`${fixture.url}/oauth/protected`, { auth }));

    expect(meta.status).toBe(200);
    expect(fixture.oauth.tokenRequests.map((seen) => seen.grantType)).toEqual(['password', 'refresh_token']);
  });

  it('commands show, fetch and clear the cached token through the router', async () => {
    const fixture = await transportFixture();
    const { router } = await startTestEngine();
    const auth = oauth2(fixture.url);

    expect(await router.invoke('oauth2.token', { auth })).toEqual({ ok: true, value: null });
    const fetched = await router.invoke('oauth2.fetchToken', { auth });
    expect(fetched).toMatchObject({ ok: true, value: { tokenType: 'bearer', hasRefreshToken: false, scope: 'read write' } });
    const shown = await router.invoke('oauth2.token', { auth: { ...auth, scope: 'write  read' } });
    // The same scopes in another order are the same token.
    expect(shown).toEqual(fetched);
    expect(JSON.stringify(shown)).not.toContain('refresh');
    expect(await router.invoke('oauth2.clearToken', { auth })).toEqual({ ok: true, value: { cleared: true } });
    expect(await router.invoke('oauth2.token', { auth })).toEqual({ ok: true, value: null });
    expect(await router.invoke('oauth2.token', { auth: { type: 'basic', username: 'a', password: 'b' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the request resolved for Copy as cURL carries the cached token as its Authorization header, once there is one', async () => {
    const fixture = await transportFixture();
    const { router } = await startTestEngine();
    const request = httpSpec(`${fixture.url}/oauth/protected`, { auth: oauth2(fixture.url) });

    expect(await router.invoke('http.resolve', { request })).toMatchObject({ ok: true, value: { auth: { type: 'oauth2' }, headers: [] } });
    const fetched = await router.invoke('oauth2.fetchToken', { auth: request.auth! });
    const token = (fetched as { ok: true; value: { accessToken: string } }).value.accessToken;
    expect(await router.invoke('http.resolve', { request })).toMatchObject({
      ok: true,
      value: { auth: { type: 'none' }, headers: [{ name: 'Authorization', value: `Bearer ${token}`, enabled: true }] },
    });
    expect(fixture.oauth.tokenRequests).toHaveLength(1);
  });

  it('concurrent requests needing the same token share one token request', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const auth = oauth2(fixture.url);

    const metas = await Promise.all(Array.from({ length: 5 }, (_, i) => engine.http.send(`same-${i}`, httpSpec(`${fixture.url}/oauth/protected`, { auth }))));

    expect(metas.map((meta) => meta.status)).toEqual([200, 200, 200, 200, 200]);
    expect(fixture.oauth.tokenRequests).toHaveLength(1);
  });
});

describe('OAuth 2.0: authorization code with PKCE through a loopback redirect', () => {
  it('oauth2.authorize returns the URL to open; the redirect completes the sign-in and the token is used', async () => {
    const fixture = await transportFixture();
    const { engine, router, events } = await startTestEngine();
    const auth = oauth2(fixture.url, { grantType: 'authorization_code', authUrl: `${fixture.url}/oauth/authorize?prompt=consent`, clientSecret: undefined });

    const started = await router.invoke('oauth2.authorize', { auth });
    expect(started.ok).toBe(true);
    const { authorizationUrl, redirectUri, flowId } = (started as { ok: true; value: { authorizationUrl: string; redirectUri: string; flowId: string } }).value;
    const url = new URL(authorizationUrl);
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      prompt: 'consent',
      response_type: 'code',
      client_id: OAUTH_CLIENT.id,
      redirect_uri: redirectUri,
      scope: 'read write',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const browser = await actAsBrowser(authorizationUrl);

    expect(browser.status).toBe(200);
    expect(browser.page).toContain('Signed in');
    await waitFor(() => authorizationEvents(events).length === 1, 5_000, 'the authorization event');
    expect(authorizationEvents(events)[0]!.payload).toMatchObject({ flowId, status: 'completed', token: { tokenType: 'bearer', hasRefreshToken: true } });
    // A public client: PKCE verifier instead of a secret.
    expect(fixture.oauth.tokenRequests[0]).toMatchObject({ grantType: 'authorization_code', clientAuth: 'public' });
    expect(fixture.oauth.tokenRequests[0]!.form.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const meta = await engine.http.send('after-sign-in', httpSpec(`${fixture.url}/oauth/protected`, { auth }));
    expect(meta.status).toBe(200);
  });

  it('a denied sign-in reports failed with the server\'s reason, and the listener is gone', async () => {
    const fixture = await transportFixture();
    const { engine, events } = await startTestEngine();
    const auth = oauth2(fixture.url, { grantType: 'authorization_code', authUrl: `${fixture.url}/oauth/authorize?deny=1` });

    const started = await engine.oauth2.authorize(auth, undefined);
    const browser = await actAsBrowser(started.authorizationUrl);

    expect(browser.status).toBe(400);
    await waitFor(() => authorizationEvents(events).length === 1, 5_000, 'the authorization event');
    expect(authorizationEvents(events)[0]!.payload).toMatchObject({ status: 'failed', error: { code: 'AUTH', detail: { error: 'access_denied' } } });
    await expect(request(started.redirectUri)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a redirect with the wrong state is ignored; cancel stops the flow', async () => {
    const fixture = await transportFixture();
    const { router, events } = await startTestEngine();
    const auth = oauth2(fixture.url, { grantType: 'authorization_code', authUrl: `${fixture.url}/oauth/authorize` });
    const started = await router.invoke('oauth2.authorize', { auth });
    const { redirectUri, flowId } = (started as { ok: true; value: { redirectUri: string; flowId: string } }).value;

    const forged = await request(`${redirectUri}?code=stolen&state=not-ours`);
    expect(forged.statusCode).toBe(400);
    await forged.body.dump();
    expect(authorizationEvents(events)).toEqual([]);

    expect(await router.invoke('oauth2.cancelAuthorization', { flowId })).toEqual({ ok: true, value: { cancelled: true } });
    await waitFor(() => authorizationEvents(events).length === 1, 5_000, 'the cancelled event');
    expect(authorizationEvents(events)[0]!.payload).toMatchObject({ flowId, status: 'cancelled' });
    expect(fixture.oauth.tokenRequests).toEqual([]);
  });

  it('sending with the authorization code grant before signing in is AUTH, with what to do', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const auth = oauth2(fixture.url, { grantType: 'authorization_code', authUrl: `${fixture.url}/oauth/authorize` });

    const failure = await failureOf(engine.http.send('no-token', httpSpec(`${fixture.url}/oauth/protected`, { auth })));

    expect(failure.code).toBe('AUTH');
    expect(failure.detail).toMatchObject({ reason: 'there is no token yet: sign in with the browser first' });
  });
});
