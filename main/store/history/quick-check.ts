import { Worker } from 'node:worker_threads';

/**
 * Runs in a worker thread on its own read-only connection. Written as a script string (CommonJS,
 * `eval: true`) so it needs no separate file next to the bundled Electron main process.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let db;
try {
  db = new DatabaseSync(workerData.path, { readOnly: true });
  const rows = db.prepare('PRAGMA quick_check(1)').all();
  const problem = rows.map((row) => row.quick_check).find((text) => text !== 'ok');
  parentPort.postMessage({ problem: problem === undefined ? null : problem });
} catch (error) {
  const code = error && typeof error.errcode === 'number' ? error.errcode & 0xff : 0;
  parentPort.postMessage(code === 11 || code === 26 ? { problem: String(error.message) } : { failed: String(error && error.message) });
} finally {
  if (db) db.close();
}
`;

export interface QuickCheck {
  /** The first problem found; null when the database is fine; undefined when the check could not run. */
  result: Promise<string | null | undefined>;
  stop(): Promise<void>;
}

/**
 * `PRAGMA quick_check` off the main thread, a moment after opening. It reads every page (about 0.3 s
 * for 100,000 entries here), which would delay the app's start by that much; in a worker it costs
 * the main thread nothing, and starting it once the app has started keeps it from competing with
 * the start for a CPU. WAL lets it read while the app writes.
 */
export function startQuickCheck(path: string, delayMs: number): QuickCheck {
  let worker: Worker | undefined;
  let timer: NodeJS.Timeout | undefined;
  let resolveEarly: (() => void) | undefined;
  const result = new Promise<string | null | undefined>((resolve) => {
    resolveEarly = () => resolve(undefined);
    timer = setTimeout(() => run(resolve), delayMs);
    // Waiting to check must never keep the process alive.
    timer.unref();
  });
  const run = (resolve: (problem: string | null | undefined) => void) => {
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path } });
    } catch {
      return resolve(undefined);
    }
    // A check still running must never keep the process alive on its own.
    worker.unref();
    worker.once('message', (message: { problem?: string | null; failed?: string }) => resolve(message.failed === undefined ? (message.problem ?? null) : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  };
  return {
    result,
    async stop() {
      clearTimeout(timer);
      resolveEarly?.();
      await worker?.terminate();
    },
  };
}
