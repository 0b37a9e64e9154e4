import { describe, expect, it } from 'vitest';
import { startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { waitFor } from '../../../helpers/wait-for.ts';
import { lastState, messagesOf, startHostileServer, startWsServer, wsSpec } from '../../../helpers/ws.ts';

/** After a hostile peer, the engine must still do ordinary work. */
async function stillWorks(engine: Awaited<ReturnType<typeof startTestEngine>>['engine']): Promise<void> {
  const server = await startWsServer();
  await engine.ws.connect('afterwards', wsSpec(`${server.url}/echo`));
  engine.ws.send('afterwards', { type: 'text', text: 'still here' });
  await waitFor(() => server.connections[0]?.received.length === 1, 5_000, 'a message after the hostile peer');
}

describe('hostile peers: each ends in a clear state and the engine keeps working', () => {
  it('a message over the default 16 MiB maximum closes the connection with 1009 and MESSAGE_TOO_LARGE', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('oversized', wsSpec(`${server.url}/echo`));

    engine.ws.send('oversized', { type: 'text', text: `big ${16 * 1024 * 1024 + 1}` });

    await waitFor(() => lastState(events, 'oversized')?.state === 'closed', 10_000, 'the connection to close');
    expect(lastState(events, 'oversized')).toMatchObject({
      close: { code: 1009, by: 'client' },
      error: { code: 'MESSAGE_TOO_LARGE', detail: { limit: '16 MiB', limitBytes: 16 * 1024 * 1024 } },
    });
    expect(messagesOf(events, 'oversized').at(-1)).toMatchObject({ direction: 'out', type: 'close', code: 1009 });
    await waitFor(() => server.connections[0]!.closed !== undefined, 5_000, 'the server to see the close');
    expect(server.connections[0]!.closed?.code).toBe(1009);
    await stillWorks(engine);
  });

  it('the limit is configurable per connection', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('small-limit', wsSpec(`${server.url}/echo`, { maxMessageBytes: 1024 }));

    engine.ws.send('small-limit', { type: 'text', text: 'x'.repeat(1024) });
    engine.ws.send('small-limit', { type: 'text', text: 'x'.repeat(1025) });

    await waitFor(() => lastState(events, 'small-limit')?.state === 'closed', 5_000, 'the connection to close');
    expect(lastState(events, 'small-limit')).toMatchObject({ error: { code: 'MESSAGE_TOO_LARGE', detail: { limit: '1 KiB' } } });
    // The message of exactly the limit arrived; the one byte over did not.
    expect(messagesOf(events, 'small-limit').filter((message) => message.direction === 'in' && message.type === 'text')).toHaveLength(1);
  });

  it('a frame header claiming 2^63 bytes closes with 1009 and a clear error', async () => {
    const hostile = await startHostileServer('huge-length');
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('huge', wsSpec(hostile.url));

    await waitFor(() => lastState(events, 'huge')?.state === 'closed', 5_000, 'the connection to close');
    expect(lastState(events, 'huge')).toMatchObject({
      close: { code: 1009, by: 'client' },
      error: { code: 'MESSAGE_TOO_LARGE', detail: { reason: 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH' } },
    });
    expect(hostile.closeFrames).toEqual([{ code: 1009, reason: '' }]);
    await stillWorks(engine);
  });

  it('a text frame that is not valid UTF-8 closes with 1007 and INVALID_FRAME', async () => {
    const hostile = await startHostileServer('invalid-utf8');
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('utf8', wsSpec(hostile.url));

    await waitFor(() => lastState(events, 'utf8')?.state === 'closed', 5_000, 'the connection to close');
    expect(lastState(events, 'utf8')).toMatchObject({
      close: { code: 1007, by: 'client' },
      error: { code: 'INVALID_FRAME', detail: { closeCode: 1007, reason: 'a text message that is not valid UTF-8' } },
    });
    expect(hostile.closeFrames).toEqual([{ code: 1007, reason: '' }]);
    // Nothing half-decoded reached the log.
    expect(messagesOf(events, 'utf8').filter((message) => message.type === 'text')).toEqual([]);
    await stillWorks(engine);
  });

  it('a handshake that never completes times out after the connect timeout', async () => {
    const hostile = await startHostileServer('never-handshake');
    const { engine, events } = await startTestEngine();
    const started = Date.now();

    const failure = await failureOf(engine.ws.connect('silent', wsSpec(hostile.url, { connectTimeoutMs: 300 })));

    expect(failure.code).toBe('TIMEOUT');
    expect(failure.detail).toMatchObject({ host: '127.0.0.1', timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lastState(events, 'silent')).toMatchObject({ state: 'closed', error: { code: 'TIMEOUT' } });
    expect(hostile.connections).toBe(1);
    await stillWorks(engine);
  });

  it('a peer that stops answering pings is detected and dropped with PING_TIMEOUT', async () => {
    const hostile = await startHostileServer('ignore-pings');
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('mute', wsSpec(hostile.url, { pingIntervalMs: 100 }));

    await waitFor(() => lastState(events, 'mute')?.state === 'closed', 5_000, 'the dead peer to be detected');
    expect(lastState(events, 'mute')).toMatchObject({
      close: { code: 1006, by: 'network' },
      error: { code: 'PING_TIMEOUT', detail: { host: '127.0.0.1', timeoutMs: 100 } },
    });
    expect(messagesOf(events, 'mute').some((message) => message.direction === 'out' && message.type === 'ping')).toBe(true);
    await stillWorks(engine);
  });

  it('disconnecting while the handshake hangs cancels it', async () => {
    const hostile = await startHostileServer('never-handshake');
    const { engine, events } = await startTestEngine();
    const connecting = engine.ws.connect('cancelled', wsSpec(hostile.url, { connectTimeoutMs: 0 }));
    await waitFor(() => hostile.connections === 1, 5_000, 'the TCP connection');

    expect(await engine.ws.disconnect('cancelled')).toBe(true);

    expect((await failureOf(connecting)).code).toBe('CANCELLED');
    // Stopping on purpose is shown as a plain close, not as an error.
    expect(lastState(events, 'cancelled')).toMatchObject({ state: 'closed' });
    expect(lastState(events, 'cancelled')?.error).toBeUndefined();
  });
});
