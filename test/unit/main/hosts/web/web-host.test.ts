import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventMessage } from '../../../../../shared/contract/events.ts';
import { httpSpec, startFixture } from '../../../helpers/engine.ts';
import { rawRequest, type RawResponse } from '../../../helpers/http-request.ts';
import { waitFor } from '../../../helpers/wait-for.ts';
import { APP_JS, INDEX_HTML, exchangeLaunchToken, postJson, startTestWebHost } from '../../../helpers/web-host.ts';

function expectNoCors(response: RawResponse): void {
  const corsHeaders = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
  expect(corsHeaders).toEqual([]);
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Addresses of this machine other than 127.0.0.1 that a server bound to all interfaces would answer
 * on; each is checked against such a server first, so the "refused" below means something.
 */
async function otherLocalAddresses(): Promise<string[]> {
  const candidates = Object.values(networkInterfaces())
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && info.address !== '127.0.0.1')
    .map((info) => info.address);
  if (process.platform === 'linux') candidates.push('127.0.0.2');
  const control = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => control.listen(0, '0.0.0.0', resolve));
  const port = (control.address() as { port: number }).port;
  const reachable: string[] = [];
  for (const address of candidates) if (await canConnect(address, port)) reachable.push(address);
  await new Promise<void>((resolve) => control.close(() => resolve()));
  return reachable;
}

type SocketOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number };

/** Opens the event socket and reports whether the server accepted it, or the status it refused with. */
function openEventSocket(url: string, origin?: string, headers: Record<string, string> = {}): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin, headers } : { headers });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (request, response) => {
      resolve({ opened: false, status: response.statusCode ?? 0 });
      request.destroy();
    });
    socket.once('error', (error) => reject(error));
  });
}

describe('web host: where it listens and what it serves', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await startTestWebHost();

    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.launchUrl.startsWith(`${host.origin}/#launch=`)).toBe(true);
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    for (const address of await otherLocalAddresses()) {
      expect({ address, connected: await canConnect(address, host.port) }).toEqual({ address, connected: false });
    }
  });

  it('serves index.html and assets with a CSP without unsafe-eval and no CORS headers', async () => {
    const { host } = await startTestWebHost();
    const headers = { Host: `127.0.0.1:${host.port}` };

    const index = await rawRequest({ port: host.port, path: '/', headers });
    const script = await rawRequest({ port: host.port, path: '/assets/app.js', headers });

    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(script.status).toBe(200);
    expect(script.body).toBe(APP_JS);
    for (const response of [index, script]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expectNoCors(response);
    }
  });

  it('sends no CORS headers on any API answer, preflights included', async () => {
    const { host, launchToken } = await startTestWebHost();
    const port = host.port;
    const sessionToken = await exchangeLaunchToken(port, launchToken);

    const responses = [
      await rawRequest({ port, path: '/api/invoke/app.info', method: 'OPTIONS', headers: { Host: `127.0.0.1:${port}`, Origin: host.origin } }),
      await rawRequest({ port, path: '/api/invoke/app.info', method: 'OPTIONS', headers: { Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' } }),
      await postJson(port, '/api/invoke/app.info', {}, { Authorization: `Bearer ${sessionToken}`, Origin: host.origin }),
      await postJson(port, '/api/invoke/app.info', {}),
      await postJson(port, '/api/session', { launchToken: 'wrong' }),
      await postJson(port, '/api/invoke/app.info', {}, { Authorization: `Bearer ${sessionToken}`, Origin: 'http://evil.example' }),
    ];

    expect(responses.map((response) => response.status)).toEqual([405, 403, 200, 401, 401, 403]);
    responses.forEach(expectNoCors);
  });
});

describe('web host: tokens', () => {
  it('an API call without a session token, with a wrong one, or with the launch token is 401', async () => {
    const { host, launchToken } = await startTestWebHost();

    const none = await postJson(host.port, '/api/invoke/app.info', {});
    const wrong = await postJson(host.port, '/api/invoke/app.info', {}, { Authorization: 'Bearer not-a-token' });
    const launch = await postJson(host.port, '/api/invoke/app.info', {}, { Authorization: `Bearer ${launchToken}` });

    expect([none.status, wrong.status, launch.status]).toEqual([401, 401, 401]);
    expect(none.body).not.toContain('"ok"');
  });

  it('the launch token is exchanged once for a session token that works; a replay is 401', async () => {
    const { host, launchToken, engine } = await startTestWebHost();

    const first = await postJson(host.port, '/api/session', { launchToken });
    const replay = await postJson(host.port, '/api/session', { launchToken });

    expect(first.status).toBe(200);
    const { sessionToken } = JSON.parse(first.body) as { sessionToken: string };
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(sessionToken).not.toBe(launchToken);
    expect(replay.status).toBe(401);
    expect(replay.body).not.toContain(sessionToken);

    const info = await postJson(host.port, '/api/invoke/app.info', {}, { Authorization: `Bearer ${sessionToken}` });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { version: expect.any(String), dataDir: engine.dataDir, host: 'web' } });
  });

  it('command errors come back as values with the session token', async () => {
    const { host, launchToken } = await startTestWebHost();
    const auth = { Authorization: `Bearer ${await exchangeLaunchToken(host.port, launchToken)}` };

    const unknown = await postJson(host.port, '/api/invoke/no.such', {}, auth);
    const invalid = await postJson(host.port, '/api/invoke/http.send', { request: {} }, auth);

    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('web host: foreign Host and Origin (DNS rebinding, cross-site calls)', () => {
  it.each(['evil.example:PORT', 'evil.example', '127.0.0.1.evil.example:PORT', '127.0.0.1:1'])('Host %j is 403', async (hostHeader) => {
    const { host, launchToken } = await startTestWebHost();
    const sessionToken = await exchangeLaunchToken(host.port, launchToken);
    const Host = hostHeader.replace('PORT', String(host.port));

    const page = await rawRequest({ port: host.port, path: '/', headers: { Host } });
    const api = await postJson(host.port, '/api/invoke/app.info', {}, { Host, Authorization: `Bearer ${sessionToken}` });

    expect([page.status, api.status]).toEqual([403, 403]);
    expect(page.body).not.toContain(INDEX_HTML);
    expect(api.body).not.toContain('"ok"');
  });

  it('localhost:PORT is the same origin and allowed', async () => {
    const { host } = await startTestWebHost();
    const page = await rawRequest({ port: host.port, path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(page.status).toBe(200);
  });

  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT'])(
    'Origin %j on an API call is 403, even with a valid session token',
    async (originHeader) => {
      const { host, launchToken } = await startTestWebHost();
      const sessionToken = await exchangeLaunchToken(host.port, launchToken);

      const response = await postJson(host.port, '/api/invoke/app.info', {}, {
        Origin: originHeader.replace('PORT', String(host.port)),
        Authorization: `Bearer ${sessionToken}`,
      });

      expect(response.status).toBe(403);
    },
  );

  it('a foreign Origin cannot exchange the launch token, and the token still works afterwards', async () => {
    const { host, launchToken } = await startTestWebHost();

    const foreign = await postJson(host.port, '/api/session', { launchToken }, { Origin: 'http://evil.example' });

    expect(foreign.status).toBe(403);
    expect(await exchangeLaunchToken(host.port, launchToken)).toEqual(expect.any(String));
  });
});

describe('web host: event socket', () => {
  it('refuses a socket without a token (401), with a wrong token (401), from a foreign Origin or Host (403)', async () => {
    const { host, launchToken } = await startTestWebHost();
    const sessionToken = await exchangeLaunchToken(host.port, launchToken);
    const base = `ws://127.0.0.1:${host.port}/api/events`;

    expect(await openEventSocket(base)).toEqual({ opened: false, status: 401 });
    expect(await openEventSocket(`${base}?token=nope`)).toEqual({ opened: false, status: 401 });
    expect(await openEventSocket(`${base}?token=${launchToken}`)).toEqual({ opened: false, status: 401 });
    expect(await openEventSocket(`${base}?token=${sessionToken}`, 'http://evil.example')).toEqual({ opened: false, status: 403 });
    expect(await openEventSocket(`${base}?token=${sessionToken}`, undefined, { Host: `evil.example:${host.port}` })).toEqual({
      opened: false,
      status: 403,
    });
    expect(await openEventSocket(`ws://127.0.0.1:${host.port}/api/other?token=${sessionToken}`)).toEqual({ opened: false, status: 404 });
  });

  it('with the session token it opens and carries http.progress events of a send made through the API', async () => {
    const fixture = await startFixture();
    const { host, launchToken } = await startTestWebHost();
    const sessionToken = await exchangeLaunchToken(host.port, launchToken);
    const outcome = await openEventSocket(`ws://127.0.0.1:${host.port}/api/events?token=${sessionToken}`, host.origin);
    if (!outcome.opened) throw new Error(`The event socket was refused with ${outcome.status}`);
    const received: EventMessage[] = [];
    outcome.socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8')) as EventMessage));

    const sent = await postJson(
      host.port,
      '/api/invoke/http.send',
      { runId: 'web-run', request: httpSpec(`${fixture.url}/json`) },
      { Authorization: `Bearer ${sessionToken}`, Origin: host.origin },
    );

    expect(JSON.parse(sent.body)).toMatchObject({ ok: true, value: { runId: 'web-run', status: 200 } });
    await waitFor(
      () => received.some((message) => message.event === 'http.progress' && message.payload.runId === 'web-run'),
      5_000,
      'an http.progress event for web-run',
    );
    expect(received[0]).toEqual({ event: 'http.progress', payload: { runId: 'web-run', phase: 'connecting', receivedBytes: 0 } });
    outcome.socket.terminate();
  });
});

describe('web host: malformed and hostile requests', () => {
  it('a malformed JSON body is 400 and the next call works', async () => {
    const { host, launchToken } = await startTestWebHost();
    const sessionToken = await exchangeLaunchToken(host.port, launchToken);

    const malformed = await rawRequest({
      port: host.port,
      path: '/api/invoke/app.info',
      method: 'POST',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${sessionToken}` },
      body: '{"unterminated": ',
    });
    const next = await postJson(host.port, '/api/invoke/app.info', {}, { Authorization: `Bearer ${sessionToken}` });

    expect(malformed.status).toBe(400);
    expect(next.status).toBe(200);
  });

  it('a malformed command name is 400, not a server error', async () => {
    const { host, launchToken } = await startTestWebHost();
    const sessionToken = await exchangeLaunchToken(host.port, launchToken);

    const response = await postJson(host.port, '/api/invoke/%E0%A4%A', {}, { Authorization: `Bearer ${sessionToken}` });

    expect(response.status).toBe(400);
  });

  it('a body over 16 MB is refused with 400/413 and the server still answers', async () => {
    const { host, launchToken } = await startTestWebHost();
    const sessionToken = await exchangeLaunchToken(host.port, launchToken);
    const huge = Buffer.alloc(16 * 1024 * 1024 + 1, 'a');

    const response = await rawRequest({
      port: host.port,
      path: '/api/invoke/app.info',
      method: 'POST',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${sessionToken}` },
      body: huge,
    });

    expect([400, 413]).toContain(response.status);
    const next = await postJson(host.port, '/api/invoke/app.info', {}, { Authorization: `Bearer ${sessionToken}` });
    expect(next.status).toBe(200);
  });

  it('an oversized body to the session endpoint is refused too, and the launch token still works', async () => {
    const { host, launchToken } = await startTestWebHost();

    const response = await rawRequest({
      port: host.port,
      path: '/api/session',
      method: 'POST',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' },
      body: Buffer.alloc(16 * 1024 * 1024 + 1, ' '),
    });

    expect([400, 401, 413]).toContain(response.status);
    expect(await exchangeLaunchToken(host.port, launchToken)).toEqual(expect.any(String));
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%00/../../secret.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt',
  ])('%s does not serve a file outside the build', async (path) => {
    const { host } = await startTestWebHost();

    const response = await rawRequest({ port: host.port, path, headers: { Host: `127.0.0.1:${host.port}` } });

    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('CANARY-SECRET');
    expect((await rawRequest({ port: host.port, path: '/', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(200);
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd'])(
    '%s never returns /etc/passwd (an extensionless path is the app page or 404)',
    async (path) => {
      const { host } = await startTestWebHost();
      const passwd = readFileSync('/etc/passwd', 'utf8');

      const response = await rawRequest({ port: host.port, path, headers: { Host: `127.0.0.1:${host.port}` } });

      expect(response.body).not.toBe(passwd);
      expect(response.body).not.toMatch(/root:[^:\n]*:0:0/);
      // index.html for an unknown extensionless path is the single-page-app fallback; anything else must be an error.
      if (response.status === 200) expect(response.body).toBe(INDEX_HTML);
      else expect([400, 403, 404]).toContain(response.status);
    },
  );
});
