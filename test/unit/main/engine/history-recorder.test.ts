import { describe, expect, it } from 'vitest';
import { HistoryRecorder } from '../../../../main/engine/history/history-recorder.ts';
import type { CapturedEntry } from '../../../../main/store/history/entry-record.ts';
import type { HistoryStore } from '../../../../main/store/history/history-store.ts';
import { waitFor } from '../../helpers/wait-for.ts';

/** A store whose writes finish when the test says, recording which sends each write was given. */
function heldStore() {
  const writes: string[][] = [];
  const finishers: (() => void)[] = [];
  const store = {
    record(sends: readonly CapturedEntry[]) {
      writes.push(sends.map((send) => send.runId));
      return new Promise((resolve) => finishers.push(() => resolve({ ids: sends.map((_, i) => i), totals: { entries: 0, bytes: 0 }, skipped: [] })));
    },
  } as unknown as HistoryStore;
  return { store, writes, finishNext: () => finishers.shift()!() };
}

const send = (runId: string) => ({ runId }) as CapturedEntry;

describe('history recorder: batching', () => {
  it('sends that arrive while a batch is written wait out a window and are written together with later ones', async () => {
    const { store, writes, finishNext } = heldStore();
    const recorder = new HistoryRecorder({ store, recordOptions: () => ({ maxBodyBytes: 1024, secretHeaders: [] }), onWritten: () => {}, log: () => {} });

    recorder.record(send('a'));
    await waitFor(() => writes.length === 1, 2_000, 'the first write');
    recorder.record(send('b'));
    recorder.record(send('c'));
    finishNext();
    await new Promise((resolve) => setImmediate(resolve));
    // Written at once, "b, c" would be a transaction of two and "d" a third one.
    expect(writes).toEqual([['a']]);
    recorder.record(send('d'));
    const idle = recorder.idle();
    await waitFor(() => writes.length === 2, 2_000, 'the second write');
    finishNext();
    await idle;

    expect(writes).toEqual([['a'], ['b', 'c', 'd']]);
  });
});
