import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RequestSettings } from '../../../../shared/model/request.ts';
import { certPath, testCertificates } from '../../../fixtures/servers/test-certificates.ts';
import { httpSpec, startTestEngine } from '../../helpers/engine.ts';
import { failureOf } from '../../helpers/failure.ts';
import { jsonOf, tlsFixture } from '../../helpers/transport-servers.ts';

const trustTestCa: RequestSettings = { caCert: { kind: 'path', path: certPath('ca.pem') } };

describe('TLS: bad certificates are refused with the reason', () => {
  it.each([
    ['self-signed', 'the certificate is self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT', {}],
    ['expired', 'the certificate has expired', 'CERT_HAS_EXPIRED', trustTestCa],
    ['wrong-host', 'the certificate is for another host name', 'ERR_TLS_CERT_ALTNAME_INVALID', trustTestCa],
    ['ca-signed', 'the certificate is signed by an unknown authority', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', {}],
  ] as const)('%s: TLS, "%s"', async (certificate, reason, code, settings) => {
    const server = await tlsFixture(certificate);
    const { engine, router } = await startTestEngine();

    const failure = await failureOf(engine.http.send('bad-cert', httpSpec(`${server.url}/`, { settings })));

    expect(failure.code).toBe('TLS');
    expect(failure.detail).toEqual({ host: '127.0.0.1', port: server.port, reason, code });
    // The UI gets the same through the router.
    const result = await router.invoke('http.send', { runId: 'bad-cert-2', request: httpSpec(`${server.url}/`, { settings }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'TLS', detail: { reason } } });
  });

  it('"don\'t verify" applies to that request only: the same server is refused again without it, and the process setting is untouched', async () => {
    const server = await tlsFixture('self-signed');
    const { engine } = await startTestEngine();
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

    const unverified = engine.http.send('off', httpSpec(`${server.url}/`, { settings: { verifyTls: false } }));
    const verified = failureOf(engine.http.send('on', httpSpec(`${server.url}/`)));
    const [meta, failure] = await Promise.all([unverified, verified]);

    expect(meta.status).toBe(200);
    expect(failure.code).toBe('TLS');
    expect((await failureOf(engine.http.send('on-again', httpSpec(`${server.url}/`)))).code).toBe('TLS');
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBe(before);
  });

  it('a custom CA makes a certificate it signed trusted, for that request', async () => {
    const server = await tlsFixture('ca-signed');
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('ca', httpSpec(`${server.url}/`, { settings: trustTestCa }));
    const inline = await engine.http.send('ca-inline', httpSpec(`${server.url}/`, {
      settings: { caCert: { kind: 'inline', fileName: 'ca.pem', base64: Buffer.from(testCertificates.ca).toString('base64') } },
    }));

    expect(meta.status).toBe(200);
    expect(meta.exchanges?.[0]?.connection?.tls?.clientCertificate).toBeUndefined();
    expect(inline.status).toBe(200);
    expect((await failureOf(engine.http.send('no-ca', httpSpec(`${server.url}/`)))).code).toBe('TLS');
  });
});

/** Runs sends in a process of their own (send-in-process.ts), with `env` added to this one's. */
function sendInProcess(url: string, steps: object[], env: Record<string, string | undefined>): Promise<unknown[]> {
  const script = fileURLToPath(new URL('../../../fixtures/processes/send-in-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, url, JSON.stringify(steps)], { env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as unknown[]);
    });
  });
}

describe('TLS: a request’s own CA', () => {
  it('adds to the CAs Node trusts, NODE_EXTRA_CA_CERTS included: it does not replace them', async () => {
    const server = await tlsFixture('ca-signed');

    // The process trusts the test CA through NODE_EXTRA_CA_CERTS (read at start); the request brings an unrelated CA of its own.
    const outcomes = await sendInProcess(`${server.url}/`, [{ request: { caCert: { kind: 'path', path: certPath('self-signed.pem') } } }], {
      NODE_EXTRA_CA_CERTS: certPath('ca.pem'),
    });

    expect(outcomes).toEqual([{ status: 200 }]);
  });
});

describe('TLS: the operating system’s certificate store', () => {
  it('is trusted by default, with or without a CA of the request’s own; switched off, only Node’s own CAs are', async () => {
    const server = await tlsFixture('ca-signed');
    const emptyDir = await mkdtemp(join(tmpdir(), 'shuttle-no-certs-'));
    const unrelatedCa = { caCert: { kind: 'path', path: certPath('self-signed.pem') } };

    // The store is what OpenSSL's SSL_CERT_FILE / SSL_CERT_DIR name: here the test CA alone (mkcert's CA would be
    // installed the same way). NODE_EXTRA_CA_CERTS is cleared so that it cannot be what trusts the server.
    const outcomes = await sendInProcess(
      `${server.url}/`,
      [{}, { request: unrelatedCa }, { settings: { trustSystemCertificates: false } }, { request: unrelatedCa }, { settings: { trustSystemCertificates: true } }],
      { SSL_CERT_FILE: certPath('ca.pem'), SSL_CERT_DIR: emptyDir, NODE_EXTRA_CA_CERTS: undefined },
    );

    const unknown = { code: 'TLS', reason: 'the certificate is signed by an unknown authority' };
    // Turned off, the connection kept alive from the first sends is not reused: it was verified under the old trust.
    expect(outcomes).toEqual([{ status: 200 }, { status: 200 }, unknown, unknown, { status: 200 }]);
    await rm(emptyDir, { recursive: true, force: true });
  });
});

describe('TLS: client certificates', () => {
  it('PEM certificate and key are presented to a server that requires one', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('pem', httpSpec(`${server.url}/`, {
      settings: { ...trustTestCa, clientCert: { cert: { kind: 'path', path: certPath('client.pem') }, key: { kind: 'path', path: certPath('client-key.pem') } } },
    }));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ authorized: true, clientSubject: 'shuttle-client' });
  });

  it('a PKCS#12 bundle with its passphrase works; a wrong passphrase is a TLS error before connecting', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const { engine } = await startTestEngine();
    const pfx = { kind: 'path' as const, path: certPath('client.p12') };

    const meta = await engine.http.send('pfx', httpSpec(`${server.url}/`, { settings: { ...trustTestCa, clientCert: { pfx, passphrase: 'shuttle' } } }));
    const wrong = await failureOf(engine.http.send('pfx-wrong', httpSpec(`${server.url}/`, { settings: { ...trustTestCa, clientCert: { pfx, passphrase: 'nope' } } })));

    expect(await jsonOf(engine, meta.bodyId)).toMatchObject({ authorized: true, clientSubject: 'shuttle-client' });
    expect(wrong.code).toBe('TLS');
    expect(wrong.detail).toMatchObject({ reason: 'the client certificate could not be opened: wrong passphrase?' });
    expect(server.handshakes).toBe(1);
  });

  it('without a client certificate the server\'s refusal is a clear error', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('no-client-cert', httpSpec(`${server.url}/`, { settings: trustTestCa })));

    // In TLS 1.3 the server checks the client only after the handshake, and Node surfaces its
    // refusal as the connection closing: a RESET naming the server, not a crash or a hang.
    expect(failure.code).toBe('RESET');
    expect(failure.detail).toEqual({ host: '127.0.0.1', port: server.port });
  });

  it('a PEM certificate without its key is refused with a VALIDATION error', async () => {
    const server = await tlsFixture('ca-signed');
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.http.send('no-key', httpSpec(`${server.url}/`, { settings: { clientCert: { cert: { kind: 'path', path: certPath('client.pem') } } } })));

    expect(failure.code).toBe('VALIDATION');
    expect(server.handshakes).toBe(0);
  });
});

describe('TLS: Settings → Certificates, by host', () => {
  const pemCertificate = { cert: { kind: 'path' as const, path: certPath('client.pem') }, key: { kind: 'path' as const, path: certPath('client-key.pem') } };
  const testCa = { kind: 'path' as const, path: certPath('ca.pem') };

  it('a request that sets no certificate presents its host’s, and trusts its host’s CA; another port gets neither', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const otherPort = await tlsFixture('ca-signed');
    const { engine } = await startTestEngine();
    await engine.settings.update({ hostCertificates: [{ host: `127.0.0.1:${server.port}`, clientCert: pemCertificate, caCert: testCa }] });

    const meta = await engine.http.send('by-host', httpSpec(`${server.url}/`));
    const elsewhere = await failureOf(engine.http.send('other-port', httpSpec(`${otherPort.url}/`)));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ authorized: true, clientSubject: 'shuttle-client' });
    // The timeline says which certificate the connection offered.
    expect(meta.exchanges?.[0]?.connection?.tls?.clientCertificate?.subject).toContain('CN=shuttle-client');
    expect(elsewhere).toMatchObject({ code: 'TLS', detail: { reason: 'the certificate is signed by an unknown authority' } });
  });

  it('Copy as cURL (http.resolve) carries the host’s certificate files where the request sets none', async () => {
    const { router, engine } = await startTestEngine();
    await engine.settings.update({ hostCertificates: [{ host: '*.internal.test', clientCert: pemCertificate, caCert: testCa }] });

    const resolved = await router.invoke('http.resolve', { request: httpSpec('https://api.internal.test/') });
    const other = await router.invoke('http.resolve', { request: httpSpec('https://api.example.test/') });

    expect(resolved).toMatchObject({ ok: true, value: { settings: { clientCert: pemCertificate, caCert: testCa } } });
    expect(other).toMatchObject({ ok: true, value: { url: 'https://api.example.test/' } });
    expect((other as { value: { settings?: unknown } }).value.settings).toBeUndefined();
  });

  it('an edit applies to the next request; a wrong passphrase names the entry before any connection', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const { engine } = await startTestEngine();
    const pfx = { kind: 'inline' as const, fileName: 'client.p12', base64: (await readFile(certPath('client.p12'))).toString('base64') };
    const host = `127.0.0.1:${server.port}`;

    await engine.settings.update({ hostCertificates: [{ host, clientCert: { pfx, passphrase: 'nope' }, caCert: testCa }] });
    const wrong = await failureOf(engine.http.send('wrong', httpSpec(`${server.url}/`)));
    await engine.settings.update({ hostCertificates: [{ host, clientCert: { pfx, passphrase: 'shuttle' }, caCert: testCa }] });
    const meta = await engine.http.send('right', httpSpec(`${server.url}/`));

    expect(wrong.code).toBe('TLS');
    expect(wrong.message).toContain(`(set in Settings → Certificates (${host}))`);
    expect(wrong.detail).toMatchObject({ reason: 'the client certificate could not be opened: wrong passphrase?' });
    expect(server.handshakes).toBe(1);
    expect(await jsonOf(engine, meta.bodyId)).toMatchObject({ authorized: true, clientSubject: 'shuttle-client' });
  });

  it('"don\'t verify" for a host: its self-signed certificate is accepted where a request does not choose; other hosts and a request that asks to verify are still refused', async () => {
    const server = await tlsFixture('self-signed');
    const otherPort = await tlsFixture('self-signed');
    const { engine } = await startTestEngine();
    await engine.settings.update({ hostCertificates: [{ host: `127.0.0.1:${server.port}`, verifyTls: false }] });

    const meta = await engine.http.send('host-unverified', httpSpec(`${server.url}/`));
    const asked = await failureOf(engine.http.send('request-verifies', httpSpec(`${server.url}/`, { settings: { verifyTls: true } })));
    const elsewhere = await failureOf(engine.http.send('other-port', httpSpec(`${otherPort.url}/`)));

    expect(meta.status).toBe(200);
    expect(asked).toMatchObject({ code: 'TLS', detail: { reason: 'the certificate is self-signed' } });
    expect(elsewhere).toMatchObject({ code: 'TLS', detail: { reason: 'the certificate is self-signed' } });
  });

  it('a file of an entry that cannot be read fails the request before any connection, naming the file and where it is set', async () => {
    const server = await tlsFixture('ca-signed');
    const { engine } = await startTestEngine();
    const missing = certPath('moved-away.pem');
    await engine.settings.update({ hostCertificates: [{ host: '127.0.0.1', caCert: { kind: 'path', path: missing } }] });

    const failure = await failureOf(engine.http.send('missing-file', httpSpec(`${server.url}/`)));

    expect(failure.code).toBe('VALIDATION');
    expect(failure.message).toBe(`The CA certificate ${missing} cannot be read: no such file (set in Settings → Certificates (127.0.0.1))`);
    expect(server.handshakes).toBe(0);
  });

  it('a request mixing its own CA with its host’s client certificate: each file’s error names where that file is set', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const { engine } = await startTestEngine();
    const missing = certPath('moved-away.pem');
    await engine.settings.update({ hostCertificates: [{ host: '127.0.0.1', clientCert: { pfx: { kind: 'path', path: certPath('client.p12') }, passphrase: 'nope' } }] });

    // The request's own CA is unreadable: the request is where to fix it, so Settings is not named.
    const ownCa = await failureOf(engine.http.send('own-ca-missing', httpSpec(`${server.url}/`, { settings: { caCert: { kind: 'path', path: missing } } })));
    // The request's own CA is fine; the host's certificate has the wrong passphrase: Settings is named.
    const hostCert = await failureOf(engine.http.send('host-cert-wrong', httpSpec(`${server.url}/`, { settings: { caCert: testCa } })));

    expect(ownCa.message).toBe(`The CA certificate ${missing} cannot be read: no such file`);
    expect(hostCert.code).toBe('TLS');
    expect(hostCert.message).toContain('(set in Settings → Certificates (127.0.0.1))');
    expect(hostCert.detail).toMatchObject({ reason: 'the client certificate could not be opened: wrong passphrase?' });
    expect(server.handshakes).toBe(0);
  });

  it('the request’s own certificate wins over its host’s', async () => {
    const server = await tlsFixture('ca-signed', { requireClientCert: true });
    const { engine } = await startTestEngine();
    // The host's entry holds a certificate the server does not accept (self-signed, not from the test CA).
    const rejected = { cert: { kind: 'path' as const, path: certPath('self-signed.pem') }, key: { kind: 'path' as const, path: certPath('self-signed-key.pem') } };
    await engine.settings.update({ hostCertificates: [{ host: '127.0.0.1', clientCert: rejected, caCert: testCa }] });

    const meta = await engine.http.send('own', httpSpec(`${server.url}/`, { settings: { clientCert: pemCertificate } }));
    const hostOnly = await failureOf(engine.http.send('host-only', httpSpec(`${server.url}/`)));

    expect(await jsonOf(engine, meta.bodyId)).toEqual({ authorized: true, clientSubject: 'shuttle-client' });
    expect(hostOnly.code).toBe('RESET');
  });
});
