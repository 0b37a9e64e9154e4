import { describe, expect, it } from 'vitest';
import type { HistorySearch } from '../../../../../shared/model/history.ts';
import { INLINE_BODY_LIMIT } from '../../../../../main/store/history/body-codec.ts';
import { insertSends, openTestStore, RECORD_OPTIONS, sampleSend } from '../../../helpers/history.ts';

const search = (query: Partial<HistorySearch> = {}): HistorySearch => ({ limit: 100, ...query });

describe('history store: writing and reading back', () => {
  it('lists entries newest first with their summary', async () => {
    const store = await openTestStore();
    await insertSends(store, [sampleSend({ url: 'http://127.0.0.1:3000/first', sentAt: 1_000 })]);
    await insertSends(store, [sampleSend({ method: 'POST', url: 'http://127.0.0.1:3000/second', status: 201, sentAt: 2_000 })]);

    const { entries, nextCursor } = store.search(search());

    expect(entries.map((entry) => entry.url)).toEqual(['http://127.0.0.1:3000/second', 'http://127.0.0.1:3000/first']);
    expect(entries[0]).toMatchObject({ method: 'POST', status: 201, statusText: 'OK', host: '127.0.0.1:3000', sentAt: 2_000, durationMs: 5, errorCode: null });
    expect(nextCursor).toBeNull();
  });

  it('gives back the request spec and the exact response bytes, small (inline) and large (compressed blob)', async () => {
    const store = await openTestStore();
    const large = Buffer.from(JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ i, name: `row ${i}` })) }));
    expect(large.length).toBeGreaterThan(INLINE_BODY_LIMIT);
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const spec = { body: { mode: 'json' as const, text: '{"query":"x"}' }, headers: [{ name: 'X-Trace', value: 'abc', enabled: false }] };
    const [small, big, bytes] = await insertSends(store, [
      sampleSend({ body: '{"ok":true}', spec }),
      sampleSend({ body: large }),
      sampleSend({ body: binary }),
    ]);

    const smallEntry = store.get(small!)!;
    expect(smallEntry.responseBody?.toString()).toBe('{"ok":true}');
    expect(JSON.parse(smallEntry.request.toString())).toMatchObject({ method: 'GET', ...spec });
    expect(store.get(big!)!.responseBody?.equals(large)).toBe(true);
    expect(store.get(bytes!)!.responseBody?.equals(binary)).toBe(true);
  });

  it('records sends on the writer thread, and on its own connection when that thread cannot run', async () => {
    for (const writerScript of [undefined, new URL('./no-such-writer-thread.ts', import.meta.url)]) {
      const store = await openTestStore(writerScript ? { writerScript } : {});
      const first = await store.record([sampleSend({ url: 'http://127.0.0.1:3000/one', body: 'first body' })], RECORD_OPTIONS);
      const second = await store.record([sampleSend({ url: 'http://127.0.0.1:3000/two' }), sampleSend({ url: 'http://127.0.0.1:3000/three' })], RECORD_OPTIONS);

      expect(second.ids).toEqual([first.ids[0]! + 1, first.ids[0]! + 2]);
      expect(second.totals.entries).toBe(3);
      expect(store.search(search()).entries.map((entry) => entry.url)).toEqual([
        'http://127.0.0.1:3000/three',
        'http://127.0.0.1:3000/two',
        'http://127.0.0.1:3000/one',
      ]);
      expect(store.get(first.ids[0]!)!.responseBody?.toString()).toBe('first body');
    }
  });

  it.runIf(process.platform === 'linux')('writes on a thread below normal priority, so sends get the CPU first (Linux; other systems have no per-thread priority to set)', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { constants } = await import('node:os');
    const store = await openTestStore();
    await store.record([sampleSend()], RECORD_OPTIONS);

    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value.
    const niceValues = await Promise.all(
      (await readdir('/proc/self/task')).map(async (tid) => {
        const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      }),
    );
    expect(niceValues).toContain(constants.priority.PRIORITY_BELOW_NORMAL);
  });

  it('keeps a preview of a body over the cap, with the full size', async () => {
    const store = await openTestStore();
    const body = Buffer.alloc(10_000, 'a');
    const [id] = await insertSends(store, [sampleSend({ body })], { maxBodyBytes: 2_000, secretHeaders: [] });

    const entry = store.get(id!)!;
    expect(entry.responseBody?.length).toBe(2_000);
    expect(entry.detail.storedBodyBytes).toBe(2_000);
    expect(entry.summary.responseSize).toBe(10_000);
  });

  it('cuts a request body over the cap and says so', async () => {
    const store = await openTestStore();
    const [id] = await insertSends(store, [sampleSend({ spec: { body: { mode: 'text', text: 'x'.repeat(5_000) } } })], { maxBodyBytes: 1_000, secretHeaders: [] });
    const entry = store.get(id!)!;
    expect(JSON.parse(entry.request.toString()).body.text).toHaveLength(1_000);
    expect(entry.detail.requestBodyTruncated).toBe(true);
  });

  it('records failures with their error and no response', async () => {
    const store = await openTestStore();
    const send = { ...sampleSend({ url: 'http://127.0.0.1:1/x' }), outcome: { kind: 'failure' as const, error: { code: 'REFUSED' as const, message: 'connect ECONNREFUSED' } } };
    const [id] = await insertSends(store, [send]);
    const entry = store.get(id!)!;
    expect(entry.summary).toMatchObject({ status: null, errorCode: 'REFUSED', host: '127.0.0.1:1' });
    expect(entry.detail.response).toBeNull();
    expect(entry.detail.error).toEqual({ code: 'REFUSED', message: 'connect ECONNREFUSED' });
    expect(entry.responseBody).toBeNull();
  });

  it('deletes entries with their blobs and index rows, and clears everything', async () => {
    const store = await openTestStore();
    const ids = await insertSends(store, [
      sampleSend({ body: 'alpha '.repeat(400) }),
      sampleSend({ body: 'bravo '.repeat(400) }),
      sampleSend({ body: 'charlie '.repeat(400) }),
    ]);

    expect(store.delete([ids[0]!, 9_999])).toBe(1);
    expect(store.search(search({ query: 'alpha' })).entries).toEqual([]);
    expect(store.get(ids[0]!)).toBeUndefined();
    expect(store.stats().entries).toBe(2);

    expect(store.clear()).toBe(2);
    expect(store.search(search()).entries).toEqual([]);
    expect(store.search(search({ query: 'bravo' })).entries).toEqual([]);
    expect(store.stats()).toEqual({ entries: 0, bytes: 0 });
    // Ids keep growing after a clear, so a list that remembers "newer than id N" is never fooled.
    const [next] = await insertSends(store, [sampleSend()]);
    expect(next).toBeGreaterThan(ids[2]!);
  });

  it('keeps running totals of entries and bytes', async () => {
    const store = await openTestStore();
    const ids = await insertSends(store, [sampleSend(), sampleSend(), sampleSend()]);
    const three = store.stats();
    expect(three.entries).toBe(3);
    expect(three.bytes).toBeGreaterThan(0);
    store.delete([ids[1]!]);
    expect(store.stats().entries).toBe(2);
    expect(store.stats().bytes).toBeLessThan(three.bytes);
  });
});

describe('history store: search and filters', () => {
  async function storeWithVariety() {
    const store = await openTestStore();
    await insertSends(store, [
      sampleSend({ url: 'http://api.example.test/users/42', body: '{"name":"Ada Lovelace"}', sentAt: 1_000 }),
      sampleSend({ method: 'POST', url: 'http://api.example.test/orders', status: 201, body: '{"order":"created"}', sentAt: 2_000, spec: { body: { mode: 'json', text: '{"sku":"quokka-plush"}' } } }),
      sampleSend({ url: 'http://other.test:8080/health', status: 503, body: 'maintenance window', sentAt: 3_000, responseHeaders: [['Retry-After', '120']] }),
      { ...sampleSend({ url: 'http://down.test/', sentAt: 4_000 }), outcome: { kind: 'failure', error: { code: 'DNS', message: 'getaddrinfo ENOTFOUND down.test' } } },
    ]);
    return store;
  }
  const urls = (page: { entries: { url: string }[] }) => page.entries.map((entry) => entry.url);

  it('finds words in the response body, the request body, the URL and the headers', async () => {
    const store = await storeWithVariety();
    expect(urls(store.search(search({ query: 'lovelace' })))).toEqual(['http://api.example.test/users/42']);
    expect(urls(store.search(search({ query: 'quokka' })))).toEqual(['http://api.example.test/orders']);
    expect(urls(store.search(search({ query: 'health' })))).toEqual(['http://other.test:8080/health']);
    expect(urls(store.search(search({ query: 'retry-after' })))).toEqual(['http://other.test:8080/health']);
  });

  it('matches word prefixes and needs every word', async () => {
    const store = await storeWithVariety();
    expect(urls(store.search(search({ query: 'lovel' })))).toEqual(['http://api.example.test/users/42']);
    expect(urls(store.search(search({ query: 'ada order' })))).toEqual([]);
    expect(urls(store.search(search({ query: 'api.example users' })))).toEqual(['http://api.example.test/users/42']);
    expect(urls(store.search(search({ query: '"maintenance window"' })))).toEqual(['http://other.test:8080/health']);
  });

  it('treats FTS syntax and stray punctuation as text, never as an error', async () => {
    const store = await storeWithVariety();
    for (const query of ['"', 'AND', 'NEAR(', '*', 'users/*', ':', '-', '^ada', 'url:ada', '(((']) {
      expect(() => store.search(search({ query }))).not.toThrow();
    }
    expect(store.search(search({ query: '  ' })).entries).toHaveLength(4);
  });

  it('filters by method, status class, host prefix and time range', async () => {
    const store = await storeWithVariety();
    expect(urls(store.search(search({ method: 'post' })))).toEqual(['http://api.example.test/orders']);
    expect(urls(store.search(search({ statusClass: '2xx' })))).toEqual(['http://api.example.test/orders', 'http://api.example.test/users/42']);
    expect(urls(store.search(search({ statusClass: '5xx' })))).toEqual(['http://other.test:8080/health']);
    expect(urls(store.search(search({ statusClass: 'failed' })))).toEqual(['http://down.test/']);
    expect(urls(store.search(search({ host: 'API.example' })))).toEqual(['http://api.example.test/orders', 'http://api.example.test/users/42']);
    expect(urls(store.search(search({ host: 'other.test:8080' })))).toEqual(['http://other.test:8080/health']);
    expect(urls(store.search(search({ from: 2_000, to: 3_001 })))).toEqual(['http://other.test:8080/health', 'http://api.example.test/orders']);
    expect(urls(store.search(search({ query: 'created', method: 'POST', statusClass: '2xx', host: 'api' })))).toEqual(['http://api.example.test/orders']);
  });

  it('pages with a cursor, and finds what arrived after a known id', async () => {
    const store = await openTestStore();
    const ids = await insertSends(store, Array.from({ length: 25 }, (_, i) => sampleSend({ url: `http://h.test/page/${i}`, body: 'common word' })));
    for (const query of [undefined, 'common']) {
      const first = store.search(search({ query, limit: 10 }));
      const second = store.search(search({ query, limit: 10, cursor: first.nextCursor! }));
      const third = store.search(search({ query, limit: 10, cursor: second.nextCursor! }));
      expect([...first.entries, ...second.entries, ...third.entries].map((entry) => entry.id)).toEqual([...ids].reverse());
      expect(third.nextCursor).toBeNull();
      expect(store.search(search({ query, after: ids[21] })).entries.map((entry) => entry.id)).toEqual([ids[24], ids[23], ids[22]]);
    }
  });

  it('lists hosts, most recently used first', async () => {
    const store = await storeWithVariety();
    expect(store.hosts(10)).toEqual(['down.test', 'other.test:8080', 'api.example.test']);
  });

  it('finds an entry by run id, and the previous response of the same request', async () => {
    const store = await openTestStore();
    const [first, , third] = await insertSends(store, [
      sampleSend({ url: 'http://h.test/counter', runId: 'one' }),
      sampleSend({ url: 'http://h.test/other', runId: 'two' }),
      sampleSend({ url: 'http://h.test/counter', runId: 'three' }),
    ]);
    const entry = store.findByRunId('three')!;
    expect(entry.id).toBe(third);
    expect(store.previousOf(entry)?.id).toBe(first);
    expect(store.previousOf(store.findByRunId('one')!)).toBeUndefined();
    expect(store.findByRunId('nope')).toBeUndefined();
  });
});
