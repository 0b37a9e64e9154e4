import type { CapturedEntry } from '../../store/history/entry-record.ts';
import type { RecordOptions } from '../../store/history/history-record.ts';
import type { HistoryStore } from '../../store/history/history-store.ts';
import type { HistoryTotals } from '../../store/history/history-writer.ts';

/** Sends arriving within this window are written in one transaction. */
const BATCH_WINDOW_MS = 20;
/** The most written in one transaction; a longer queue is written in several. */
const MAX_BATCH = 500;
/** If writing falls this far behind (a stalled disk), the oldest pending sends are dropped, not hoarded in memory. */
const MAX_PENDING = 20_000;

export interface HistoryRecorderOptions {
  store: HistoryStore;
  /** Read at write time, so a settings change applies to the next batch. */
  recordOptions: () => RecordOptions;
  /** After each written batch, with the new ids and the history's size now. */
  onWritten: (ids: number[], totals: HistoryTotals) => void;
  log: (message: string) => void;
}

/**
 * Keeps history writes off the request's path: `record` only queues (sending never waits for
 * SQLite or compression); a short timer then hands the queue to the store, whose writer thread
 * redacts, compresses and writes it in one transaction.
 */
export class HistoryRecorder {
  readonly #options: HistoryRecorderOptions;
  #pending: CapturedEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;

  constructor(options: HistoryRecorderOptions) {
    this.#options = options;
  }

  record(send: CapturedEntry): void {
    this.#pending.push(send);
    if (this.#pending.length > MAX_PENDING) {
      this.#pending.splice(0, this.#pending.length - MAX_PENDING);
      this.#options.log('[shuttle] history is falling behind; the oldest unsaved entries were dropped');
    }
    if (!this.#timer && !this.#writing) this.#timer = setTimeout(() => this.#startWriting(), BATCH_WINDOW_MS);
  }

  /** Resolves once everything recorded so far is in the database (reads, tests and shutdown wait for it). */
  async idle(): Promise<void> {
    while (this.#pending.length > 0 || this.#writing) {
      if (this.#timer) this.#startWriting();
      await this.#writing;
    }
  }

  #startWriting(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#writing || this.#pending.length === 0) return;
    this.#writing = this.#writeBatch().finally(() => {
      this.#writing = undefined;
      // What arrived meanwhile waits out its own window too (unless a full batch is ready): starting at
      // once would write a handful of entries per transaction during a burst of sends, and each
      // transaction costs a commit and a new full-text index segment, so several times the CPU per entry.
      if (this.#pending.length >= MAX_BATCH) this.#startWriting();
      else if (this.#pending.length > 0) this.#timer = setTimeout(() => this.#startWriting(), BATCH_WINDOW_MS);
    });
  }

  async #writeBatch(): Promise<void> {
    const sends = this.#pending.splice(0, MAX_BATCH);
    try {
      const { ids, totals, skipped } = await this.#options.store.record(sends, this.#options.recordOptions());
      for (const reason of skipped) this.#options.log(`[shuttle] history could not record ${reason}`);
      if (ids.length > 0) this.#options.onWritten(ids, totals);
    } catch (error) {
      // Losing a history batch must never break sending; the store has already recovered if it was corruption.
      this.#options.log(`[shuttle] history could not save ${sends.length} entries: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
