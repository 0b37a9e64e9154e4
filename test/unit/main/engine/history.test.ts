import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../shared/contract/events.ts';
import { closedPort, WORDS } from '../../../fixtures/servers/http-fixture.ts';
import { httpSpec, readWholeBody, startFixture, startTestEngine } from '../../helpers/engine.ts';
import { transportFixture } from '../../helpers/transport-servers.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { waitFor } from '../../helpers/wait-for.ts';

const historyEvents = (events: EventMessage[]) => events.filter((message) => message.event === 'history.changed');

describe('engine history: recording', () => {
  it('records answered and failed sends, but not requests refused before sending', async () => {
    const fixture = await startFixture();
    const { engine, router } = await startTestEngine();
    const refusedPort = await closedPort();

    await engine.http.send('ok', httpSpec(`${fixture.url}/json`));
    await expect(engine.http.send('refused', httpSpec(`http://127.0.0.1:${refusedPort}/x`))).rejects.toMatchObject({ code: 'REFUSED' });
    await expect(engine.http.send('invalid', httpSpec('http://exa mple.com/'))).rejects.toMatchObject({ code: 'INVALID_URL' });
    await expect(engine.http.send('scheme', httpSpec('file:///etc/passwd'))).rejects.toMatchObject({ code: 'UNSUPPORTED_SCHEME' });

    const result = await router.invoke('history.search', { limit: 50 });
    expect(result.ok).toBe(true);
    const { entries } = (result as { ok: true; value: { entries: { url: string; status: number | null; errorCode: string | null }[] } }).value;
    expect(entries.map(({ url, status, errorCode }) => ({ url, status, errorCode }))).toEqual([
      { url: `http://127.0.0.1:${refusedPort}/x`, status: null, errorCode: 'REFUSED' },
      { url: `${fixture.url}/json`, status: 200, errorCode: null },
    ]);
  });

  it('http.send returns before history writes anything; the write and its event follow', async () => {
    const fixture = await startFixture();
    const { engine, events } = await startTestEngine();

    const meta = await engine.http.send('fast', httpSpec(`${fixture.url}/json`));

    expect(meta.status).toBe(200);
    expect(historyEvents(events)).toEqual([]);
    await waitFor(() => historyEvents(events).length > 0, 5_000, 'the history.changed event');
    expect(historyEvents(events)[0]!.payload).toMatchObject({ reason: 'added', ids: [expect.any(Number)] });
  });

  it('with recording switched off in the settings nothing new is recorded; switched on again, it is', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    await engine.http.send('before', httpSpec(`${fixture.url}/word/0`));
    await engine.settings.update({ historyRecording: false });
    const meta = await engine.http.send('off', httpSpec(`${fixture.url}/word/1`));
    expect(meta.status).toBe(200);
    await engine.settings.update({ historyRecording: true });
    await engine.http.send('after', httpSpec(`${fixture.url}/word/2`));
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    expect(entries.map((entry) => entry.url)).toEqual([`${fixture.url}/word/2`, `${fixture.url}/word/0`]);
  });

  it('lists a redirected send as the request the user sent, and finds it by where it ended up too', async () => {
    const fixture = await transportFixture();
    const { engine } = await startTestEngine();
    const sentUrl = `${fixture.url}/redirect/2?status=303`;

    const meta = await engine.http.send('post', httpSpec(sentUrl, { method: 'POST', body: { mode: 'text', text: 'order' } }));
    expect(meta).toMatchObject({ method: 'GET', url: `${fixture.url}/redirect/1?status=303`, status: 200 });
    await engine.history.idle();

    const { entries } = await engine.history.search({ limit: 10 });
    expect(entries.map(({ method, url, status }) => ({ method, url, status }))).toEqual([{ method: 'POST', url: sentUrl, status: 200 }]);
    expect((await engine.history.search({ limit: 10, query: 'redirect/1' })).entries.map((entry) => entry.url)).toEqual([sentUrl]);
  });

  it('keeps the body even when the UI released it right after the send', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();

    const meta = await engine.http.send('released', httpSpec(`${fixture.url}/word/3`));
    await engine.bodies.release(meta.bodyId);

    const { entries } = await engine.history.search({ limit: 5, query: WORDS[3] });
    expect(entries).toHaveLength(1);
  });
});

describe('engine history: opening an entry', () => {
  it('restores the request as composed and the response with its body readable by reference', async () => {
    const fixture = await startFixture();
    const { engine, router } = await startTestEngine();
    const spec = httpSpec(`${fixture.url}/echo?x=1`, {
      method: 'POST',
      headers: [
        { name: 'X-Trace', value: 'abc', enabled: true },
        { name: 'X-Off', value: 'kept', enabled: false },
      ],
      body: { mode: 'json', text: '{"hello":"history"}' },
    });
    const sent = await router.invoke('http.send', { runId: 'to-open', request: spec, source: { tabId: 'tab-7' } });
    expect(sent.ok).toBe(true);
    const original = sent.ok ? (sent.value as { bodyId: string }) : undefined;
    const originalBody = await readWholeBody(engine, original!.bodyId);

    const [summary] = (await engine.history.search({ limit: 1 })).entries;
    const opened = await engine.history.open(summary!.id);

    expect(opened.entry.request).toEqual(spec);
    expect(opened.entry).toMatchObject({ runId: 'to-open', source: { tabId: 'tab-7' }, method: 'POST', status: 200, requestBodyTruncated: false });
    expect(opened.response).toMatchObject({ runId: `history-${summary!.id}`, status: 200, statusText: 'OK', url: `${fixture.url}/echo?x=1` });
    expect(opened.response!.requestHeaders).toContainEqual(['X-Trace', 'abc']);
    expect(opened.response!.bodyId).not.toBe(original!.bodyId);
    expect((await readWholeBody(engine, opened.response!.bodyId)).equals(originalBody)).toBe(true);
  });

  it('a failed entry opens with its error and no response; an unknown id is NOT_FOUND', async () => {
    const { engine, router } = await startTestEngine();
    const port = await closedPort();
    await expect(engine.http.send('down', httpSpec(`http://127.0.0.1:${port}/`))).rejects.toMatchObject({ code: 'REFUSED' });
    const [summary] = (await engine.history.search({ limit: 1 })).entries;

    const opened = await engine.history.open(summary!.id);
    expect(opened.response).toBeNull();
    expect(opened.entry.error).toMatchObject({ code: 'REFUSED' });
    expect(await router.invoke('history.open', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('engine history: comparing responses', () => {
  it('finds the previous response of the same request and diffs it: only the changed JSON field differs', async () => {
    const fixture = await startFixture();
    const { engine, router } = await startTestEngine();
    await engine.http.send('c1', httpSpec(`${fixture.url}/counter`));
    await engine.http.send('other', httpSpec(`${fixture.url}/json`));
    await engine.http.send('c2', httpSpec(`${fixture.url}/counter`));

    const neighbours = await engine.history.neighbours('c2');
    expect(neighbours.entry?.url).toBe(`${fixture.url}/counter`);
    expect(neighbours.previous?.url).toBe(`${fixture.url}/counter`);
    expect(neighbours.previous!.id).toBeLessThan(neighbours.entry!.id);
    // From a tab reopened from history the same works, by its history run id.
    expect((await engine.history.neighbours(`history-${neighbours.entry!.id}`)).previous?.id).toBe(neighbours.previous!.id);

    const result = await router.invoke('history.diff', { leftId: neighbours.previous!.id, rightId: neighbours.entry!.id });
    expect(result.ok).toBe(true);
    const diff = (result as { ok: true; value: Awaited<ReturnType<typeof engine.history.diff>> }).value;
    expect(diff.body).toMatchObject({ format: 'json', changes: 1, changedPaths: ['$.count'], identical: false });
    expect(diff.body.rows.filter((row) => row.kind !== 'same')).toEqual([
      { kind: 'changed', left: { line: 3, text: '  "count": 1,' }, right: { line: 3, text: '  "count": 2,' }, path: '$.count' },
    ]);
    const changedHeaders = diff.headers.filter((row) => row.kind !== 'same');
    // X-Request-Id changes every call and is volatile; Date may or may not have ticked (also volatile).
    expect(changedHeaders.every((row) => row.volatile)).toBe(true);
    expect(changedHeaders.map((row) => row.name)).toContain('X-Request-Id');
  });

  it('a response with no earlier one of the same request has no previous', async () => {
    const fixture = await startFixture();
    const { engine } = await startTestEngine();
    await engine.http.send('only', httpSpec(`${fixture.url}/counter`));
    expect(await engine.history.neighbours('only')).toMatchObject({ entry: { url: `${fixture.url}/counter` }, previous: null });
    expect(await engine.history.neighbours('never-sent')).toEqual({ entry: null, previous: null });
  });
});

describe('engine history: deleting, retention, secrets and damage', () => {
  it('deletes entries and clears all, telling the UI each time', async () => {
    const fixture = await startFixture();
    const { engine, router, events } = await startTestEngine();
    for (let i = 0; i < 3; i++) await engine.http.send(`d${i}`, httpSpec(`${fixture.url}/word/${i}`));
    const ids = (await engine.history.search({ limit: 10 })).entries.map((entry) => entry.id);

    expect(await router.invoke('history.delete', { ids: [ids[0]] })).toEqual({ ok: true, value: { deleted: 1 } });
    expect(historyEvents(events).at(-1)?.payload).toEqual({ reason: 'deleted', ids: [ids[0]] });
    expect((await engine.history.search({ limit: 10 })).entries.map((entry) => entry.id)).toEqual(ids.slice(1));

    expect(await router.invoke('history.clear', {})).toEqual({ ok: true, value: { deleted: 2 } });
    expect(historyEvents(events).at(-1)?.payload).toEqual({ reason: 'cleared' });
    expect(await router.invoke('history.status', {})).toMatchObject({ ok: true, value: { entries: 0, notice: null } });
  });

  it('enforces the maximum number of entries in the background after sends', async () => {
    const fixture = await startFixture();
    const { engine, events } = await startTestEngine();
    await engine.settings.update({ historyMaxEntries: 3 });
    for (let i = 0; i < 6; i++) await engine.http.send(`r${i}`, httpSpec(`${fixture.url}/word/${i}`));

    await engine.history.idle();

    expect((await engine.history.status()).entries).toBe(3);
    const urls = (await engine.history.search({ limit: 10 })).entries.map((entry) => entry.url);
    expect(urls).toEqual([5, 4, 3].map((i) => `${fixture.url}/word/${i}`));
    // The UI is told, so an open list drops what retention removed.
    expect(historyEvents(events).some((message) => message.payload.reason === 'deleted')).toBe(true);
  });

  it('a canary secret sent in Authorization and Cookie (and echoed back) never reaches the database files', async () => {
    const fixture = await startFixture();
    const { engine, dataDir } = await startTestEngine();
    const canary = 'CANARY-e2e-0c3a9f71d2';
    await engine.http.send(
      'secret',
      httpSpec(`${fixture.url}/echo`, {
        headers: [
          { name: 'Authorization', value: `Bearer ${canary}`, enabled: true },
          { name: 'Cookie', value: `sid=${canary}-cookie`, enabled: true },
        ],
      }),
    );
    await engine.history.idle();
    await engine.close();

    const files = (await readdir(dataDir)).filter((name) => name.startsWith('history.db'));
    expect(files).toContain('history.db');
    for (const name of files) expect((await readFile(join(dataDir, name))).includes(canary), name).toBe(false);
  });

  it('a secret variable resolved into a request body is in the timeline of the send, never in the database files', async () => {
    const fixture = await transportFixture();
    const { engine, dataDir } = await startTestEngine();
    const canary = 'CANARY-body-5e1d7c20a4';
    const composed = httpSpec(`${fixture.url}/echo`, { method: 'POST', body: { mode: 'json', text: '{"token":"{{token}}"}' } });

    // As the http.send command runs a send: the request resolved, and the secret values history must remove.
    const meta = await engine.http.send('secret-body', composed, {
      prepare: async (spec) => ({ ...spec, body: { ...spec.body, text: spec.body.text.replace('{{token}}', canary) } }),
      secretValues: async () => [canary],
    });
    await engine.history.idle();
    const [entry] = (await engine.history.search({ limit: 1 })).entries;
    const opened = await engine.history.open(entry!.id);
    await engine.close();

    expect(meta.exchanges![0]!.requestBody?.text).toBe(`{"token":"${canary}"}`);
    expect(opened.response?.exchanges?.[0]?.requestBody?.text).toBe('{"token":"[redacted]"}');
    const files = (await readdir(dataDir)).filter((name) => name.startsWith('history.db'));
    for (const name of files) expect((await readFile(join(dataDir, name))).includes(canary), name).toBe(false);
  });

  it('a damaged history.db at start is moved aside and the UI can read why', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'history.db'), 'garbage, not a database '.repeat(100));
    const { router } = await startTestEngine({ dataDir });

    const status = await router.invoke('history.status', {});
    expect(status).toMatchObject({ ok: true, value: { entries: 0, notice: { kind: 'corrupt', movedTo: expect.stringContaining('history.db.corrupt-') } } });
    expect((await readdir(dataDir)).some((name) => name.startsWith('history.db.corrupt-'))).toBe(true);
  });

  it('validates history payloads like every other command', async () => {
    const { router } = await startTestEngine();
    expect(await router.invoke('history.search', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.invoke('history.search', { limit: 10, statusClass: '6xx' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.invoke('history.delete', { ids: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.invoke('history.open', { id: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
