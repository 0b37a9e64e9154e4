import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../../main/engine/engine.ts';
import { closedPort, type EchoedRequest } from '../../../fixtures/servers/http-fixture.ts';
import { httpSpec, readWholeBody, startFixture, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** The request the fixture's /echo route saw, as it echoed it back. */
async function echoedBy(engine: Engine, bodyId: string): Promise<EchoedRequest> {
  return JSON.parse((await readWholeBody(engine, bodyId)).toString('utf8')) as EchoedRequest;
}

/** Header values the server received under a name, compared case-insensitively. */
function receivedHeader(rawHeaders: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === name.toLowerCase()) values.push(rawHeaders[i + 1]!);
  }
  return values;
}

/** Open TCP sockets in this process (both the fixture's and the engine's ends). */
function openTcpSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}

describe('http.send: a successful exchange', () => {
  it('GET /json returns status, reason, raw headers in their original case, and a readable body', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('run-json', httpSpec(`${fixture.url}/json`));

    expect(meta.status).toBe(200);
    expect(meta.statusText).toBe('OK');
    expect(meta.runId).toBe('run-json');
    expect(meta.url).toBe(`${fixture.url}/json`);
    // The fixture writes `Content-Type`/`Content-Length` in this case; Node's own headers are `Date`, `Connection`.
    expect(meta.headers).toContainEqual(['Content-Type', 'application/json; charset=utf-8']);
    expect(meta.headers.map(([name]) => name)).toEqual(expect.arrayContaining(['Content-Length', 'Date', 'Connection']));
    const expected = { id: 42, name: 'Shuttle', tags: ['http', 'websocket'], nested: { ok: true } };
    expect(meta.bodySize).toBe(Buffer.byteLength(JSON.stringify(expected)));
    expect(meta.bodyTruncated).toBe(false);

    const chunk = await engine.bodies.read(meta.bodyId, 0, 1024 * 1024);
    expect(chunk.eof).toBe(true);
    expect(chunk.totalSize).toBe(meta.bodySize);
    expect(JSON.parse(Buffer.from(chunk.base64, 'base64').toString('utf8'))).toEqual(expected);
  });

  it('returns the result through the router as { ok: true, value }', async () => {
    const fixture = await startFixture();
    const { router } = await startTestEngine();

    const result = await router.invoke('http.send', { runId: 'via-router', request: httpSpec(`${fixture.url}/status/404`) });

    expect(result).toMatchObject({ ok: true, value: { runId: 'via-router', status: 404, statusText: 'Not Found' } });
  });

  it('POST /echo with a JSON body: the server receives the exact bytes and Content-Type application/json', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    const text = '{\n  "name": "Zoë 🚀",\n  "list": [1, 2.50, null]\n}';

    const meta = await engine.http.send('post-json', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'json', text } }));

    const seen = fixture.requests.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.body).toBe(text);
    expect(receivedHeader(seen.rawHeaders, 'content-type')).toEqual(['application/json']);
    expect(receivedHeader(seen.rawHeaders, 'content-length')).toEqual([String(Buffer.byteLength(text))]);
    expect(meta.requestHeaders).toContainEqual(['Content-Type', 'application/json']);
    expect((await echoedBy(engine, meta.bodyId)).body).toBe(text);
  });

  it("keeps the user's own Content-Type, in the user's case, and adds no second one", async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    await engine.http.send(
      'own-type',
      httpSpec(`${fixture.url}/echo`, {
        method: 'POST',
        headers: [{ name: 'content-TYPE', value: 'application/vnd.api+json', enabled: true }],
        body: { mode: 'json', text: '{}' },
      }),
    );

    const seen = fixture.requests.at(-1)!;
    expect(receivedHeader(seen.rawHeaders, 'content-type')).toEqual(['application/vnd.api+json']);
    expect(seen.rawHeaders).toContain('content-TYPE');
  });

  it('does not send disabled headers (and a disabled Content-Type does not stop the automatic one)', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    await engine.http.send(
      'disabled',
      httpSpec(`${fixture.url}/echo`, {
        method: 'POST',
        headers: [
          { name: 'X-Secret', value: 'do-not-send', enabled: false },
          { name: 'Content-Type', value: 'text/xml', enabled: false },
          { name: 'X-Kept', value: 'yes', enabled: true },
        ],
        body: { mode: 'json', text: '[]' },
      }),
    );

    const seen = fixture.requests.at(-1)!;
    expect(receivedHeader(seen.rawHeaders, 'x-secret')).toEqual([]);
    expect(seen.rawHeaders.join('\n')).not.toContain('do-not-send');
    expect(receivedHeader(seen.rawHeaders, 'content-type')).toEqual(['application/json']);
    expect(receivedHeader(seen.rawHeaders, 'x-kept')).toEqual(['yes']);
  });

  it('emits progress events tagged with the run id', async () => {
    const fixture = await startFixture();
    const { engine, events } = await startTestEngine();

    await engine.http.send('progress-run', httpSpec(`${fixture.url}/json`));

    const phases = events.flatMap((event) => (event.event === 'http.progress' && event.payload.runId === 'progress-run' ? [event.payload.phase] : []));
    expect(phases[0]).toBe('connecting');
    expect(phases).toContain('receiving');
  });
});

describe('http.send: failures are typed errors', () => {
  it('a refused connection is REFUSED with host and port', async () => {
    const port = await closedPort();
    const { engine, router } = await startTestEngine();

    const failure = await failureOf(engine.http.send('refused', httpSpec(`http://127.0.0.1:${port}/`)));
    expect(failure.code).toBe('REFUSED');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', port });

    // Through the router the UI gets the same facts as a value, not an exception.
    const result = await router.invoke('http.send', { runId: 'refused-2', request: httpSpec(`http://127.0.0.1:${port}/`) });
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED', detail: { host: '127.0.0.1', port } } });
  });

  it('a name that does not resolve is DNS', async () => {
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('dns', httpSpec('http://shuttle-test.invalid/')));

    expect(failure.code).toBe('DNS');
    expect(failure.detail).toMatchObject({ host: 'shuttle-test.invalid' });
  });

  it.each(['http://', 'http://exa mple.com/', 'http://[::1/', 'http://127.0.0.1:99999/', '   '])('%j is INVALID_URL', async (url) => {
    const { engine } = await startTestEngine();
    expect((await failureOf(engine.http.send('bad-url', httpSpec(url)))).code).toBe('INVALID_URL');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,hello', 'ftp://127.0.0.1/', 'ws://127.0.0.1/'])(
    '%j is UNSUPPORTED_SCHEME',
    async (url) => {
      const { engine } = await startTestEngine();
      expect((await failureOf(engine.http.send('scheme', httpSpec(url)))).code).toBe('UNSUPPORTED_SCHEME');
    },
  );

  it('a URL without a scheme is sent as http, like other clients do', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('no-scheme', httpSpec(`127.0.0.1:${fixture.port}/json`));

    expect(meta.status).toBe(200);
    expect(meta.url).toBe(`${fixture.url}/json`);
  });
});

describe('http.send: nothing that could smuggle bytes leaves the machine', () => {
  type Case = { what: string; code: string; spec: (base: string) => Parameters<typeof httpSpec> };
  const header = (name: string, value: string) => [{ name, value, enabled: true }];
  const cases: Case[] = [
    { what: 'CR/LF in a header name', code: 'INVALID_HEADER', spec: (b) => [`${b}/echo`, { headers: header('X-A\r\nX-Injected', '1') }] },
    { what: 'CR/LF in a header value', code: 'INVALID_HEADER', spec: (b) => [`${b}/echo`, { headers: header('X-A', 'ok\r\nX-Injected: 1') }] },
    { what: 'a bare LF in a header value', code: 'INVALID_HEADER', spec: (b) => [`${b}/echo`, { headers: header('X-A', 'ok\nX-Injected: 1') }] },
    { what: 'NUL in a header value', code: 'INVALID_HEADER', spec: (b) => [`${b}/echo`, { headers: header('X-A', 'a\0b') }] },
    { what: 'NUL in a header name', code: 'INVALID_HEADER', spec: (b) => [`${b}/echo`, { headers: header('X-\0A', 'a') }] },
    { what: 'CR/LF in the method', code: 'INVALID_METHOD', spec: (b) => [`${b}/echo`, { method: 'GET /x HTTP/1.1\r\nHost: evil\r\n\r\nGET' }] },
    { what: 'a bare CR in the method', code: 'INVALID_METHOD', spec: (b) => [`${b}/echo`, { method: 'GE\rT' }] },
    { what: 'NUL in the method', code: 'INVALID_METHOD', spec: (b) => [`${b}/echo`, { method: 'G\0ET' }] },
    { what: '%0d%0a in the path', code: 'INVALID_URL', spec: (b) => [`${b}/echo%0d%0aX-Injected:%201`] },
    { what: '%0a in the query', code: 'INVALID_URL', spec: (b) => [`${b}/echo?q=a%0aX-Injected:%201`] },
    { what: '%00 in the path', code: 'INVALID_URL', spec: (b) => [`${b}/echo%00.json`] },
    { what: '%0d%0a next to a malformed escape', code: 'INVALID_URL', spec: (b) => [`${b}/echo%0d%0aX-Injected:%201/%zz`] },
    { what: 'a raw CR/LF inside the URL', code: 'INVALID_URL', spec: (b) => [`${b}/echo\r\nX-Injected: 1`] },
  ];

  it.each(cases)('$what is refused with $code before any connection', async ({ code, spec }) => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('smuggle', httpSpec(...spec(fixture.url))));

    expect(failure.code).toBe(code);
    expect(fixture.connections).toBe(0);
    // The counter does count: a clean request afterwards connects, and the engine still works.
    expect((await engine.http.send('after', httpSpec(`${fixture.url}/json`))).status).toBe(200);
    expect(fixture.connections).toBe(1);
    expect(fixture.requests.map((request) => request.path)).toEqual(['/json']);
  });
});

describe('http.send: deadlines, cancellation and run ids', () => {
  it('a server that never answers stops with TIMEOUT at the request timeout', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    const started = Date.now();

    const failure = await failureOf(engine.http.send('hang', httpSpec(`${fixture.url}/hang`, { timeoutMs: 300 })));

    expect(failure.code).toBe('TIMEOUT');
    expect(failure.detail).toMatchObject({ timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('the app setting is the timeout when the request has none', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    await engine.settings.update({ requestTimeoutMs: 250 });

    const failure = await failureOf(engine.http.send('hang-setting', httpSpec(`${fixture.url}/hang`)));

    expect(failure.code).toBe('TIMEOUT');
    expect(failure.detail).toMatchObject({ timeoutMs: 250 });
  });

  it('cancel stops a running request quickly with CANCELLED', async () => {
    const fixture = await startFixture();
    const { engine, router } = await startTestEngine();
    const running = failureOf(engine.http.send('slow-run', httpSpec(`${fixture.url}/slow`, { timeoutMs: 60_000 })));
    await waitFor(() => fixture.requests.some((request) => request.path === '/slow'), 5_000, 'the fixture to see /slow');

    const cancelledAt = Date.now();
    expect(engine.http.cancel('slow-run')).toBe(true);
    const failure = await running;

    expect(failure.code).toBe('CANCELLED');
    expect(Date.now() - cancelledAt).toBeLessThan(1_000);
    // Nothing is running under that id any more.
    expect(await router.invoke('http.cancel', { runId: 'slow-run' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('cancel before the connection is made sends nothing, and the next request works', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    const running = failureOf(engine.http.send('early', httpSpec(`${fixture.url}/echo?cancelled`)));

    expect(engine.http.cancel('early')).toBe(true);

    expect((await running).code).toBe('CANCELLED');
    expect((await engine.http.send('next', httpSpec(`${fixture.url}/json`))).status).toBe(200);
    expect(fixture.requests.map((request) => request.path)).toEqual(['/json']);
  });

  it('cancel of an id that is not running returns false', async () => {
    const { engine } = await startTestEngine();
    expect(engine.http.cancel('never-started')).toBe(false);
  });

  it('a second send with the id of a running request is CONFLICT, and the first one is unaffected', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    const first = failureOf(engine.http.send('same-id', httpSpec(`${fixture.url}/slow`, { timeoutMs: 60_000 })));
    await waitFor(() => fixture.requests.length === 1, 5_000, 'the first request to arrive');

    const second = await failureOf(engine.http.send('same-id', httpSpec(`${fixture.url}/json`)));

    expect(second.code).toBe('CONFLICT');
    expect(fixture.requests).toHaveLength(1);
    expect(engine.http.cancel('same-id')).toBe(true);
    expect((await first).code).toBe('CANCELLED');
    // Once the first is done, the id can be used again.
    expect((await engine.http.send('same-id', httpSpec(`${fixture.url}/json`))).status).toBe(200);
  });
});

describe('http.send: large bodies', () => {
  it('stops at maxResponseBytes and flags the body as truncated', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    await engine.settings.update({ maxResponseBytes: 2048 });

    const meta = await engine.http.send('capped', httpSpec(`${fixture.url}/bytes/10000`));

    expect(meta.status).toBe(200);
    expect(meta.bodyTruncated).toBe(true);
    expect(meta.bodySize).toBe(2048);
    expect(await readWholeBody(engine, meta.bodyId)).toEqual(Buffer.alloc(2048, 'x'));
  });

  it('a body of exactly maxResponseBytes is complete, not truncated', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    await engine.settings.update({ maxResponseBytes: 2048 });

    const exact = await engine.http.send('exact', httpSpec(`${fixture.url}/bytes/2048`));
    const oneOver = await engine.http.send('one-over', httpSpec(`${fixture.url}/bytes/2049`));

    expect(exact).toMatchObject({ bodySize: 2048, bodyTruncated: false });
    expect(oneOver).toMatchObject({ bodySize: 2048, bodyTruncated: true });
  });

  it('a body over the spill threshold goes to a blob file and reads back identical by ranges', async () => {
    const fixture = await startFixture();
    const { engine, dataDir } = await startTestEngine();
    const size = 5 * 1024 * 1024;

    const meta = await engine.http.send('big', httpSpec(`${fixture.url}/bytes/${size}`));

    expect(meta).toMatchObject({ bodySize: size, bodyTruncated: false });
    const blob = join(dataDir, 'blobs', String(process.pid), meta.bodyId);
    expect(existsSync(blob)).toBe(true);
    // Odd-sized ranges so reads straddle the engine's chunk boundaries.
    const body = await readWholeBody(engine, meta.bodyId, 1_000_003);
    // Buffer.equals, not toEqual: a deep compare of 5 MB byte by byte takes seconds.
    expect(body.length).toBe(size);
    expect(body.equals(Buffer.alloc(size, 'x'))).toBe(true);
    const middle = await engine.bodies.read(meta.bodyId, size - 10, 100);
    expect(Buffer.from(middle.base64, 'base64')).toEqual(Buffer.alloc(10, 'x'));
    expect(middle).toMatchObject({ offset: size - 10, totalSize: size, eof: true });

    expect(await engine.bodies.release(meta.bodyId)).toBe(true);
    expect(existsSync(blob)).toBe(false);
  });
});

describe('http.send: sockets', () => {
  it('leaves no socket open after 50 timed-out requests', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    const baseline = openTcpSockets();

    const failures = await Promise.all(
      Array.from({ length: 50 }, (_, i) => failureOf(engine.http.send(`hang-${i}`, httpSpec(`${fixture.url}/hang`, { timeoutMs: 500 })))),
    );

    expect(failures.map((failure) => failure.code)).toEqual(Array(50).fill('TIMEOUT'));
    // Both ends of every aborted connection close without waiting for engine.close().
    await waitFor(() => openTcpSockets() <= baseline, 5_000, `open sockets to drop back to ${baseline}`);
    expect(fixture.connections).toBe(50);
    expect((await engine.http.send('after-hang', httpSpec(`${fixture.url}/json`))).status).toBe(200);
    await engine.close();
    await waitFor(() => openTcpSockets() <= baseline, 5_000, 'the keep-alive socket to close with the engine');
    // A host may close on more than one signal; the second close is a no-op, not an undici error.
    await expect(engine.close()).resolves.toBeUndefined();
  });
});
