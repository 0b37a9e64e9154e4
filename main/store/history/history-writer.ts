import type { SQLInputValue } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/**
 * The statements a write may run, by name: the writer prepares each once, and a step names its
 * statement instead of carrying the SQL text across threads for every entry.
 */
export const WRITE_STATEMENTS = {
  blob: 'INSERT INTO blobs (id, encoding, size, data) VALUES (?, ?, ?, ?)',
  entry: `INSERT INTO entries (id, run_id, sent_at, method, url, host, status, status_text, error_code, duration_ms, response_size,
            environment, source, request_blob, response_blob, stored_bytes)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  payload: 'INSERT INTO payloads (id, detail, request_inline, response_inline) VALUES (?, ?, ?, ?)',
  index: 'INSERT INTO entries_fts (rowid, url, method, headers, body, facets) VALUES (?, ?, ?, ?, ?, ?)',
} as const;

/** One statement of a write and its parameters (ids included, so nothing has to come back). */
export interface WriteStep {
  statement: keyof typeof WRITE_STATEMENTS;
  params: SQLInputValue[];
}

/** A failed write, with SQLite's error code so the store can tell damage from anything else. */
export class WriteFailure extends Error {
  readonly errcode: number | undefined;
  constructor(message: string, errcode: number | undefined) {
    super(message);
    this.errcode = errcode;
  }
}

/** Fold the WAL back into the database after about this much has been written (SQLite's own default is ~4 MB). */
const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;

/**
 * Runs in a worker thread with its own connection: each message is a list of statements run in
 * one transaction. Written as a script string (CommonJS, `eval: true`) so it needs no separate file
 * next to the bundled Electron main process; what to write is decided on the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
db.exec('PRAGMA busy_timeout = 10000');
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA wal_autocheckpoint = 0');
const statements = new Map(Object.entries(workerData.statements).map(([name, sql]) => [name, db.prepare(sql)]));
let written = 0;
parentPort.on('message', ({ id, steps, bytes }) => {
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const { statement, params } of steps) statements.get(statement).run(...params);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    parentPort.postMessage({ id, ok: true });
    written += bytes;
    if (written > workerData.checkpointAfter) {
      written = 0;
      try {
        db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      } catch {
        // Busy: the next checkpoint catches up; the WAL just grows a little meanwhile.
      }
    }
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String(error && error.message), errcode: error && error.errcode });
  }
});
`;

export interface HistoryWriter {
  /** Runs the steps in one transaction on the writer's thread; resolves once committed. */
  write(steps: WriteStep[], bytes: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Writes history off the main thread. Inserting an entry — mostly the full-text index taking in its
 * headers and body — costs tens of microseconds of CPU, and a WAL checkpoint an fsync; on the writer's
 * thread neither ever delays a request being sent. Undefined when no worker can be started (the store
 * then writes on its own connection).
 */
export function startHistoryWriter(path: string): HistoryWriter | undefined {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, statements: WRITE_STATEMENTS, checkpointAfter: CHECKPOINT_AFTER_BYTES } });
  } catch {
    return undefined;
  }
  // The worker keeps the process alive only while a write is pending (so a quitting CLI still saves it).
  worker.unref();
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let dead: Error | undefined;
  const failAll = (error: Error) => {
    dead = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (message: { id: number; ok: boolean; message?: string; errcode?: number }) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.ok) waiting?.resolve();
    else waiting?.reject(new WriteFailure(message.message ?? 'history write failed', message.errcode));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new WriteFailure('the history writer stopped', undefined)));
  return {
    write(steps, bytes) {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, steps, bytes });
      });
    },
    async stop() {
      dead ??= new WriteFailure('the history writer was stopped', undefined);
      await worker.terminate();
    },
  };
}
