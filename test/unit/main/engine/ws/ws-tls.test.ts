import { describe, expect, it } from 'vitest';
import { certPath, testCertificates } from '../../../../fixtures/servers/test-certificates.ts';
import { startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { lastState, startWsServer, wsSpec } from '../../../helpers/ws.ts';

describe('wss with a self-signed certificate', () => {
  it('is refused by default with the reason, and opens with verification off for that connection only', async () => {
    const server = await startWsServer({ tls: true });
    const { engine } = await startTestEngine();
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

    const failure = await failureOf(engine.ws.connect('verified', wsSpec(`${server.url}/echo`)));
    expect(failure.code).toBe('TLS');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', reason: expect.stringMatching(/self.signed/i) });

    const handshake = await engine.ws.connect('unverified', wsSpec(`${server.url}/echo`, { tlsVerify: false }));
    expect(handshake.status).toBe(101);

    // The next connection verifies again: the exception belonged to that one connection.
    expect((await failureOf(engine.ws.connect('verified-again', wsSpec(`${server.url}/echo`)))).code).toBe('TLS');
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBe(before);
  });
});

describe('wss and Settings → Certificates', () => {
  it('"don\'t verify" for a host opens a wss connection to its self-signed server; another host is still refused', async () => {
    const server = await startWsServer({ tls: true });
    const { engine } = await startTestEngine();
    const port = new URL(server.url).port;
    await engine.settings.update({ hostCertificates: [{ host: `127.0.0.1:${port}`, verifyTls: false }] });

    const handshake = await engine.ws.connect('host-unverified', wsSpec(`${server.url}/echo`));
    await engine.settings.update({ hostCertificates: [{ host: 'elsewhere.test', verifyTls: false }] });
    const refused = await failureOf(engine.ws.connect('verified', wsSpec(`${server.url}/echo`)));

    expect(handshake.status).toBe(101);
    expect(refused.code).toBe('TLS');
  });
});

describe('wss to a server that requires a client certificate (mTLS)', () => {
  const testCa = { kind: 'path' as const, path: certPath('ca.pem') };
  const pem = { cert: { kind: 'path' as const, path: certPath('client.pem') }, key: { kind: 'path' as const, path: certPath('client-key.pem') } };
  const pfx = { kind: 'path' as const, path: certPath('client.p12') };

  it('a PEM certificate and key open it, with the test CA trusted for that connection only', async () => {
    const server = await startWsServer({ requireClientCert: true });
    const { engine } = await startTestEngine();

    const handshake = await engine.ws.connect('pem', wsSpec(`${server.url}/echo`, { clientCert: pem, caCert: testCa }));

    expect(handshake.status).toBe(101);
    expect(server.connections[0]!.clientSubject).toBe('shuttle-client');
    // The handshake tells which connection it went over: the TLS details and both certificates.
    expect(handshake.connection).toMatchObject({
      remoteAddress: '127.0.0.1',
      reused: false,
      tls: {
        protocol: expect.stringMatching(/^TLSv1\.[23]$/),
        peerCertificate: { subject: expect.stringContaining('CN=localhost'), issuer: expect.stringContaining('Shuttle Test CA') },
        clientCertificate: { subject: expect.stringContaining('CN=shuttle-client') },
      },
    });
    // Without the CA the same server is untrusted: its certificate is signed by an authority nobody trusts.
    const untrusted = await failureOf(engine.ws.connect('no-ca', wsSpec(`${server.url}/echo`, { clientCert: pem })));
    expect(untrusted.code).toBe('TLS');
    expect(untrusted.detail).toMatchObject({ host: '127.0.0.1', reason: expect.stringMatching(/self-signed|unknown authority/) });
  });

  it('a connection that sets no certificate presents its host’s from Settings → Certificates, with its CA', async () => {
    const server = await startWsServer({ requireClientCert: true });
    const { engine } = await startTestEngine();
    const port = new URL(server.url).port;
    await engine.settings.update({ hostCertificates: [{ host: `127.0.0.1:${port}`, clientCert: pem, caCert: testCa }] });

    const handshake = await engine.ws.connect('by-host', wsSpec(`${server.url}/echo`));

    expect(handshake.status).toBe(101);
    expect(server.connections[0]!.clientSubject).toBe('shuttle-client');
  });

  it('a PKCS#12 bundle as the browser sends it (inline), with its passphrase and verification off', async () => {
    const server = await startWsServer({ requireClientCert: true });
    const { engine } = await startTestEngine();
    const inline = { kind: 'inline' as const, fileName: 'client.p12', base64: testCertificates.clientPfx.toString('base64') };

    const handshake = await engine.ws.connect('pfx', wsSpec(`${server.url}/echo`, { tlsVerify: false, clientCert: { pfx: inline, passphrase: testCertificates.clientPfxPassphrase } }));

    expect(handshake.status).toBe(101);
    expect(server.connections[0]!.clientSubject).toBe('shuttle-client');
  });

  it('a wrong passphrase is a TLS error before any connection', async () => {
    const server = await startWsServer({ requireClientCert: true });
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.ws.connect('wrong-pass', wsSpec(`${server.url}/echo`, { caCert: testCa, clientCert: { pfx, passphrase: 'nope' } })));

    expect(failure.code).toBe('TLS');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', reason: 'the client certificate could not be opened: wrong passphrase?' });
    expect(server.upgrades).toBe(0);
  });

  it('without a client certificate the refusal says the server requires one', async () => {
    const server = await startWsServer({ requireClientCert: true });
    const { engine, events } = await startTestEngine();

    const failure = await failureOf(engine.ws.connect('no-cert', wsSpec(`${server.url}/echo`, { caCert: testCa })));

    expect(failure.code).toBe('TLS');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', reason: 'the server requires a client certificate' });
    expect(lastState(events, 'no-cert')).toMatchObject({ state: 'closed', error: { code: 'TLS' } });
    expect(server.connections).toHaveLength(0);
  });

  it('certificates are not read for a plain ws:// URL', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    const handshake = await engine.ws.connect('plain', wsSpec(`${server.url}/echo`, { clientCert: { pfx: { kind: 'path', path: certPath('missing.p12') } } }));

    expect(handshake.status).toBe(101);
    expect(handshake.connection).toEqual({ remoteAddress: '127.0.0.1', remotePort: Number(new URL(server.url).port), protocol: 'http/1.1', reused: false });
  });
});
