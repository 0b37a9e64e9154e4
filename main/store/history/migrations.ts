import type { DatabaseSync } from 'node:sqlite';

/** One step of the history database format; `up` runs inside a transaction with the version bump. */
export interface Migration {
  version: number;
  up(db: DatabaseSync): void;
}

/**
 * Format 1. `entries` holds only the summary the list and filters read, so its rows stay small and
 * a page of results (or a scan) touches few database pages; the rest of an entry (JSON details,
 * small bodies inline) is in `payloads` under the same id, and bodies over 1 KB are compressed rows
 * of `blobs`. The full-text index is contentless (it stores no copy of the text, only the
 * index); its `facets` column holds filter tokens (see facets.ts). Triggers keep the index, payloads, blobs and the running
 * totals that retention reads in step with `entries` (counting 100,000 rows on every check would not be cheap); format 2
 * replaced the insert trigger, see below.
 */
const FORMAT_1 = `
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  host TEXT NOT NULL,
  status INTEGER,
  status_text TEXT NOT NULL DEFAULT '',
  error_code TEXT,
  duration_ms INTEGER NOT NULL,
  response_size INTEGER NOT NULL DEFAULT 0,
  environment TEXT,
  source TEXT,
  request_blob INTEGER,
  response_blob INTEGER,
  stored_bytes INTEGER NOT NULL
);
CREATE TABLE payloads (
  id INTEGER PRIMARY KEY,
  detail TEXT NOT NULL,
  request_inline BLOB,
  response_inline BLOB
);
-- The only index besides the id: retention and time filters read by time. Filters on method, status
-- and host go through the full-text index's facets; lookups by run id or URL walk back from the newest
-- entry, which is where they find what they look for. Every index costs each insert.
CREATE INDEX entries_sent_at ON entries (sent_at);
CREATE TABLE blobs (
  id INTEGER PRIMARY KEY,
  encoding TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE VIRTUAL TABLE entries_fts USING fts5 (
  url, method, headers, body, facets,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE totals (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  entries INTEGER NOT NULL,
  bytes INTEGER NOT NULL
);
INSERT INTO totals (id, entries, bytes) VALUES (1, 0, 0);
CREATE TRIGGER entries_added AFTER INSERT ON entries BEGIN
  UPDATE totals SET entries = entries + 1, bytes = bytes + new.stored_bytes WHERE id = 1;
END;
CREATE TRIGGER entries_cleanup AFTER DELETE ON entries BEGIN
  DELETE FROM entries_fts WHERE rowid = old.id;
  DELETE FROM payloads WHERE id = old.id;
  DELETE FROM blobs WHERE id IN (old.request_blob, old.response_blob);
  UPDATE totals SET entries = entries - 1, bytes = bytes - old.stored_bytes WHERE id = 1;
END;
`;

/**
 * Format 2: the running totals grow by one UPDATE per written batch (insert-plan.ts), not by a trigger
 * per inserted entry. A trigger makes every INSERT open a statement savepoint, and FTS5 flushes its
 * pending index terms at each savepoint, so a batch of 250 entries became 250 one-entry index segments
 * (about 25 µs of extra CPU per entry, and merge work later). The delete trigger stays: a delete
 * removes many rows in one statement, so one savepoint.
 */
const FORMAT_2 = 'DROP TRIGGER entries_added;';

export const HISTORY_MIGRATIONS: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(FORMAT_1) },
  { version: 2, up: (db) => db.exec(FORMAT_2) },
];

/** The format this build writes (PRAGMA user_version of history.db). */
export const HISTORY_FORMAT_VERSION = HISTORY_MIGRATIONS.at(-1)!.version;

/** The database was written by a newer Shuttle; this build must not touch it. */
export class NewerFormatError extends Error {
  readonly version: number;
  constructor(version: number, latest: number) {
    super(`history.db has format ${version}; this version of Shuttle reads up to format ${latest}`);
    this.version = version;
  }
}

/**
 * Brings the database up to the latest format, one migration per transaction, so a crash leaves it
 * at a whole version: a half-applied step is rolled back and runs again on the next start.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = HISTORY_MIGRATIONS): { from: number; to: number } {
  const from = userVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) throw new NewerFormatError(from, latest);
  for (const migration of migrations) {
    if (migration.version <= userVersion(db)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return { from, to: userVersion(db) };
}

export function userVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}
