import { createServer, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EMPTY_PAYLOAD_HASH, signAwsV4 } from '../../../../../main/engine/auth/aws-sigv4.ts';
import type { AuthSpec } from '../../../../../shared/model/request.ts';
import type { WsRequestSpec } from '../../../../../shared/model/websocket.ts';
import { OAUTH_CLIENT } from '../../../../fixtures/servers/oauth-server.ts';
import { BASIC_AUTH } from '../../../../fixtures/servers/ws-fixture.ts';
import { startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { transportFixture } from '../../../helpers/transport-servers.ts';
import { waitFor } from '../../../helpers/wait-for.ts';
import { lastState, startWsServer, statesOf, wsSpec } from '../../../helpers/ws.ts';

type OAuth2 = Extract<AuthSpec, { type: 'oauth2' }>;

function oauth2(base: string): OAuth2 {
  return { type: 'oauth2', grantType: 'client_credentials', tokenUrl: `${base}/oauth/token`, clientId: OAUTH_CLIENT.id, clientSecret: OAUTH_CLIENT.secret, scope: 'chat' };
}

const basic = `Basic ${Buffer.from(`${BASIC_AUTH.username}:${BASIC_AUTH.password}`).toString('base64')}`;

/** A TCP server that accepts and never answers: a token endpoint that hangs. */
async function silentServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('ws.connect: auth on the opening handshake', () => {
  it('Basic credentials open a handshake the server guards, and the handshake shows the header sent', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    const refused = await failureOf(engine.ws.connect('no-auth', wsSpec(`${server.url}/basic`)));
    const handshake = await engine.ws.connect('basic', wsSpec(`${server.url}/basic`, { auth: { type: 'basic', ...BASIC_AUTH } }));

    expect(refused.code).toBe('HANDSHAKE_REJECTED');
    expect(refused.detail).toMatchObject({ status: 401 });
    expect(handshake.status).toBe(101);
    expect(server.connections[0]!.headers.authorization).toBe(basic);
    expect(handshake.requestHeaders).toContainEqual(['Authorization', basic]);
  });

  it('Bearer with its prefix; the user’s own Authorization header wins over the auth tab', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    await engine.ws.connect('bearer', wsSpec(`${server.url}/echo`, { auth: { type: 'bearer', token: 'tok-1', prefix: 'Token' } }));
    await engine.ws.connect(
      'own-header',
      wsSpec(`${server.url}/echo`, { auth: { type: 'bearer', token: 'tok-1' }, headers: [{ name: 'authorization', value: 'Custom mine', enabled: true }] }),
    );

    expect(server.connections.map((connection) => connection.headers.authorization)).toEqual(['Token tok-1', 'Custom mine']);
  });

  it('an API key goes in a header, or in the query after the URL’s own parameters', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    await engine.ws.connect('key-header', wsSpec(`${server.url}/echo`, { auth: { type: 'apikey', key: 'X-Api-Key', value: 'k 1', in: 'header' } }));
    const inQuery = await engine.ws.connect(
      'key-query',
      wsSpec(`${server.url}/echo?a=1`, { params: [{ name: 'b', value: '2', enabled: true }], auth: { type: 'apikey', key: 'api key', value: 'k&1', in: 'query' } }),
    );

    expect(server.connections[0]!.headers['x-api-key']).toBe('k 1');
    expect(inQuery.url).toBe(`${server.url}/echo?a=1&b=2&api%20key=k%261`);
  });

  type Refusal = { what: string; code: string; auth: AuthSpec; headers?: WsRequestSpec['headers'] };
  const refusals: Refusal[] = [
    { what: 'CR/LF in a bearer token', code: 'INVALID_HEADER', auth: { type: 'bearer', token: 'a\r\nX-Injected: 1' } },
    { what: 'CR/LF in an API key header value', code: 'INVALID_HEADER', auth: { type: 'apikey', key: 'X-Key', value: 'a\r\nX-Injected: 1', in: 'header' } },
    { what: 'an API key header name with a space', code: 'INVALID_HEADER', auth: { type: 'apikey', key: 'X Key', value: 'a', in: 'header' } },
    { what: 'an API key named like a handshake header', code: 'INVALID_HEADER', auth: { type: 'apikey', key: 'Sec-WebSocket-Key', value: 'a', in: 'header' } },
    { what: 'CR/LF in an API key for the query', code: 'INVALID_URL', auth: { type: 'apikey', key: 'key', value: 'a\r\nX: 1', in: 'query' } },
    { what: 'Digest (inherited from a collection)', code: 'AUTH', auth: { type: 'digest', username: 'u', password: 'p' } },
  ];
  it.each(refusals)('$what is refused with $code before any connection', async ({ code, auth }) => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.ws.connect('refused', wsSpec(`${server.url}/echo`, { auth })));

    expect(failure.code).toBe(code);
    expect(server.upgrades).toBe(0);
  });

  it('the router refuses Digest as a WebSocket request’s own auth', async () => {
    const server = await startWsServer();
    const { router } = await startTestEngine();

    const result = await router.invoke('ws.connect', { connectionId: 'digest', request: wsSpec(`${server.url}/echo`, { auth: { type: 'digest', username: 'u', password: 'p' } }) });

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(server.upgrades).toBe(0);
  });

  it('OAuth 2.0: the token is fetched (or taken from the cache HTTP requests share) and sent as Bearer', async () => {
    const tokens = await transportFixture();
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    const auth = oauth2(tokens.url);

    await engine.ws.connect('oauth-1', wsSpec(`${server.url}/echo`, { auth }));
    await engine.ws.connect('oauth-2', wsSpec(`${server.url}/echo`, { auth }));

    const token = engine.oauth2.cachedToken(auth)?.accessToken;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(tokens.oauth.tokenRequests).toHaveLength(1);
    expect(server.connections.map((connection) => connection.headers.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
  });

  it('OAuth 2.0: each reconnect asks for the token again, so an expired one is renewed', async () => {
    const tokens = await transportFixture();
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    // Tokens already inside the engine's renewal margin when issued: every attempt needs a new one.
    tokens.oauth.expiresIn = 5;
    const spec = wsSpec(`${server.url}/echo`, { auth: oauth2(tokens.url), autoReconnect: { enabled: true, maxAttempts: 3, initialDelayMs: 10 } });

    await engine.ws.connect('renew', spec);
    server.dropAll();
    await waitFor(() => server.connections.length === 2, 5_000, 'the reconnect');

    const [first, second] = server.connections.map((connection) => connection.headers.authorization);
    expect(tokens.oauth.tokenRequests).toHaveLength(2);
    expect(second).toMatch(/^Bearer /);
    expect(second).not.toBe(first);
  });

  it('OAuth 2.0: a refused token request fails the connect with AUTH, and the WebSocket server is never reached', async () => {
    const tokens = await transportFixture();
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();

    const failure = await failureOf(engine.ws.connect('bad-secret', wsSpec(`${server.url}/echo`, { auth: { ...oauth2(tokens.url), clientSecret: 'nope' } })));

    expect(failure.code).toBe('AUTH');
    expect(failure.detail).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(lastState(events, 'bad-secret')).toMatchObject({ state: 'closed', error: { code: 'AUTH' } });
    expect(server.upgrades).toBe(0);
  });

  it('Disconnect while the token is still being fetched stops at once, and nothing reaches the server', async () => {
    const hanging = await silentServer();
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();

    const connecting = engine.ws.connect('waiting', wsSpec(`${server.url}/echo`, { auth: oauth2(hanging) }));
    await waitFor(() => statesOf(events, 'waiting').some((state) => state.state === 'connecting'), 5_000, 'connecting');
    const disconnected = await engine.ws.disconnect('waiting');

    expect(disconnected).toBe(true);
    expect((await failureOf(connecting)).code).toBe('CANCELLED');
    // Stopping on purpose is not an error worth showing.
    expect(lastState(events, 'waiting')).toMatchObject({ state: 'closed' });
    expect(lastState(events, 'waiting')?.error).toBeUndefined();
    expect(server.upgrades).toBe(0);
  });

  it('AWS SigV4 signs the handshake GET as the server receives it', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'eu-west-1', service: 'execute-api' };

    await engine.ws.connect('sigv4', wsSpec(`${server.url}/echo`, { auth: { type: 'awsv4', ...credentials } }));

    const seen = server.connections[0]!.headers;
    const amzDate = String(seen['x-amz-date']);
    const when = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    // Recomputed from what arrived: the Host header and path the server saw, no body.
    const expected = signAwsV4(credentials, {
      method: 'GET',
      url: new URL(`ws://${seen.host}/echo`),
      headers: [],
      payloadHash: EMPTY_PAYLOAD_HASH,
      now: when,
    }).headers.find(([name]) => name === 'Authorization')?.[1];
    expect(seen.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(seen.authorization).toBe(expected);
  });
});
