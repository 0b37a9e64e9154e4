import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createH2cServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { certPath, testCertificates } from '../../../fixtures/servers/test-certificates.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { h2Fixture, jsonOf, tlsFixture, transportFixture, valuesOf } from '../../helpers/transport-servers.ts';

describe('timeline: what went over the wire, per exchange', () => {
  it('the exact request line and headers sent, after auth, cookies and automatic headers', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    await engine.http.send('cookie', httpSpec(`${fixture.url}/set-cookie`));

    const meta = await engine.http.send(
      'wire',
      httpSpec(`${fixture.url}/echo?q=1`, {
        method: 'POST',
        headers: [{ name: 'X-Custom', value: 'v', enabled: true }],
        body: { mode: 'json', text: '{"a":1}' },
        auth: { type: 'bearer', token: 't' },
      }),
    );

    const [exchange] = meta.exchanges!;
    expect(exchange!.requestLine).toBe('POST /echo?q=1 HTTP/1.1');
    expect(exchange!.requestHeaders).toEqual([
      ['host', `127.0.0.1:${fixture.port}`],
      ['connection', 'keep-alive'],
      ['X-Custom', 'v'],
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Shuttle/0.1'],
      ['Accept-Encoding', 'gzip, deflate, br, zstd'],
      ['Cookie', 'session=abc123; theme=dark'],
      ['Authorization', 'Bearer t'],
      ['content-length', '7'],
    ]);
    // What the server received is what the timeline says was sent, in order.
    const received = fixture.requests.at(-1)!.rawHeaders;
    expect(valuesOf(received, 'x-custom')).toEqual(['v']);
    const sentNames = exchange!.requestHeaders.map(([name]) => name.toLowerCase());
    const receivedNames = received.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
    expect(receivedNames).toEqual(sentNames);
    expect(meta.requestHeaders).toEqual(exchange!.requestHeaders);
  });

  it('the body as sent: variables resolved; a file streamed from disk previewed as it went out; binary and long bodies said so', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const dir = await mkdtemp(join(tmpdir(), 'shuttle-sent-body-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const textFile = join(dir, 'order.json');
    await writeFile(textFile, '{"order":42}');
    const long = 'x'.repeat(100 * 1024);

    const json = await engine.http.send('json', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'json', text: '{"who":"{{name}}"}' }, variables: [{ name: 'name', value: 'Ada', enabled: true }] }), {
      prepare: (spec) => engine.variables.resolveHttp(spec),
    });
    const streamed = await engine.http.send('file', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'binary', text: '', binary: { kind: 'path', path: textFile } } }));
    const binary = await engine.http.send('binary', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'binary', text: '', binary: { kind: 'inline', fileName: 'x.bin', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]).toString('base64') } } }));
    const truncated = await engine.http.send('long', httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'text', text: long } }));
    const get = await engine.http.send('get', httpSpec(`${fixture.url}/echo`));

    expect(json.exchanges![0]!.requestBody).toEqual({ size: 13, text: '{"who":"Ada"}', truncated: false });
    expect(streamed.exchanges![0]!.requestBody).toEqual({ size: 12, text: '{"order":42}', truncated: false });
    expect(binary.exchanges![0]!.requestBody).toEqual({ size: 7, truncated: false });
    expect(truncated.exchanges![0]!.requestBody).toEqual({ size: long.length, text: long.slice(0, 64 * 1024), truncated: true });
    expect(get.exchanges![0]!.requestBody).toBeUndefined();
    // What the server received is what the timeline says.
    expect(fixture.requests.slice(0, 2).map((request) => request.body.toString())).toEqual(['{"who":"Ada"}', '{"order":42}']);
  });

  it('a new connection has DNS (for a name), connect and first-byte phases; the next request reuses it', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const byName = `http://localhost:${fixture.port}/json`;

    const first = await engine.http.send('first', httpSpec(byName));
    // As a person sends: undici hands a keep-alive socket back one event-loop turn after a response.
    await new Promise((resolve) => setImmediate(resolve));
    const second = await engine.http.send('second', httpSpec(byName));

    const fresh = first.exchanges![0]!;
    expect(fresh.connection).toMatchObject({ reused: false, remotePort: fixture.port, protocol: 'http/1.1' });
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1']).toContain(fresh.connection!.remoteAddress);
    expect(fresh.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(fresh.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(fresh.timings.tlsMs).toBeUndefined();
    const { sentMs, firstByteMs, downloadMs, totalMs } = fresh.timings;
    expect(sentMs! <= firstByteMs! && firstByteMs! <= totalMs).toBe(true);
    expect(downloadMs).toBeGreaterThanOrEqual(0);
    const reused = second.exchanges![0]!;
    expect(reused.connection).toMatchObject({ reused: true, remotePort: fixture.port });
    expect(reused.timings.dnsMs).toBeUndefined();
    expect(reused.timings.connectMs).toBeUndefined();
    expect(second.timings.firstByteMs).toBeLessThanOrEqual(second.timings.totalMs);
  });

  it('progress events follow the phases: connecting, waiting, receiving', async () => {
    const fixture = await transportFixture();
    const { engine, events } = await startTestEngine();

    await engine.http.send('phases', httpSpec(`${fixture.url}/json`));

    const phases = events.flatMap((event) => (event.event === 'http.progress' && event.payload.runId === 'phases' ? [event.payload.phase] : []));
    expect(phases.slice(0, 3)).toEqual(['connecting', 'waiting', 'receiving']);
  });

  it('an IP literal has no DNS phase', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('ip', httpSpec(`${fixture.url}/json`));

    expect(meta.exchanges![0]!.timings.dnsMs).toBeUndefined();
    expect(meta.exchanges![0]!.timings.connectMs).toBeGreaterThanOrEqual(0);
  });

  it('TLS: protocol, cipher, handshake time and the peer certificate', async () => {
    const server = await tlsFixture('ca-signed');
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('tls', httpSpec(`${server.url}/`, { settings: { caCert: { kind: 'path', path: certPath('ca.pem') } } }));

    const exchange = meta.exchanges![0]!;
    expect(exchange.timings.tlsMs).toBeGreaterThan(0);
    const expected = new X509Certificate(testCertificates.server.cert);
    expect(exchange.connection!.tls).toEqual({
      protocol: 'TLSv1.3',
      cipher: expect.stringMatching(/^TLS_/),
      peerCertificate: {
        subject: 'CN=localhost, O=Shuttle',
        issuer: 'CN=Shuttle Test CA, O=Shuttle',
        validFrom: new Date(expected.validFrom).toISOString(),
        validTo: new Date(expected.validTo).toISOString(),
        subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1'],
        fingerprint256: expected.fingerprint256,
      },
    });
  });
});

describe('trailers: header lines sent after the body', () => {
  it('HTTP/1.1 chunked: kept apart from the headers, in order, on the response and its exchange; the body is whole', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('trailers', httpSpec(`${fixture.url}/trailers`));
    const plain = await engine.http.send('no-trailers', httpSpec(`${fixture.url}/json`));

    expect(meta.trailers).toEqual([
      ['Server-Timing', 'db;dur=53'],
      ['X-Body-Sha256', createHash('sha256').update('part one\npart two\n').digest('hex')],
    ]);
    expect(meta.exchanges?.at(-1)?.responseTrailers).toEqual(meta.trailers);
    expect(valuesOf(meta.headers, 'server-timing')).toEqual([]);
    expect(Buffer.from((await engine.bodies.read(meta.bodyId, 0, 100)).base64, 'base64').toString()).toBe('part one\npart two\n');
    expect(plain.trailers).toBeUndefined();
  });

  it('HTTP/2: the trailing HEADERS frame (grpc-status and grpc-message)', async () => {
    const fixture = await h2Fixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('h2-trailers', httpSpec(`${fixture.url}/trailers`, { settings: { verifyTls: false } }));

    expect(meta.httpVersion).toBe('2');
    expect(meta.trailers).toEqual([
      ['grpc-status', '0'],
      ['grpc-message', 'OK'],
    ]);
  });
});

describe('HTTP/2', () => {
  it('is negotiated by ALPN and reported as "2", with h2 as the connection protocol', async () => {
    const server = await h2Fixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('h2', httpSpec(`${server.url}/json`, { settings: { verifyTls: false } }));

    expect(meta.httpVersion).toBe('2');
    expect(await jsonOf(engine, meta.bodyId)).toEqual({ protocol: 'h2', httpVersion: '2.0' });
    const exchange = meta.exchanges![0]!;
    expect(exchange.connection).toMatchObject({ protocol: 'h2', reused: false });
    expect(exchange.requestLine).toBe('GET /json HTTP/2');
    expect(exchange.requestHeaders).toEqual(expect.arrayContaining([[':method', 'GET'], [':path', '/json'], [':authority', `127.0.0.1:${server.port}`]]));
    expect(meta.statusText).toBe('');
    expect(meta.headers).toEqual(expect.arrayContaining([['content-type', 'application/json']]));
    expect(meta.headers.some(([name]) => name === 'date')).toBe(true);
  });

  it('"HTTP/1.1" in the settings keeps a connection on HTTP/1.1 even where h2 is offered', async () => {
    const server = await h2Fixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('h1', httpSpec(`${server.url}/json`, { settings: { verifyTls: false, httpVersion: 'http1' } }));

    expect(meta.httpVersion).toBe('1.1');
    expect(await jsonOf(engine, meta.bodyId)).toEqual({ protocol: 'http/1.1', httpVersion: '1.1' });
  });

  it('decodes a gzip body over h2 too, and a second request shares the session', async () => {
    const server = await h2Fixture({ certificate: 'ca-signed' });
    const { engine } = await startTestEngine();
    const settings = { caCert: { kind: 'path' as const, path: certPath('ca.pem') } };

    const first = await engine.http.send('h2-gzip', httpSpec(`${server.url}/gzip`, { settings }));
    await new Promise((resolve) => setImmediate(resolve));
    const second = await engine.http.send('h2-again', httpSpec(`${server.url}/json`, { settings }));

    expect(first.contentEncoding).toEqual(['gzip']);
    expect(first.bodySize).toBeGreaterThan(first.wireSize!);
    expect(second.exchanges![0]!.connection!.reused).toBe(true);
    expect(server.connections).toBe(1);
  });

  it('"HTTP/2" on a cleartext URL uses prior knowledge (h2c)', async () => {
    const server = createH2cServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`h2c ${request.httpVersion}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { engine } = await startTestEngine();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    const meta = await engine.http.send('h2c', httpSpec(url, { settings: { httpVersion: 'http2' } }));

    expect(meta.httpVersion).toBe('2');
    expect(meta.exchanges![0]!.connection!.protocol).toBe('h2');
    expect((await jsonOfText(engine, meta.bodyId))).toBe('h2c 2.0');
  });
});

async function jsonOfText(engine: Parameters<typeof jsonOf>[0], bodyId: string): Promise<string> {
  const chunk = await engine.bodies.read(bodyId, 0, 1024);
  return Buffer.from(chunk.base64, 'base64').toString('utf8');
}
