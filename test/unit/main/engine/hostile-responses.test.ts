import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { httpSpec, readWholeBody, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { hostileFixture, transportFixture } from '../../helpers/transport-servers.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** Open TCP handles in this process (the fixtures' ends and the engine's). */
function openTcpSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}

describe('odd but legal responses are read correctly', () => {
  it('HTTP/1.0 without Content-Length: the body runs to the connection close, and the version says 1.0', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('http10', httpSpec(`${server.url}/http10`));

    expect(meta.status).toBe(200);
    expect(meta.httpVersion).toBe('1.0');
    expect((await readWholeBody(engine, meta.bodyId)).toString()).toBe('hello from HTTP/1.0');
    expect(meta.bodyError).toBeUndefined();
  });

  it('103 Early Hints are skipped; the final response is the answer', async () => {
    const server = await hostileFixture();
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const raw = await engine.http.send('interim', httpSpec(`${server.url}/interim`));
    const node = await engine.http.send('hints', httpSpec(`${fixture.url}/early-hints`));

    expect(raw.status).toBe(200);
    expect((await readWholeBody(engine, raw.bodyId)).toString()).toBe('final');
    expect(raw.exchanges).toHaveLength(1);
    expect(node.status).toBe(200);
    expect(node.headers.some(([name]) => name.toLowerCase() === 'link')).toBe(false);
  });

  it('a 204 that sends a body anyway: the 204 with no body, and the engine keeps working', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('204', httpSpec(`${server.url}/204-with-body`));

    expect(meta.status).toBe(204);
    expect(meta.bodySize).toBe(0);
    expect((await engine.http.send('after', httpSpec(`${server.url}/http10`))).status).toBe(200);
  });

  it('a thousand response headers are all kept', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('1000', httpSpec(`${server.url}/many-headers?count=1000`));

    expect(meta.headers.filter(([name]) => name.startsWith('X-Header-'))).toHaveLength(1000);
    expect(meta.headers[999]).toEqual(['X-Header-999', 'value-999']);
  });
});

describe('hostile responses are clear errors, and nothing crashes', () => {
  it.each([
    ['20,000 headers', '/many-headers?count=20000', 'the response headers are larger than 256 KiB'],
    ['a 1 MB header', '/huge-header?bytes=1048576', 'the response headers are larger than 256 KiB'],
    ['conflicting Content-Length', '/conflicting-length', 'the response has conflicting Content-Length headers'],
    ['a 100 Continue nobody asked for', '/unsolicited-100', 'an interim response the client did not ask for (100 Continue)'],
  ])('%s: PROTOCOL with the reason', async (_what, path, reason) => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('hostile', httpSpec(`${server.url}${path}`)));

    expect(failure.code).toBe('PROTOCOL');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', reason });
    expect((await engine.http.send('after', httpSpec(`${server.url}/http10`))).status).toBe(200);
  });

  it('a connection reset mid-body keeps what arrived, flagged RESET, with the status and headers', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('reset', httpSpec(`${server.url}/reset-mid-body`));

    expect(meta.status).toBe(200);
    expect(meta.bodyError).toMatchObject({ code: 'RESET', detail: { host: '127.0.0.1', port: server.port } });
    expect(meta.bodySize).toBe(1000);
    expect((await readWholeBody(engine, meta.bodyId)).equals(Buffer.alloc(1000, 'p'))).toBe(true);
    expect(meta.bodyTruncated).toBe(false);
  });

  it('headers dripping one byte at a time: TIMEOUT while waiting', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('drip-h', httpSpec(`${server.url}/drip-headers`, { settings: { timeoutMs: 400 } })));

    expect(failure.code).toBe('TIMEOUT');
    expect(failure.detail).toMatchObject({ timeoutMs: 400, phase: 'waiting' });
  });

  it('a body dripping one byte at a time: TIMEOUT while receiving', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('drip-b', httpSpec(`${server.url}/drip-body`, { settings: { timeoutMs: 400 } })));

    expect(failure.code).toBe('TIMEOUT');
    expect(failure.detail).toMatchObject({ phase: 'receiving' });
  });

  it('a TLS black hole (accepts, never answers the handshake): TIMEOUT while connecting', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();
    const started = Date.now();

    const failure = await failureOf(engine.http.send('hole', httpSpec(`https://127.0.0.1:${server.port}/`, { settings: { timeoutMs: 300 } })));

    expect(failure.code).toBe('TIMEOUT');
    expect(failure.detail).toMatchObject({ phase: 'connecting' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('no socket leaks after 100 runs against black holes, drips and silent servers', async () => {
    const server = await hostileFixture();
    const { engine } = await startTestEngine();
    const baseline = openTcpSockets();
    const targets = [`https://127.0.0.1:${server.port}/`, `${server.url}/drip-headers`, `${server.url}/drip-body`, `${server.url}/silent`];

    const failures = await Promise.all(
      Array.from({ length: 100 }, (_, i) => failureOf(engine.http.send(`leak-${i}`, httpSpec(targets[i % targets.length]!, { settings: { timeoutMs: 300 } })))),
    );

    expect(new Set(failures.map((failure) => failure.code))).toEqual(new Set(['TIMEOUT']));
    expect(server.connections).toBeGreaterThanOrEqual(75);
    // Every connection is closed on both ends without waiting for engine.close().
    await waitFor(() => server.openConnections === 0 && openTcpSockets() <= baseline, 5_000, 'every socket to close');
  });
});

describe('large bodies', () => {
  it('a body without Content-Length streams to the store and stops at the cap with a truncated note', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 'z');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { engine } = await startTestEngine();
    await engine.settings.update({ maxResponseBytes: 8 * 1024 * 1024 });

    const meta = await engine.http.send('endless', httpSpec(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));

    expect(meta).toMatchObject({ status: 200, bodySize: 8 * 1024 * 1024, bodyTruncated: true });
    const tail = await engine.bodies.read(meta.bodyId, 8 * 1024 * 1024 - 4, 100);
    expect(Buffer.from(tail.base64, 'base64').toString()).toBe('zzzz');
    expect(tail.eof).toBe(true);
  });
});
