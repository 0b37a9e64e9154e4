import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { HISTORY_FORMAT_VERSION, migrate, userVersion, type Migration } from '../../../../../main/store/history/migrations.ts';
import { insertSends, openTestStore, sampleSend } from '../../../helpers/history.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';

const AT = Date.UTC(2025, 0, 2, 3, 4, 5, 6);
const STAMP = '2025-01-02T03-04-05-006Z';

describe('opening history.db', () => {
  it('creates a WAL database at the current format, with no notice', async () => {
    const dir = await tempDir();
    const store = await openTestStore({ dataDir: dir });
    expect(store.notice).toBeNull();
    await store.close();

    const db = new DatabaseSync(join(dir, 'history.db'));
    expect(userVersion(db)).toBe(HISTORY_FORMAT_VERSION);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('brings a format-1 database (totals kept by an insert trigger) to format 2 with its entries and totals intact', async () => {
    const dir = await tempDir();
    const first = await openTestStore({ dataDir: dir });
    await insertSends(first, [sampleSend(), sampleSend(), sampleSend()]);
    await first.close();
    // Back to format 1 as that build left it: the same tables, the insert trigger, user_version 1.
    const old = new DatabaseSync(join(dir, 'history.db'));
    old.exec(`CREATE TRIGGER entries_added AFTER INSERT ON entries BEGIN
      UPDATE totals SET entries = entries + 1, bytes = bytes + new.stored_bytes WHERE id = 1;
    END; PRAGMA user_version = 1`);
    old.close();

    const second = await openTestStore({ dataDir: dir });
    await insertSends(second, [sampleSend(), sampleSend()]);

    expect(second.stats().entries).toBe(5);
    expect(second.search({ limit: 10 }).entries).toHaveLength(5);
    await second.close();
    const db = new DatabaseSync(join(dir, 'history.db'));
    expect(userVersion(db)).toBe(HISTORY_FORMAT_VERSION);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()).toEqual([{ name: 'entries_cleanup' }]);
    db.close();
  });

  it('keeps entries across a close and reopen', async () => {
    const dir = await tempDir();
    const first = await openTestStore({ dataDir: dir });
    await insertSends(first, [sampleSend({ body: 'persisted words' })]);
    await first.close();

    const second = await openTestStore({ dataDir: dir });
    expect(second.search({ limit: 10, query: 'persisted' }).entries).toHaveLength(1);
  });

  it('moves a file that is not a database aside, starts a fresh one and says so', async () => {
    const dir = await tempDir();
    const garbage = 'this is not SQLite '.repeat(500);
    await writeFile(join(dir, 'history.db'), garbage);

    const store = await openTestStore({ dataDir: dir, now: () => AT });

    const movedTo = join(dir, `history.db.corrupt-${STAMP}`);
    expect(store.notice).toMatchObject({ kind: 'corrupt', movedTo, at: AT });
    expect(store.notice?.detail).toMatch(/not a database/);
    expect(await readFile(movedTo, 'utf8')).toBe(garbage);
    // The fresh database works.
    await insertSends(store, [sampleSend({ body: 'fresh start' })]);
    expect(store.search({ limit: 10, query: 'fresh' }).entries).toHaveLength(1);
  });

  it('finds damaged pages with the background quick_check, moves the database aside with its WAL, and carries on', async () => {
    const dir = await tempDir();
    const before = await openTestStore({ dataDir: dir });
    await insertSends(before, Array.from({ length: 300 }, (_, i) => sampleSend({ body: `entry ${i} `.repeat(200) })));
    await before.close();
    // Scribble over the middle of the file: a valid header, broken b-tree pages.
    const path = join(dir, 'history.db');
    const { size } = await stat(path);
    const file = await open(path, 'r+');
    for (let offset = 8192; offset < size; offset += 4096 * 3) await file.write(Buffer.alloc(600, 0x5a), 0, 600, offset + 100);
    await file.close();

    const store = await openTestStore({ dataDir: dir, now: () => AT, quickCheck: true, quickCheckDelayMs: 0 });
    await store.checked;

    expect(store.notice).toMatchObject({ kind: 'corrupt', movedTo: join(dir, `history.db.corrupt-${STAMP}`) });
    expect(store.notice?.detail).toMatch(/quick_check/);
    expect(store.stats().entries).toBe(0);
    expect(store.integrityCheck()).toEqual(['ok']);
    const names = await readdir(dir);
    expect(names).toContain(`history.db.corrupt-${STAMP}`);
    await insertSends(store, [sampleSend()]);
    expect(store.search({ limit: 10 }).entries).toHaveLength(1);
  });

  it('a healthy database passes the background check untouched', async () => {
    const dir = await tempDir();
    const first = await openTestStore({ dataDir: dir });
    await insertSends(first, [sampleSend()]);
    await first.close();

    const store = await openTestStore({ dataDir: dir, quickCheck: true, quickCheckDelayMs: 0 });
    await store.checked;
    expect(store.notice).toBeNull();
    expect(store.stats().entries).toBe(1);
  });

  it('moves aside a database written by a newer Shuttle instead of touching it', async () => {
    const dir = await tempDir();
    const db = new DatabaseSync(join(dir, 'history.db'));
    db.exec('CREATE TABLE future (x); PRAGMA user_version = 99');
    db.close();

    const store = await openTestStore({ dataDir: dir, now: () => AT });

    expect(store.notice).toMatchObject({ kind: 'newer-format', movedTo: join(dir, `history.db.format-99-${STAMP}`) });
    const kept = new DatabaseSync(join(dir, `history.db.format-99-${STAMP}`));
    expect(userVersion(kept)).toBe(99);
    kept.close();
    expect(store.stats().entries).toBe(0);
  });

  it('when the file cannot be opened at all, keeps this session in memory and says so', async () => {
    const dir = await tempDir();
    // A folder where the database file should be: no rename can fix that, and SQLite cannot open it.
    await mkdir(join(dir, 'history.db'));
    await writeFile(join(dir, 'history.db', 'keep'), 'x');

    const store = await openTestStore({ dataDir: dir });

    expect(store.notice).toMatchObject({ kind: 'unavailable', movedTo: null });
    await insertSends(store, [sampleSend({ body: 'in memory only' })]);
    expect(store.search({ limit: 10, query: 'memory' }).entries).toHaveLength(1);
    expect(existsSync(join(dir, 'history.db', 'keep'))).toBe(true);
  });
});

describe('migrate', () => {
  const steps = (log: string[], failAt?: number): Migration[] =>
    [1, 2, 3].map((version) => ({
      version,
      up(db) {
        log.push(`up ${version}`);
        db.exec(`CREATE TABLE t${version} (x)`);
        if (version === failAt) throw new Error(`step ${version} failed`);
      },
    }));
  const tables = (db: DatabaseSync) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);

  it('runs only the pending steps, in order', () => {
    const db = new DatabaseSync(':memory:');
    const log: string[] = [];
    db.exec('CREATE TABLE t1 (x); PRAGMA user_version = 1');

    expect(migrate(db, steps(log))).toEqual({ from: 1, to: 3 });
    expect(log).toEqual(['up 2', 'up 3']);
    expect(migrate(db, steps(log))).toEqual({ from: 3, to: 3 });
    expect(log).toEqual(['up 2', 'up 3']);
  });

  it('a failing step is rolled back whole; the steps before it stay', () => {
    const db = new DatabaseSync(':memory:');
    expect(() => migrate(db, steps([], 2))).toThrow('step 2 failed');
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['t1']);
  });

  it('refuses a database from a newer format', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA user_version = 7');
    expect(() => migrate(db, steps([]))).toThrow(/format 7.*up to format 3/);
  });
});
