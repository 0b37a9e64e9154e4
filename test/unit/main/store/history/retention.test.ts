import { describe, expect, it } from 'vitest';
import { insertSends, openTestStore, sampleSend } from '../../../helpers/history.ts';

const NO_LIMITS = { maxEntries: 0, maxAgeMs: 0, maxBytes: 0 };

/** Runs retention steps until nothing is left to delete, as the background runner does. */
function enforceFully(store: Awaited<ReturnType<typeof openTestStore>>, limits: typeof NO_LIMITS, batch = 7): number {
  let deleted = 0;
  for (let step = store.enforceRetention(limits, batch); step > 0; step = store.enforceRetention(limits, batch)) deleted += step;
  return deleted;
}

describe('history retention', () => {
  it('keeps the newest entries up to the maximum count', async () => {
    const store = await openTestStore();
    const ids = await insertSends(store, Array.from({ length: 30 }, (_, i) => sampleSend({ url: `http://h.test/${i}` })));

    expect(enforceFully(store, { ...NO_LIMITS, maxEntries: 10 })).toBe(20);

    expect(store.search({ limit: 100 }).entries.map((entry) => entry.id)).toEqual(ids.slice(20).reverse());
    expect(store.stats().entries).toBe(10);
  });

  it('drops entries older than the maximum age, whatever order they were written in', async () => {
    const now = 10 * 24 * 3600 * 1000;
    const store = await openTestStore({ now: () => now });
    const day = 24 * 3600 * 1000;
    await insertSends(store, [
      sampleSend({ url: 'http://h.test/new', sentAt: now - day }),
      sampleSend({ url: 'http://h.test/old', sentAt: now - 5 * day }),
      sampleSend({ url: 'http://h.test/newer', sentAt: now - 1000 }),
      sampleSend({ url: 'http://h.test/oldest', sentAt: now - 9 * day }),
    ]);

    expect(enforceFully(store, { ...NO_LIMITS, maxAgeMs: 2 * day })).toBe(2);
    expect(store.search({ limit: 100 }).entries.map((entry) => entry.url)).toEqual(['http://h.test/newer', 'http://h.test/new']);
  });

  it('keeps the total size under the maximum, oldest first', async () => {
    const store = await openTestStore();
    await insertSends(store, Array.from({ length: 20 }, (_, i) => sampleSend({ url: `http://h.test/${i}`, body: `${i}`.repeat(3000) })));
    const before = store.stats();
    const limit = Math.floor(before.bytes / 3);

    enforceFully(store, { ...NO_LIMITS, maxBytes: limit });

    const after = store.stats();
    expect(after.bytes).toBeLessThanOrEqual(limit);
    expect(after.entries).toBeGreaterThan(0);
    expect(after.entries).toBeLessThan(20);
    // What is left is the newest run of entries.
    const left = store.search({ limit: 100 }).entries.map((entry) => entry.url);
    expect(left).toEqual(Array.from({ length: after.entries }, (_, i) => `http://h.test/${19 - i}`));
  });

  it('does nothing when within the limits, or when the limits are off', async () => {
    const store = await openTestStore();
    await insertSends(store, [sampleSend(), sampleSend()]);
    expect(store.enforceRetention({ maxEntries: 2, maxAgeMs: 3600_000, maxBytes: 10 ** 9 })).toBe(0);
    expect(store.enforceRetention(NO_LIMITS)).toBe(0);
    expect(store.stats().entries).toBe(2);
  });

  it('deletes at most one batch per step, so a big trim is done in short transactions', async () => {
    const store = await openTestStore();
    await insertSends(store, Array.from({ length: 50 }, () => sampleSend()));
    expect(store.enforceRetention({ ...NO_LIMITS, maxEntries: 1 }, 20)).toBe(20);
    expect(store.stats().entries).toBe(30);
  });
});
