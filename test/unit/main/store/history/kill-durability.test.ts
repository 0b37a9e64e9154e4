import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../../helpers/history.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';

const CHILD = fileURLToPath(new URL('./fixtures/insert-entries.ts', import.meta.url));
const TOTAL = 10_000;
/** Kill once this many are committed: well into the run, long before its end. */
const KILL_AFTER = 1_500;

describe('history survives kill -9 while writing', () => {
  it('after SIGKILL mid-way through 10,000 inserts the database passes integrity_check and holds every committed entry', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, [CHILD, dir, String(TOTAL)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));

    // The last "committed N" line seen before the kill: those N entries must survive.
    const lastCommitted = await new Promise<number>((resolve, reject) => {
      let buffered = '';
      let last = 0;
      child.stdout.on('data', (data: Buffer) => {
        buffered += data.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) last = Number(/^committed (\d+)$/.exec(line)?.[1] ?? last);
        if (last >= KILL_AFTER && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve(last);
        }
      });
      child.once('exit', () => reject(new Error(`the writer ended before it was killed (at ${last}): ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const db = new DatabaseSync(join(dir, 'history.db'));
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    // The full-text index agrees with the entries it indexes.
    expect(() => db.exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 0)`)).not.toThrow();
    const count = Number((db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n);
    db.close();

    expect(count).toBeGreaterThanOrEqual(lastCommitted);
    expect(count).toBeLessThan(TOTAL);
    expect(count % 25).toBe(0);

    // And the app opens it normally: totals match, search works, new entries go in.
    const store = await openTestStore({ dataDir: dir, quickCheck: true, quickCheckDelayMs: 0 });
    await store.checked;
    expect(store.notice).toBeNull();
    expect(store.stats().entries).toBe(count);
    expect(store.search({ limit: 5, query: `entry${lastCommitted - 1}` }).entries).toHaveLength(1);
  }, 60_000);
});
