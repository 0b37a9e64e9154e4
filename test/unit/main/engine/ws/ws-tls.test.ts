import { describe, expect, it } from 'vitest';
import { startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { startWsServer, wsSpec } from '../../../helpers/ws.ts';

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
