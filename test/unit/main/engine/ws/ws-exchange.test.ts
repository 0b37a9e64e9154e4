import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GUARD } from '../../../../fixtures/servers/ws-fixture.ts';
import { readWholeBody, startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { waitFor } from '../../../helpers/wait-for.ts';
import { lastState, messagesOf, startWsServer, statesOf, wsSpec } from '../../../helpers/ws.ts';

describe('ws.connect: the handshake', () => {
  it('offers the subprotocol and sends the custom header; the handshake details say what was negotiated', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();

    const handshake = await engine.ws.connect(
      'guarded',
      wsSpec(`${server.url}/guarded`, {
        subprotocols: ['other.v0', GUARD.protocol],
        headers: [{ name: GUARD.header, value: GUARD.value, enabled: true }],
        params: [{ name: 'room', value: 'a b', enabled: true }],
      }),
    );

    const seen = server.connections[0]!;
    expect(seen.offeredProtocols).toEqual(['other.v0', GUARD.protocol]);
    expect(seen.headers[GUARD.header.toLowerCase()]).toBe(GUARD.value);
    expect(handshake.protocol).toBe(GUARD.protocol);
    expect(handshake.status).toBe(101);
    expect(handshake.url).toBe(`${server.url}/guarded?room=a+b`);
    expect(handshake.requestHeaders).toContainEqual([GUARD.header, GUARD.value]);
    expect(handshake.requestHeaders).toContainEqual(['Sec-WebSocket-Protocol', `other.v0,${GUARD.protocol}`]);
    expect(handshake.requestHeaders.map(([name]) => name)).toEqual(expect.arrayContaining(['Host', 'Upgrade', 'Sec-WebSocket-Key']));
    expect(handshake.responseHeaders.map(([name]) => name.toLowerCase())).toContain('sec-websocket-accept');
    // Compression is offered; this server declines it, so nothing was negotiated.
    expect(handshake.requestHeaders.find(([name]) => name === 'Sec-WebSocket-Extensions')?.[1]).toContain('permessage-deflate');
    expect(handshake.extensions).toBe('');
    expect(handshake.openMs).toBeGreaterThanOrEqual(0);
    expect(statesOf(events, 'guarded').map((state) => state.state)).toEqual(['connecting', 'open']);
    expect(lastState(events, 'guarded')?.handshake?.protocol).toBe(GUARD.protocol);
  });

  it('a handshake the server refuses is HANDSHAKE_REJECTED with the status, and its response headers are kept', async () => {
    const server = await startWsServer();
    const { engine, events, router } = await startTestEngine();

    const failure = await failureOf(engine.ws.connect('refused', wsSpec(`${server.url}/guarded`)));

    expect(failure.code).toBe('HANDSHAKE_REJECTED');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', status: 403, reason: 'HTTP 403 Forbidden' });
    const closed = lastState(events, 'refused');
    expect(closed).toMatchObject({ state: 'closed', error: { code: 'HANDSHAKE_REJECTED' }, handshake: { status: 403 } });
    // The same facts reach a UI as a value through the router.
    const result = await router.invoke('ws.connect', { connectionId: 'refused-2', request: wsSpec(`${server.url}/guarded`) });
    expect(result).toMatchObject({ ok: false, error: { code: 'HANDSHAKE_REJECTED', detail: { status: 403 } } });
  });

  it('the same connection id cannot be used twice at once (CONFLICT)', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    await engine.ws.connect('twice', wsSpec(`${server.url}/echo`));

    expect((await failureOf(engine.ws.connect('twice', wsSpec(`${server.url}/echo`)))).code).toBe('CONFLICT');
    expect(server.connections).toHaveLength(1);
  });
});

describe('ws.send and the message log', () => {
  it('a text message is echoed; both directions are logged in order with size and ms timestamps', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('echo', wsSpec(`${server.url}/echo`));
    const before = Date.now();

    const sent = engine.ws.send('echo', { type: 'text', text: 'héllo 🚀' });

    await waitFor(() => messagesOf(events, 'echo').length === 2, 5_000, 'the echo');
    const [out, back] = messagesOf(events, 'echo');
    expect(sent).toEqual({ seq: 1, size: Buffer.byteLength('héllo 🚀') });
    expect(out).toMatchObject({ seq: 1, direction: 'out', type: 'text', text: 'héllo 🚀', size: 11 });
    expect(back).toMatchObject({ seq: 2, direction: 'in', type: 'text', text: 'héllo 🚀', size: 11 });
    expect(back!.time).toBeGreaterThanOrEqual(before);
    expect(Number.isInteger(back!.time)).toBe(true);
    expect(server.connections[0]!.received[0]!.data.toString('utf8')).toBe('héllo 🚀');
  });

  it('binary bytes arrive at the server and come back identical', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('binary', wsSpec(`${server.url}/echo`));
    const bytes = Buffer.concat([Buffer.from([0, 255, 0xc3, 0x28, 10, 13]), randomBytes(2000)]);

    engine.ws.send('binary', { type: 'binary', base64: bytes.toString('base64') });

    await waitFor(() => messagesOf(events, 'binary').length === 2, 5_000, 'the echo');
    const back = messagesOf(events, 'binary')[1]!;
    expect(server.connections[0]!.received[0]).toMatchObject({ isBinary: true });
    expect(server.connections[0]!.received[0]!.data.equals(bytes)).toBe(true);
    expect(back).toMatchObject({ direction: 'in', type: 'binary', size: bytes.length });
    expect(Buffer.from(back.base64!, 'base64').equals(bytes)).toBe(true);
  });

  it('a large message travels as a preview; the whole payload is read by reference with body.read', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('big', wsSpec(`${server.url}/echo`));

    engine.ws.send('big', { type: 'text', text: 'big 200000' });

    await waitFor(() => messagesOf(events, 'big').length === 2, 5_000, 'the big message');
    const big = messagesOf(events, 'big')[1]!;
    expect(big).toMatchObject({ type: 'text', size: 200_000, truncated: true });
    expect(big.text!.length).toBeLessThan(2_000);
    expect((await readWholeBody(engine, big.bodyId!)).toString('utf8')).toBe('x'.repeat(200_000));
  });

  it('a flood reaches the UI in batches of at most 500, numbered without gaps', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('burst', wsSpec(`${server.url}/echo`));

    engine.ws.send('burst', { type: 'text', text: 'burst 3000' });

    await waitFor(() => messagesOf(events, 'burst').length === 3001, 10_000, 'the burst');
    const batches = events.filter((event) => event.event === 'ws.messages');
    expect(batches.length).toBeLessThan(100);
    expect(Math.max(...batches.map((event) => (event.event === 'ws.messages' ? event.payload.messages.length : 0)))).toBeLessThanOrEqual(500);
    expect(messagesOf(events, 'burst').map((message) => message.seq)).toEqual(Array.from({ length: 3001 }, (_, i) => i + 1));
  });

  it('sending on a connection that is not open is NOT_CONNECTED', async () => {
    const { router } = await startTestEngine();
    const result = await router.invoke('ws.send', { connectionId: 'nope', message: { type: 'text', text: 'hi' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('the router refuses malformed base64 and reserved close codes before the engine sees them', async () => {
    const { router } = await startTestEngine();
    expect(await router.invoke('ws.send', { connectionId: 'x', message: { type: 'binary', base64: 'not base64!' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await router.invoke('ws.disconnect', { connectionId: 'x', code: 1006 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('closing', () => {
  it('the server closing with 4001 "bye" is logged as a close frame and reported with code and reason', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('bye', wsSpec(`${server.url}/echo`));

    engine.ws.send('bye', { type: 'text', text: 'close 4001 bye' });

    await waitFor(() => lastState(events, 'bye')?.state === 'closed', 5_000, 'the close');
    expect(lastState(events, 'bye')).toMatchObject({ state: 'closed', close: { code: 4001, reason: 'bye', by: 'server' } });
    expect(lastState(events, 'bye')?.error).toBeUndefined();
    expect(messagesOf(events, 'bye').at(-1)).toMatchObject({ direction: 'in', type: 'close', code: 4001, text: 'bye', size: 3 });
    expect((await failureOf(Promise.resolve().then(() => engine.ws.send('bye', { type: 'text', text: 'late' })))).code).toBe('NOT_CONNECTED');
  });

  it('ws.disconnect sends the chosen code and reason, and resolves once closed', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('leave', wsSpec(`${server.url}/echo`));

    expect(await engine.ws.disconnect('leave', 4100, 'done here')).toBe(true);

    expect(lastState(events, 'leave')).toMatchObject({ state: 'closed', close: { code: 4100, reason: 'done here', by: 'client' } });
    expect(statesOf(events, 'leave').map((state) => state.state)).toEqual(['connecting', 'open', 'closing', 'closed']);
    await waitFor(() => server.connections[0]!.closed !== undefined, 5_000, 'the server to see the close');
    expect(server.connections[0]!.closed).toEqual({ code: 4100, reason: 'done here' });
    expect(messagesOf(events, 'leave').map((message) => [message.direction, message.type, message.code])).toEqual([
      ['out', 'close', 4100],
      ['in', 'close', 4100],
    ]);
    // The id is free again, and an unknown id is simply "not disconnected".
    expect(await engine.ws.disconnect('leave')).toBe(false);
  });

  it('a close reason longer than 123 bytes is refused', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    await engine.ws.connect('long-reason', wsSpec(`${server.url}/echo`));

    expect((await failureOf(engine.ws.disconnect('long-reason', 1000, 'é'.repeat(62)))).code).toBe('VALIDATION');
  });

  it('closing the engine drops open connections', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    await engine.ws.connect('shutdown', wsSpec(`${server.url}/echo`));

    await engine.close();

    await waitFor(() => server.connections[0]!.closed !== undefined, 5_000, 'the server to see the connection end');
  });
});

describe('pings', () => {
  it('a ping from the server is logged with the automatic pong', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('ping', wsSpec(`${server.url}/echo`));

    engine.ws.send('ping', { type: 'text', text: 'ping' });

    await waitFor(() => messagesOf(events, 'ping').length === 3, 5_000, 'the ping and pong');
    expect(messagesOf(events, 'ping').slice(1).map((message) => [message.direction, message.type, message.base64])).toEqual([
      ['in', 'ping', Buffer.from('hello').toString('base64')],
      ['out', 'pong', Buffer.from('hello').toString('base64')],
    ]);
  });

  it('with a ping interval, pings go out and the pongs come back', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('keepalive', wsSpec(`${server.url}/echo`, { pingIntervalMs: 50 }));

    await waitFor(() => messagesOf(events, 'keepalive').filter((message) => message.type === 'pong').length >= 2, 5_000, 'two pongs');
    expect(messagesOf(events, 'keepalive').slice(0, 2).map((message) => [message.direction, message.type])).toEqual([
      ['out', 'ping'],
      ['in', 'pong'],
    ]);
    expect(lastState(events, 'keepalive')?.state).toBe('open');
  });
});
