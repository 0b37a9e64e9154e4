import { describe, expect, it } from 'vitest';
import { startTestEngine } from '../../../helpers/engine.ts';
import { waitFor } from '../../../helpers/wait-for.ts';
import { lastState, startWsServer, statesOf, wsSpec } from '../../../helpers/ws.ts';

const reconnecting = { enabled: true, maxAttempts: 5, initialDelayMs: 50 };

describe('auto-reconnect', () => {
  it('is off by default: a dropped connection stays closed, reported as RESET (1006)', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('no-retry', wsSpec(`${server.url}/echo`));

    server.dropAll();

    await waitFor(() => lastState(events, 'no-retry')?.state === 'closed', 5_000, 'the drop to be noticed');
    expect(lastState(events, 'no-retry')).toMatchObject({ close: { code: 1006, by: 'network' }, error: { code: 'RESET' } });
    expect(server.connections).toHaveLength(1);
  });

  it('when on, reconnects after the server drops the connection, and the new connection works', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('retry', wsSpec(`${server.url}/echo`, { autoReconnect: reconnecting }));

    server.dropAll();

    await waitFor(() => server.connections.length === 2 && lastState(events, 'retry')?.state === 'open', 5_000, 'the reconnect');
    expect(statesOf(events, 'retry').map((state) => state.state)).toEqual(['connecting', 'open', 'reconnecting', 'connecting', 'open']);
    expect(statesOf(events, 'retry')[2]).toMatchObject({
      close: { code: 1006 },
      error: { code: 'RESET' },
      reconnect: { attempt: 1, maxAttempts: 5, delayMs: 50 },
    });
    engine.ws.send('retry', { type: 'text', text: 'after the reconnect' });
    await waitFor(() => server.connections[1]!.received.length === 1, 5_000, 'the message on the new connection');
  });

  it('backs off between failed attempts and gives up after the maximum', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('give-up', wsSpec(`${server.url}/echo`, { autoReconnect: { enabled: true, maxAttempts: 3, initialDelayMs: 20 } }));

    await server.close();

    await waitFor(() => lastState(events, 'give-up')?.state === 'closed', 5_000, 'the attempts to run out');
    const waits = statesOf(events, 'give-up')
      .filter((state) => state.state === 'reconnecting')
      .map((state) => state.reconnect?.delayMs);
    expect(waits).toEqual([20, 40, 80]);
    expect(lastState(events, 'give-up')).toMatchObject({ error: { code: 'REFUSED' } });
  });

  it('a disconnect while waiting to reconnect stops the attempts', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.ws.connect('stop', wsSpec(`${server.url}/echo`, { autoReconnect: { enabled: true, maxAttempts: 5, initialDelayMs: 60_000 } }));
    server.dropAll();
    await waitFor(() => lastState(events, 'stop')?.state === 'reconnecting', 5_000, 'the wait before reconnecting');

    expect(await engine.ws.disconnect('stop')).toBe(true);

    expect(lastState(events, 'stop')).toMatchObject({ state: 'closed', close: { code: 1006 } });
    expect(server.connections).toHaveLength(1);
  });
});
