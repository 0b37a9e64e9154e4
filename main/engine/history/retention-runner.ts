import type { Settings } from '../../../shared/model/settings.ts';
import type { HistoryStore } from '../../store/history/history-store.ts';
import type { RetentionLimits } from '../../store/history/retention.ts';

const DAY_MS = 24 * 3600 * 1000;
const AGE_CHECK_INTERVAL_MS = 60_000;

export function retentionLimits(settings: Settings): RetentionLimits {
  return { maxEntries: settings.historyMaxEntries, maxAgeMs: settings.historyMaxAgeDays * DAY_MS, maxBytes: settings.historyMaxBytes };
}

/**
 * Enforces the retention settings in the background: after the app starts and after each written
 * batch. Each step deletes a few hundred entries in one short transaction and yields, so trimming a
 * large history never holds up a send; free pages go back to the disk at the end.
 */
export class RetentionRunner {
  readonly #store: HistoryStore;
  readonly #limits: () => RetentionLimits;
  readonly #onDeleted: (count: number) => void;
  readonly #log: (message: string) => void;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  #lastPass = 0;

  constructor(options: { store: HistoryStore; limits: () => RetentionLimits; onDeleted: (count: number) => void; log: (message: string) => void }) {
    this.#store = options.store;
    this.#limits = options.limits;
    this.#onDeleted = options.onDeleted;
    this.#log = options.log;
  }

  /** Schedules a pass (one at a time; a request during a pass runs another after it). */
  poke(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.poke();
      }
    });
  }

  /**
   * After a write: a pass only when the count or size limit is exceeded, or a minute has gone by
   * (for the age limit), so a burst of sends does not pay for a retention query each batch.
   */
  afterWrite({ entries, bytes }: { entries: number; bytes: number }): void {
    const limits = this.#limits();
    const over = (limits.maxEntries > 0 && entries > limits.maxEntries) || (limits.maxBytes > 0 && bytes > limits.maxBytes);
    if (over || Date.now() - this.#lastPass > AGE_CHECK_INTERVAL_MS) this.poke();
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  close(): Promise<void> {
    this.#closed = true;
    return this.idle();
  }

  async #run(): Promise<void> {
    this.#lastPass = Date.now();
    let deleted = 0;
    try {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.#closed) break;
        const step = this.#store.enforceRetention(this.#limits());
        if (step === 0) break;
        deleted += step;
      }
      if (deleted > 0 && !this.#closed) this.#store.compact();
    } catch (error) {
      this.#log(`[shuttle] history retention failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (deleted > 0) this.#onDeleted(deleted);
  }
}
