import { describe, expect, it, onTestFinished } from 'vitest';
import { createTransportPool } from '../../../../main/engine/http/transport/transport-pool.ts';
import { certPath } from '../../../fixtures/servers/test-certificates.ts';
import { failureOf } from '../../helpers/failure.ts';

function pool() {
  const transports = createTransportPool({ proxyEnvironment: {} });
  onTestFinished(() => transports.close());
  return transports;
}

describe('transport pool: one dispatcher per distinct configuration', () => {
  const url = new URL('https://api.example/');

  it('requests without settings share the default agent, synchronously', () => {
    const transports = pool();
    const first = transports.dispatcherFor(url, undefined);
    expect(first).not.toBeInstanceOf(Promise);
    expect(transports.dispatcherFor(new URL('http://other.example/'), {})).toBe(first);
  });

  it('each TLS / version / proxy / timeout variation gets its own, reused for the same variation', async () => {
    const transports = pool();
    const base = await transports.dispatcherFor(url, undefined);
    const variations = [{ verifyTls: false }, { httpVersion: 'http1' as const }, { proxyUrl: 'http://127.0.0.1:3128' }, { caCert: { kind: 'path' as const, path: certPath('ca.pem') } }];

    const dispatchers = await Promise.all(variations.map((settings) => transports.dispatcherFor(url, settings)));
    const again = await Promise.all(variations.map((settings) => transports.dispatcherFor(url, settings)));

    expect(new Set([base, ...dispatchers]).size).toBe(variations.length + 1);
    expect(again).toEqual(dispatchers);
    expect(await transports.dispatcherFor(url, undefined, 500)).not.toBe(base);
  });

  it('a CA file that does not exist is a VALIDATION error naming it', async () => {
    const transports = pool();
    const failure = await failureOf(Promise.resolve(transports.dispatcherFor(url, { caCert: { kind: 'path', path: '/no/such/ca.pem' } })));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.detail).toMatchObject({ what: 'CA certificate', path: '/no/such/ca.pem', reason: 'no such file' });
  });

  it('an unusable proxy URL is a VALIDATION error', () => {
    const transports = pool();
    expect(() => transports.dispatcherFor(url, { proxyUrl: 'ftp://proxy:21' })).toThrow(/http:\/\/, https:\/\/ or socks5/);
  });
});
