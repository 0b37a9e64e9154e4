import { Worker } from 'node:worker_threads';
import type { CapturedEntry } from './entry-record.ts';
import type { RecordOptions } from './history-record.ts';
import type { HistoryRecord } from './history-store.ts';
import type { NextIds } from './insert-plan.ts';

/** A failed write, with SQLite's error code so the store can tell damage from anything else. */
export class WriteFailure extends Error {
  readonly errcode: number | undefined;
  constructor(message: string, errcode: number | undefined) {
    super(message);
    this.errcode = errcode;
  }
}

/** The writer thread is gone (it failed to start or crashed): the store carries on without it. */
export class WriterStopped extends Error {}

/** Fold the WAL back into the database after about this much has been written (SQLite's own default is ~4 MB). */
const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024;

/**
 * The writer thread's script: beside this module when running from the sources, beside the bundle
 * in the Electron build (scripts/build-main.mjs builds it as an entry of its own).
 */
const THREAD_SCRIPT = new URL(import.meta.url.endsWith('.ts') ? './history-writer-thread.ts' : './history-writer-thread.cjs', import.meta.url);

/**
 * A finished send on its way to the writer thread: its JSON, with the body beside it as bytes. For
 * these records JSON costs about what structured clone does (7–10 µs a send either way, measured).
 */
export interface SendForWriting {
  json: string;
  body: Uint8Array | null;
}

export interface WriterData {
  path: string;
  checkpointAfter: number;
}

export type WriterJob = { id: number; next: NextIds } & (
  | { kind: 'sends'; /** The sends' JSON, as one array: one string crosses faster than many. */ json: string; bodies: (Uint8Array | null)[]; options: RecordOptions }
  | { kind: 'records'; records: HistoryRecord[] }
);

export type WriterReply =
  | { id: number; ok: true; ids: number[]; next: NextIds; totals: HistoryTotals; skipped: string[] }
  | { id: number; ok: false; message: string; errcode: number | undefined };

export interface HistoryTotals {
  entries: number;
  bytes: number;
}

/** What a written batch produced: the new ids in order, the ids to continue from, and the history's size after it. */
export interface WriteResult {
  ids: number[];
  next: NextIds;
  totals: HistoryTotals;
  /** Sends that could not be turned into entries, with the reason (logged, never fatal). */
  skipped: string[];
}

export interface HistoryWriter {
  /** Builds entries from the sends and writes them in one transaction on the writer's thread. */
  writeSends(sends: SendForWriting[], options: RecordOptions, next: NextIds): Promise<WriteResult>;
  /** Writes entries built already (seeding tests and benchmarks) in one transaction. */
  writeRecords(records: HistoryRecord[], next: NextIds): Promise<WriteResult>;
  stop(): Promise<void>;
}

/** The send in the form the writer thread takes: its secrets looked up, its JSON made, its body bytes apart. */
export function sendForWriting(send: CapturedEntry, secrets: readonly string[]): SendForWriting {
  if (send.kind === 'websocket') {
    const { secrets: _lookup, ...session } = send;
    return { json: JSON.stringify({ ...session, secrets }), body: null };
  }
  const { secrets: _lookup, outcome, ...rest } = send;
  if (outcome.kind === 'failure') return { json: JSON.stringify({ ...rest, secrets, outcome }), body: null };
  const { body, ...response } = outcome;
  // A view into a larger buffer would be copied whole across threads: copy just its bytes.
  const own = body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body);
  return { json: JSON.stringify({ ...rest, secrets, outcome: response }), body: own };
}

/**
 * Writes history off the main thread (history-writer-thread.ts). Building an entry — redaction,
 * compression, the index text — and inserting it cost tens of microseconds of CPU each, and a WAL
 * checkpoint an fsync; on the writer's thread none of it ever delays a request being sent.
 * Undefined when no worker can be started (the store then does the same work on its own connection).
 */
export function startHistoryWriter(path: string, script: URL = THREAD_SCRIPT): HistoryWriter | undefined {
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { path, checkpointAfter: CHECKPOINT_AFTER_BYTES } satisfies WriterData });
  } catch {
    return undefined;
  }
  // The worker keeps the process alive only while a write is pending (so a quitting CLI still saves it).
  worker.unref();
  const pending = new Map<number, { resolve: (result: WriteResult) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let dead: Error | undefined;
  const failAll = (error: Error) => {
    dead = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (message: WriterReply) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.ok) waiting?.resolve({ ids: message.ids, next: message.next, totals: message.totals, skipped: message.skipped });
    else waiting?.reject(new WriteFailure(message.message, message.errcode));
  });
  worker.on('error', (error) => failAll(new WriterStopped(`the history writer failed: ${error.message}`)));
  worker.on('exit', () => failAll(new WriterStopped('the history writer stopped')));
  const post = (job: WriterJob) =>
    new Promise<WriteResult>((resolve, reject) => {
      if (dead) return reject(dead);
      if (pending.size === 0) worker.ref();
      pending.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
  return {
    writeSends: (sends, options, next) =>
      post({ id: nextId++, kind: 'sends', json: `[${sends.map((send) => send.json).join(',')}]`, bodies: sends.map((send) => send.body), options, next }),
    writeRecords: (records, next) => post({ id: nextId++, kind: 'records', records, next }),
    async stop() {
      dead ??= new WriterStopped('the history writer was stopped');
      await worker.terminate();
    },
  };
}
