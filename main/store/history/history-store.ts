import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { ShuttleError } from '../../../shared/contract/errors.ts';
import type { HttpHistoryEntry, HistoryEntrySummary, HistoryNotice, HistoryPage, HistorySearch, SendSource } from '../../../shared/model/history.ts';
import { decodeBlob, type EncodedBody } from './body-codec.ts';
import { isCorruption, moveAside, openHistoryDatabase } from './history-database.ts';
import { buildEntryRecord, type CapturedEntry } from './entry-record.ts';
import type { RecordOptions } from './history-record.ts';
import { sendForWriting, startHistoryWriter, WriterStopped, type HistoryWriter, type WriteResult } from './history-writer.ts';
import { planInsert, WRITE_STATEMENTS, type NextIds } from './insert-plan.ts';
import { startQuickCheck, type QuickCheck } from './quick-check.ts';
import { retentionStep, type RetentionLimits } from './retention.ts';
import { searchQuery } from './search-entries.ts';
import type { WsSessionDetail } from './ws-session-record.ts';

export const HISTORY_FILE = 'history.db';

const QUICK_CHECK_DELAY_MS = 2_000;


/** One entry ready to be written: already redacted and encoded (see history-record.ts). */
export interface HistoryRecord {
  runId: string;
  sentAt: number;
  method: string;
  url: string;
  host: string;
  status: number | null;
  statusText: string;
  errorCode: string | null;
  durationMs: number;
  responseSize: number;
  environment: string | null;
  source: SendSource | null;
  detail: EntryDetail;
  /** The request spec as JSON. */
  request: EncodedBody;
  response: EncodedBody | null;
  /** Text for the full-text index (not stored as such). */
  index: { url: string; method: string; headers: string; body: string; facets: string };
}

/** What an entry keeps besides its summary columns and bodies. */
export interface EntryDetail {
  requestBodyTruncated: boolean;
  response: HttpHistoryEntry['response'];
  storedBodyBytes: number;
  error: ShuttleError | null;
  /** Present for a WebSocket session's entry. */
  websocket?: WsSessionDetail;
}

/** An entry as read back: summary, details and the decoded bytes of its request spec and response body. */
export interface StoredEntry {
  summary: HistoryEntrySummary;
  runId: string;
  source: SendSource | null;
  detail: EntryDetail;
  request: Buffer;
  responseBody: Buffer | null;
}

const SUMMARY_COLUMNS = 'e.id, e.sent_at, e.method, e.url, e.host, e.status, e.status_text, e.error_code, e.duration_ms, e.response_size, e.environment';

type Row = Record<string, SQLOutputValue>;

export interface HistoryStoreOptions {
  dataDir: string;
  now?: () => number;
  /** Run `PRAGMA quick_check` in the background after opening (default true). */
  quickCheck?: boolean;
  /** How long after opening the check starts (default 2 s: after the app's start, not during it). */
  quickCheckDelayMs?: number;
  /** Called after the database was found damaged while open and replaced by a fresh one. */
  onReset?: () => void;
  /** The writer thread's script (tests give one that fails, to check the store carries on without it). */
  writerScript?: URL;
}

/**
 * The history database (`<data dir>/history.db`, SQLite through node:sqlite). Reads and the rare
 * deletes are synchronous and quick (indexed, one transaction each); inserts run on a writer thread;
 * the integrity check runs on another; retention deletes in small steps (see retention-runner.ts).
 */
export class HistoryStore {
  readonly path: string;
  #db: DatabaseSync;
  #notice: HistoryNotice | null;
  /** False when the file could not be opened and this session's history lives in memory. */
  #onDisk: boolean;
  readonly #now: () => number;
  readonly #onReset: (() => void) | undefined;
  readonly #writerScript: URL | undefined;
  readonly #statements = new Map<string, StatementSync>();
  #writer: HistoryWriter | undefined;
  #quickCheck: QuickCheck | undefined;
  #nextEntryId = 1;
  #nextBlobId = 1;
  /** Settles when the write in progress (if any) is over. */
  #writing: Promise<unknown> = Promise.resolve();
  /** Settles when the background integrity check (and any recovery it caused) is over. */
  readonly checked: Promise<void>;

  constructor(options: HistoryStoreOptions) {
    this.path = join(options.dataDir, HISTORY_FILE);
    this.#now = options.now ?? Date.now;
    this.#onReset = options.onReset;
    this.#writerScript = options.writerScript;
    mkdirSync(options.dataDir, { recursive: true });
    const opened = openHistoryDatabase(this.path, this.#now);
    this.#db = opened.db;
    this.#notice = opened.notice;
    this.#onDisk = opened.notice?.kind !== 'unavailable';
    this.#attach();
    this.#quickCheck = options.quickCheck !== false && this.#onDisk ? startQuickCheck(this.path, options.quickCheckDelayMs ?? QUICK_CHECK_DELAY_MS) : undefined;
    this.checked = (this.#quickCheck?.result ?? Promise.resolve(undefined)).then((problem) => {
      if (problem) this.#recover(`PRAGMA quick_check: ${problem}`);
    });
  }

  /** Sets up the open database: ids to continue from, and the writer thread (which also checkpoints). */
  #attach(): void {
    this.#syncIds();
    // The writer may hold the write lock for a moment; deletes here wait for it rather than fail.
    this.#db.exec('PRAGMA busy_timeout = 10000');
    this.#writer = this.#onDisk ? startHistoryWriter(this.path, this.#writerScript) : undefined;
    // Without a writer thread, SQLite checkpoints on this connection as usual.
    if (this.#writer) this.#db.exec('PRAGMA wal_autocheckpoint = 0');
  }

  get notice(): HistoryNotice | null {
    return this.#notice;
  }

  /**
   * Turns finished sends (their secrets looked up) into entries and writes them in one transaction:
   * on the writer's thread when there is one, so the main thread only serialises them.
   */
  async record(entries: readonly CapturedEntry[], options: RecordOptions): Promise<WriteResult> {
    // The secret lookups ran alongside the sends; by now they are (almost always) settled.
    const sends = await Promise.all(entries.map(async (send) => ({ ...send, secrets: (await send.secrets) ?? [] })));
    return this.#write(
      (writer, next) => writer.writeSends(sends.map((send) => sendForWriting(send, send.secrets)), options, next),
      async () => {
        const skipped: string[] = [];
        const built = await Promise.all(
          sends.map((send) =>
            buildEntryRecord(send, options).catch((error: unknown) => {
              skipped.push(`${send.runId}: ${error instanceof Error ? error.message : String(error)}`);
              return undefined;
            }),
          ),
        );
        return { records: built.filter((record): record is HistoryRecord => record !== undefined), skipped };
      },
    );
  }

  /** Writes entries built already (seeding tests and benchmarks) in one transaction; the new ids in order. */
  async insert(records: HistoryRecord[]): Promise<number[]> {
    const result = await this.#write(
      (writer, next) => writer.writeRecords(records, next),
      async () => ({ records, skipped: [] }),
    );
    return result.ids;
  }

  /** One write at a time: each takes its ids from where the previous one ended. */
  #write(
    onWriter: (writer: HistoryWriter, next: NextIds) => Promise<WriteResult>,
    onMain: () => Promise<{ records: HistoryRecord[]; skipped: string[] }>,
  ): Promise<WriteResult> {
    const result = this.#writing.then(async () => {
      try {
        return await this.#writeOnce(onWriter, onMain);
      } catch (error) {
        // Another process wrote to the same history (two Shuttles on one data folder): take the ids
        // from the database and try once more.
        if (!(error instanceof Error) || !/UNIQUE constraint failed/.test(error.message)) throw error;
        this.#syncIds();
        return this.#writeOnce(onWriter, onMain);
      }
    });
    this.#writing = result.catch(() => undefined);
    return result;
  }

  async #writeOnce(
    onWriter: (writer: HistoryWriter, next: NextIds) => Promise<WriteResult>,
    onMain: () => Promise<{ records: HistoryRecord[]; skipped: string[] }>,
  ): Promise<WriteResult> {
    const writer = this.#writer;
    if (writer) {
      try {
        const result = await onWriter(writer, { entry: this.#nextEntryId, blob: this.#nextBlobId });
        this.#nextEntryId = result.next.entry;
        this.#nextBlobId = result.next.blob;
        return result;
      } catch (error) {
        if (!(error instanceof WriterStopped)) {
          if (isCorruption(error) && this.#onDisk) this.#recover(error instanceof Error ? error.message : String(error));
          throw error;
        }
        // The thread died (or was replaced by a recovery meanwhile): this connection writes from now on.
        if (this.#writer === writer) this.#detachWriter();
      }
    }
    const { records, skipped } = await onMain();
    return this.#guard(() => {
      const plan = planInsert(records, { entry: this.#nextEntryId, blob: this.#nextBlobId });
      this.#db.exec('BEGIN');
      try {
        for (const { statement, params } of plan.steps) this.#statement(WRITE_STATEMENTS[statement]).run(...params);
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
      this.#nextEntryId = plan.next.entry;
      this.#nextBlobId = plan.next.blob;
      return { ids: plan.ids, next: plan.next, totals: this.stats(), skipped };
    });
  }

  #detachWriter(): void {
    this.#writer = undefined;
    // Without a writer thread, SQLite checkpoints on this connection as usual.
    if (this.#db.isOpen) this.#db.exec('PRAGMA wal_autocheckpoint = 1000');
  }

  /** The next ids continue after the largest ever used (AUTOINCREMENT's record), so an id never comes back. */
  #syncIds(): void {
    const entry = this.#db
      .prepare(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'entries'), 0), coalesce((SELECT max(id) FROM entries), 0)) AS id`)
      .get() as Row;
    const blob = this.#db.prepare('SELECT coalesce(max(id), 0) AS id FROM blobs').get() as Row;
    this.#nextEntryId = Number(entry.id) + 1;
    this.#nextBlobId = Number(blob.id) + 1;
  }

  /** Newest first, filtered; see HistorySearch for what each filter means. */
  search(query: HistorySearch): HistoryPage {
    return this.#guard(() => {
      const { sql, params } = searchQuery(query, SUMMARY_COLUMNS);
      const rows = this.#statement(sql).all(...params) as Row[];
      const entries = rows.slice(0, query.limit).map(toSummary);
      return { entries, nextCursor: rows.length > query.limit ? entries.at(-1)!.id : null };
    });
  }

  get(id: number): StoredEntry | undefined {
    return this.#guard(() => {
      const row = this.#statement(
        `SELECT ${SUMMARY_COLUMNS}, e.run_id, e.source, p.detail, p.request_inline, e.request_blob, p.response_inline, e.response_blob
         FROM entries e JOIN payloads p ON p.id = e.id WHERE e.id = ?`,
      ).get(id) as Row | undefined;
      if (!row) return undefined;
      return {
        summary: toSummary(row),
        runId: String(row.run_id),
        source: row.source === null ? null : (JSON.parse(String(row.source)) as SendSource),
        detail: JSON.parse(String(row.detail)) as EntryDetail,
        request: this.#body(row.request_inline, row.request_blob) ?? Buffer.from('{}'),
        responseBody: this.#body(row.response_inline, row.response_blob),
      };
    });
  }

  #body(inline: SQLOutputValue | undefined, blobId: SQLOutputValue | undefined): Buffer | null {
    if (inline instanceof Uint8Array) return Buffer.from(inline);
    if (blobId === null || blobId === undefined) return null;
    const blob = this.#statement('SELECT encoding, data FROM blobs WHERE id = ?').get(blobId) as Row | undefined;
    return blob ? decodeBlob(String(blob.encoding), blob.data as Uint8Array) : null;
  }

  findByRunId(runId: string): HistoryEntrySummary | undefined {
    return this.#guard(() => {
      const row = this.#statement(`SELECT ${SUMMARY_COLUMNS} FROM entries e WHERE e.run_id = ? ORDER BY e.id DESC LIMIT 1`).get(runId) as Row | undefined;
      return row ? toSummary(row) : undefined;
    });
  }

  /** The newest earlier entry with a response for the same method and URL. */
  previousOf(entry: HistoryEntrySummary): HistoryEntrySummary | undefined {
    return this.#guard(() => {
      const row = this.#statement(
        `SELECT ${SUMMARY_COLUMNS} FROM entries e
         WHERE e.id < ? AND e.url = ? AND e.method = ? AND e.status IS NOT NULL
         ORDER BY e.id DESC LIMIT 1`,
      ).get(entry.id, entry.url, entry.method) as Row | undefined;
      return row ? toSummary(row) : undefined;
    });
  }

  delete(ids: number[]): number {
    return this.#guard(() => {
      const remove = this.#statement('DELETE FROM entries WHERE id = ?');
      let deleted = 0;
      this.#db.exec('BEGIN');
      try {
        for (const id of ids) deleted += Number(remove.run(id).changes);
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
      return deleted;
    });
  }

  /**
   * Removes every entry, then gives the space back and truncates the WAL, so nothing of the old
   * entries stays in the files. The index and blobs are emptied in bulk first: the per-row cleanup
   * trigger then has nothing left to do, which keeps clearing 100,000 entries to about a second.
   */
  clear(): number {
    return this.#guard(() => {
      this.#db.exec('BEGIN');
      let deleted: number;
      try {
        deleted = this.stats().entries;
        this.#db.exec(`INSERT INTO entries_fts (entries_fts) VALUES ('delete-all')`);
        this.#db.exec('DELETE FROM blobs');
        this.#db.exec('DELETE FROM payloads');
        this.#db.exec('DELETE FROM entries');
        this.#db.exec('UPDATE totals SET entries = 0, bytes = 0 WHERE id = 1');
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
      this.compact();
      return deleted;
    });
  }

  stats(): { entries: number; bytes: number } {
    return this.#guard(() => {
      const row = this.#statement('SELECT entries, bytes FROM totals WHERE id = 1').get() as Row | undefined;
      return { entries: Number(row?.entries ?? 0), bytes: Number(row?.bytes ?? 0) };
    });
  }

  /** Hosts seen, most recently used first, for the host filter's suggestions. */
  hosts(limit: number): string[] {
    return this.#guard(() => {
      const rows = this.#statement('SELECT host, max(id) AS latest FROM entries GROUP BY host ORDER BY latest DESC LIMIT ?').all(limit) as Row[];
      return rows.map((row) => String(row.host)).filter((host) => host !== '');
    });
  }

  /** Deletes up to `batch` entries over the limits, oldest first; 0 means everything is within them. */
  enforceRetention(limits: RetentionLimits, batch = 500): number {
    return this.#guard(() => retentionStep(this.#db, (sql) => this.#statement(sql), limits, this.#now(), batch));
  }

  /** Returns free pages to the file system and folds the WAL back into the database. */
  compact(): void {
    this.#guard(() => {
      this.#db.exec('PRAGMA incremental_vacuum');
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    });
  }

  /** For tests and the kill -9 check: `PRAGMA integrity_check` on the open connection. */
  integrityCheck(): string[] {
    return (this.#db.prepare('PRAGMA integrity_check').all() as Row[]).map((row) => String(row.integrity_check));
  }

  async close(): Promise<void> {
    await this.#writing;
    await this.#quickCheck?.stop();
    await this.#writer?.stop();
    this.#statements.clear();
    if (this.#db.isOpen) this.#db.close();
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** A damaged database found while in use is replaced like one found at start, then the call fails. */
  #guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isCorruption(error) && this.#onDisk) this.#recover(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  #recover(detail: string): void {
    // The writer's connection points at the damaged file, which is about to move.
    void this.#writer?.stop();
    this.#statements.clear();
    if (this.#db.isOpen) this.#db.close();
    let movedTo: string | null = null;
    try {
      movedTo = moveAside(this.path, 'corrupt', this.#now());
    } catch {
      // Could not rename (e.g. a read-only folder): the open below falls back to memory and says so.
    }
    const opened = openHistoryDatabase(this.path, this.#now);
    this.#db = opened.db;
    this.#onDisk = opened.notice?.kind !== 'unavailable';
    this.#notice = opened.notice ?? { kind: 'corrupt', movedTo, detail, at: this.#now() };
    this.#attach();
    this.#onReset?.();
  }
}

function toSummary(row: Row): HistoryEntrySummary {
  return {
    id: Number(row.id),
    sentAt: Number(row.sent_at),
    method: String(row.method),
    url: String(row.url),
    host: String(row.host),
    status: row.status === null ? null : Number(row.status),
    statusText: String(row.status_text ?? ''),
    errorCode: row.error_code === null ? null : (String(row.error_code) as HistoryEntrySummary['errorCode']),
    durationMs: Number(row.duration_ms),
    responseSize: Number(row.response_size),
    environment: row.environment === null ? null : String(row.environment),
  };
}
