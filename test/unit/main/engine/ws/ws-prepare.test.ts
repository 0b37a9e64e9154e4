import { describe, expect, it } from 'vitest';
import type { WsRequestSpec } from '../../../../../shared/model/websocket.ts';
import { startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { startWsServer, wsSpec } from '../../../helpers/ws.ts';

type Case = { what: string; code: string; spec: (base: string) => WsRequestSpec };
const header = (name: string, value: string) => [{ name, value, enabled: true }];
const cases: Case[] = [
  { what: 'an http URL', code: 'UNSUPPORTED_SCHEME', spec: (b) => wsSpec(b.replace('ws:', 'http:')) },
  { what: 'a file URL', code: 'UNSUPPORTED_SCHEME', spec: () => wsSpec('file:///etc/passwd') },
  { what: 'a javascript URL', code: 'UNSUPPORTED_SCHEME', spec: () => wsSpec('javascript:alert(1)') },
  { what: 'a raw CR/LF in the URL', code: 'INVALID_URL', spec: (b) => wsSpec(`${b}/echo\r\nX-Injected: 1`) },
  { what: 'NUL in the URL', code: 'INVALID_URL', spec: (b) => wsSpec(`${b}/echo\0`) },
  { what: '%0d%0a in the path', code: 'INVALID_URL', spec: (b) => wsSpec(`${b}/echo%0d%0aX-Injected:%201`) },
  { what: 'CR/LF in a query parameter', code: 'INVALID_URL', spec: (b) => wsSpec(`${b}/echo`, { params: header('a', 'b\r\nX: 1') }) },
  { what: 'a URL with spaces in the host', code: 'INVALID_URL', spec: () => wsSpec('ws://exa mple.com/') },
  { what: 'an empty URL', code: 'INVALID_URL', spec: () => wsSpec('  ') },
  { what: 'CR/LF in a header value', code: 'INVALID_HEADER', spec: (b) => wsSpec(`${b}/echo`, { headers: header('X-A', 'ok\r\nX-Injected: 1') }) },
  { what: 'NUL in a header name', code: 'INVALID_HEADER', spec: (b) => wsSpec(`${b}/echo`, { headers: header('X-\0A', 'a') }) },
  { what: 'a handshake header set by hand', code: 'INVALID_HEADER', spec: (b) => wsSpec(`${b}/echo`, { headers: header('upgrade', 'h2c') }) },
  { what: 'a subprotocol with a space', code: 'INVALID_HEADER', spec: (b) => wsSpec(`${b}/echo`, { subprotocols: ['chat v2'] }) },
  { what: 'a subprotocol listed twice', code: 'INVALID_HEADER', spec: (b) => wsSpec(`${b}/echo`, { subprotocols: ['a', 'a'] }) },
];

describe('ws.connect: nothing that could smuggle bytes leaves the machine', () => {
  it.each(cases)('$what is refused with $code before any connection', async ({ code, spec }) => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    const failure = await failureOf(engine.ws.connect('refused', spec(server.url)));

    expect(failure.code).toBe(code);
    expect(server.upgrades).toBe(0);
  });

  it('a URL without a scheme is opened as ws://, disabled headers and params stay home', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    const handshake = await engine.ws.connect(
      'bare',
      wsSpec(`127.0.0.1:${server.port}/echo?a=1`, {
        params: [
          { name: 'b', value: '2', enabled: true },
          { name: 'secret', value: 'no', enabled: false },
        ],
        headers: [{ name: 'X-Secret', value: 'do-not-send', enabled: false }],
      }),
    );

    expect(handshake.url).toBe(`${server.url}/echo?a=1&b=2`);
    expect(server.connections[0]!.headers['x-secret']).toBeUndefined();
    expect(server.connections[0]!.headers['user-agent']).toBe('Shuttle/0.1');
  });
});
