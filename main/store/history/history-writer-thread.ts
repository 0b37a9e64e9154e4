/**
 * The history writer's thread (started by history-writer.ts). It turns finished sends into entries —
 * redaction, compression, the index text — and writes each batch in one transaction on its own
 * connection, so none of that CPU, nor a WAL checkpoint's fsync, ever runs on the thread that sends
 * requests. Batches are handled one at a time, in the order they arrive.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { DatabaseSync, type SQLOutputValue } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { buildEntryRecord, type CapturedEntry } from './entry-record.ts';
import type { HistoryRecord } from './history-store.ts';
import type { WriterJob, WriterReply, WriterData } from './history-writer.ts';
import { planInsert, WRITE_STATEMENTS } from './insert-plan.ts';

const { path, checkpointAfter } = workerData as WriterData;
lowerThreadPriority();
const port = parentPort!;
const db = new DatabaseSync(path);
db.exec('PRAGMA busy_timeout = 10000');
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA wal_autocheckpoint = 0');
const statements = new Map(Object.entries(WRITE_STATEMENTS).map(([name, sql]) => [name, db.prepare(sql)]));
const totals = db.prepare('SELECT entries, bytes FROM totals WHERE id = 1');
let writtenSinceCheckpoint = 0;

let queue = Promise.resolve();
port.on('message', (job: WriterJob) => {
  queue = queue.then(() => handle(job));
});

async function handle(job: WriterJob): Promise<void> {
  try {
    const skipped: string[] = [];
    const records = job.kind === 'records' ? job.records : await buildRecords(job, skipped);
    const plan = planInsert(records, job.next);
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const { statement, params } of plan.steps) statements.get(statement)!.run(...params);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    const row = totals.get() as Record<string, SQLOutputValue> | undefined;
    reply({ id: job.id, ok: true, ids: plan.ids, next: plan.next, totals: { entries: Number(row?.entries ?? 0), bytes: Number(row?.bytes ?? 0) }, skipped });
    checkpointAfterWriting(plan.bytes);
  } catch (error) {
    const failure = error as { message?: unknown; errcode?: unknown };
    reply({ id: job.id, ok: false, message: String(failure?.message ?? error), errcode: typeof failure?.errcode === 'number' ? failure.errcode : undefined });
  }
}

function reply(message: WriterReply): void {
  port.postMessage(message);
}

/** Entries from sends as the main thread handed them over: their JSON, and their body bytes beside it (see sendForWriting). */
async function buildRecords(job: Extract<WriterJob, { kind: 'sends' }>, skipped: string[]): Promise<HistoryRecord[]> {
  const sends = JSON.parse(job.json) as CapturedEntry[];
  const built = await Promise.all(
    sends.map((send, index) => {
      if (send.kind !== 'websocket' && send.outcome.kind === 'response') send.outcome.body = job.bodies[index] ?? new Uint8Array(0);
      return buildEntryRecord(send, job.options).catch((error: unknown) => {
        skipped.push(`${send.runId}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
    }),
  );
  return built.filter((record): record is HistoryRecord => record !== undefined);
}

/** Folds the WAL back into the database after about `checkpointAfter` bytes (SQLite's own default is ~4 MB). */
function checkpointAfterWriting(bytes: number): void {
  writtenSinceCheckpoint += bytes;
  if (writtenSinceCheckpoint <= checkpointAfter) return;
  writtenSinceCheckpoint = 0;
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Busy: the next checkpoint catches up; the WAL just grows a little meanwhile.
  }
}

/**
 * History is background work: on a busy machine the requests being sent get the CPU first. Below
 * normal, not lowest, so a long run of sends cannot starve the writer until its queue overflows.
 * Linux takes a thread id where setpriority takes a process id, so this thread alone is lowered;
 * elsewhere there is no such id to give and it keeps the normal priority.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // No /proc (macOS, Windows) or not permitted: the normal priority is only less polite.
  }
}
