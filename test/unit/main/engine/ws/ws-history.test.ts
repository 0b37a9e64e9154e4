import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WsHistoryEntry } from '../../../../../shared/model/history.ts';
import { startTestEngine } from '../../../helpers/engine.ts';
import { failureOf } from '../../../helpers/failure.ts';
import { waitFor } from '../../../helpers/wait-for.ts';
import { lastState, messagesOf, startWsServer, wsSpec } from '../../../helpers/ws.ts';

const SECRET = 'sk-live-7f3a9b2c5d';

async function openSession(engine: Awaited<ReturnType<typeof startTestEngine>>['engine'], id: number): Promise<WsHistoryEntry> {
  const { entry } = await engine.history.open(id);
  expect(entry.kind).toBe('websocket');
  return entry as WsHistoryEntry;
}

describe('WebSocket sessions in history', () => {
  it('a session is one entry once it closes: handshake, every message both ways, and the close code and reason', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();

    await engine.ws.connect('s1', wsSpec(`${server.url}/echo`, { params: [{ name: 'room', value: 'blue', enabled: true }] }), { source: { tabId: 'tab-7' } });
    engine.ws.send('s1', { type: 'text', text: 'hello quokka' });
    engine.ws.send('s1', { type: 'binary', base64: Buffer.from([0, 1, 2, 255]).toString('base64') });
    await waitFor(() => messagesOf(events, 's1').filter((message) => message.direction === 'in').length === 2, 5_000, 'both echoes');
    engine.ws.send('s1', { type: 'text', text: 'close 4001 bye' });
    await waitFor(() => lastState(events, 's1')?.state === 'closed', 5_000, 'the server closing');
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'WS', url: `${server.url}/echo?room=blue`, status: 101, errorCode: null });
    const entry = await openSession(engine, entries[0]!.id);
    expect(entry.source).toEqual({ tabId: 'tab-7' });
    expect(entry.request.url).toBe(`${server.url}/echo`);
    expect(entry.session.handshake).toMatchObject({ status: 101, url: `${server.url}/echo?room=blue` });
    expect(entry.session.close).toEqual({ code: 4001, reason: 'bye', by: 'server' });
    const kept = entry.session.messages.map(({ direction, type, text, base64 }) => ({ direction, type, text, base64 }));
    expect(kept).toEqual(
      expect.arrayContaining([
        { direction: 'out', type: 'text', text: 'hello quokka', base64: undefined },
        { direction: 'in', type: 'text', text: 'hello quokka', base64: undefined },
        { direction: 'in', type: 'binary', text: undefined, base64: 'AAEC/w==' },
      ]),
    );
    expect(entry.session.messageCount).toBe(entry.session.messages.length);
    expect(entry.session.bytesIn).toBeGreaterThanOrEqual('hello quokka'.length + 4);
    // What was said is searchable, like a response body.
    expect((await engine.history.search({ limit: 10, query: 'quokka' })).entries.map((found) => found.id)).toEqual([entries[0]!.id]);
  });

  it('a refused handshake is recorded with its status and error; a connection refused before any byte is not', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();

    expect((await failureOf(engine.ws.connect('refused', wsSpec(`${server.url}/guarded`)))).code).toBe('HANDSHAKE_REJECTED');
    expect((await failureOf(engine.ws.connect('invalid', wsSpec('ws://exa mple.com/')))).code).toBe('INVALID_URL');
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    expect(entries.map(({ url, status, errorCode }) => ({ url, status, errorCode }))).toEqual([
      { url: `${server.url}/guarded`, status: 403, errorCode: 'HANDSHAKE_REJECTED' },
    ]);
  });

  it('secrets in headers, in variables and echoed back in messages never reach the history files', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();

    await engine.ws.connect('secret', wsSpec(`${server.url}/echo`, { headers: [{ name: 'Authorization', value: `Bearer ${SECRET}`, enabled: true }] }), {
      secretValues: async () => [SECRET],
    });
    engine.ws.send('secret', { type: 'text', text: `my token is ${SECRET}` });
    await waitFor(() => messagesOf(events, 'secret').some((message) => message.direction === 'in'), 5_000, 'the echo');
    await engine.ws.disconnect('secret');
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    const entry = await openSession(engine, entries[0]!.id);
    expect(entry.request.headers).toEqual([{ name: 'Authorization', value: 'Bearer [redacted]', enabled: true }]);
    expect(entry.session.messages.filter((message) => message.type === 'text').map((message) => message.text)).toEqual([
      'my token is [redacted]',
      'my token is [redacted]',
    ]);
    expect(entry.session.close).toMatchObject({ code: 1000, by: 'client' });
    await engine.close();
    for (const name of await readdir(engine.dataDir, { recursive: true })) {
      const path = join(engine.dataDir, name);
      const bytes = await readFile(path).catch(() => Buffer.alloc(0));
      expect(bytes.includes(SECRET), `${name} holds the secret`).toBe(false);
    }
  });

  it('past the history body cap every message is still counted, and the first ones are kept', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();
    await engine.settings.update({ historyMaxBodyBytes: 2_000 });

    await engine.ws.connect('burst', wsSpec(`${server.url}/echo`));
    engine.ws.send('burst', { type: 'text', text: 'burst 200' });
    await waitFor(() => messagesOf(events, 'burst').filter((message) => message.direction === 'in').length === 200, 5_000, '200 messages');
    await engine.ws.disconnect('burst');
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    const entry = await openSession(engine, entries[0]!.id);
    expect(entry.session.messageCount).toBeGreaterThanOrEqual(202);
    expect(entry.session.messages.length).toBeGreaterThan(5);
    expect(entry.session.messages.length).toBeLessThan(entry.session.messageCount);
    expect(entry.session.messages[0]).toMatchObject({ direction: 'out', text: 'burst 200' });
  });

  it('reconnects stay one session, and a drop the reconnect recovered from is not how it ended', async () => {
    const server = await startWsServer();
    const { engine, events } = await startTestEngine();

    await engine.ws.connect('flaky', wsSpec(`${server.url}/echo`, { autoReconnect: { enabled: true, maxAttempts: 5, initialDelayMs: 50 } }));
    server.dropAll();
    await waitFor(() => server.connections.length === 2 && lastState(events, 'flaky')?.state === 'open', 5_000, 'the reconnect');
    await engine.ws.disconnect('flaky');
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    expect(entries.map(({ method, status, errorCode }) => ({ method, status, errorCode }))).toEqual([{ method: 'WS', status: 101, errorCode: null }]);
    expect((await openSession(engine, entries[0]!.id)).session.close).toMatchObject({ code: 1000, by: 'client' });
  });

  it('with history recording off a session is not recorded', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    await engine.settings.update({ historyRecording: false });

    await engine.ws.connect('unrecorded', wsSpec(`${server.url}/echo`));
    await engine.ws.disconnect('unrecorded');
    await engine.history.idle();

    expect((await engine.history.search({ limit: 10 })).entries).toEqual([]);
  });

  it('a connection still open when the engine closes is recorded as a session too', async () => {
    const server = await startWsServer();
    const { engine } = await startTestEngine();
    const dataDir = engine.dataDir;

    await engine.ws.connect('left-open', wsSpec(`${server.url}/echo`));
    await engine.close();

    const reopened = await startTestEngine({ dataDir });
    const { entries } = await reopened.engine.history.search({ limit: 10 });
    expect(entries.map(({ method, status }) => ({ method, status }))).toEqual([{ method: 'WS', status: 101 }]);
  });
});
