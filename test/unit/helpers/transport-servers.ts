import { onTestFinished } from 'vitest';
import type { Engine } from '../../../main/engine/engine.ts';
import type { RawHeader } from '../../../shared/model/response.ts';
import { startH2Fixture, type H2Fixture } from '../../fixtures/servers/h2-fixture.ts';
import { startHostileFixture, type HostileFixture } from '../../fixtures/servers/hostile-fixture.ts';
import { startProxyFixture, type ProxyFixture } from '../../fixtures/servers/proxy-fixture.ts';
import type { ServerCertificate } from '../../fixtures/servers/test-certificates.ts';
import { startTlsFixture, type TlsFixture } from '../../fixtures/servers/tls-fixture.ts';
import { startTransportFixture, type TransportFixture } from '../../fixtures/servers/transport-fixture.ts';
import { readWholeBody } from './engine.ts';

/** Each fixture server below is closed when the current test ends. */
export async function transportFixture(): Promise<TransportFixture> {
  return closedAtEnd(await startTransportFixture());
}

export async function h2Fixture(options: Parameters<typeof startH2Fixture>[0] = {}): Promise<H2Fixture> {
  return closedAtEnd(await startH2Fixture(options));
}

export async function tlsFixture(certificate: ServerCertificate, options: { requireClientCert?: boolean } = {}): Promise<TlsFixture> {
  return closedAtEnd(await startTlsFixture(certificate, options));
}

export async function hostileFixture(): Promise<HostileFixture> {
  return closedAtEnd(await startHostileFixture());
}

export async function proxyFixture(options: Parameters<typeof startProxyFixture>[0] = {}): Promise<ProxyFixture> {
  return closedAtEnd(await startProxyFixture(options));
}

function closedAtEnd<T extends { close(): Promise<void> }>(fixture: T): T {
  onTestFinished(() => fixture.close());
  return fixture;
}

/** A response body read back through the body store and parsed as JSON. */
export async function jsonOf<T>(engine: Engine, bodyId: string): Promise<T> {
  return JSON.parse((await readWholeBody(engine, bodyId)).toString('utf8')) as T;
}

/** Every value of a header in a raw list, compared case-insensitively. */
export function valuesOf(headers: readonly RawHeader[] | readonly string[], name: string): string[] {
  const pairs: [string, string][] = Array.isArray(headers[0]) ? [...(headers as RawHeader[])] : pairsOf(headers as string[]);
  return pairs.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
}

function pairsOf(flat: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  return pairs;
}
