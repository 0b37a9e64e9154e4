import { compileFilter, NO_FILTER, type LogFilter } from './log-filter.ts';
import type { MessageRing } from './message-ring.ts';

/**
 * What a log shows: the messages that pass the filter, in order, frozen at one point while paused.
 * Kept up to date incrementally (only new messages are checked), so typing in the filter box and
 * a flood of messages both stay cheap.
 */
export class LogView {
  readonly #log: MessageRing;
  #filter: LogFilter = NO_FILTER;
  #matches: ((index: number) => boolean) | undefined;
  #problem: string | undefined;
  /** Absolute indexes of matching messages (only used while a filter is set); `#head` skips dropped ones. */
  #matched: number[] = [];
  #head = 0;
  /** Messages up to this absolute index have been checked. */
  #scanned = 0;
  #epoch: number;
  /** The log's end when the view was paused. */
  #pausedAt: number | undefined;

  constructor(log: MessageRing) {
    this.#log = log;
    this.#epoch = log.epoch;
  }

  get filter(): LogFilter {
    return this.#filter;
  }
  /** Why the filter cannot be used (an invalid regular expression); the view then shows everything. */
  get problem(): string | undefined {
    return this.#problem;
  }
  get paused(): boolean {
    return this.#pausedAt !== undefined;
  }

  setFilter(filter: LogFilter): void {
    this.#filter = filter;
    const compiled = compileFilter(filter);
    this.#problem = compiled.ok ? undefined : compiled.problem;
    const matches = compiled.ok ? compiled.matches : undefined;
    this.#matches = matches ? (index) => matches(this.#log.get(index)!) : undefined;
    this.#rescan();
  }

  pause(): void {
    this.#pausedAt ??= this.#log.end;
  }

  resume(): void {
    this.#pausedAt = undefined;
  }

  /** Brings the view up to date with the log (after messages arrive, the log is cleared or its limit changes). */
  refresh(): void {
    if (this.#log.epoch !== this.#epoch) {
      this.#epoch = this.#log.epoch;
      if (this.#pausedAt !== undefined) this.#pausedAt = this.#log.end;
      return this.#rescan();
    }
    if (!this.#matches) return;
    const start = this.#log.start;
    while (this.#head < this.#matched.length && this.#matched[this.#head]! < start) this.#head += 1;
    // Drop the skipped prefix now and then, so the array does not grow without bound.
    if (this.#head > 4096 && this.#head * 2 > this.#matched.length) {
      this.#matched = this.#matched.slice(this.#head);
      this.#head = 0;
    }
    for (let index = Math.max(this.#scanned, start); index < this.#log.end; index++) if (this.#matches(index)) this.#matched.push(index);
    this.#scanned = this.#log.end;
  }

  /** Rows shown (while paused, only those that had arrived when it was paused). */
  get count(): number {
    const end = this.#pausedAt ?? this.#log.end;
    if (!this.#matches) return Math.max(0, end - this.#log.start);
    return this.#matchedBefore(end) - this.#head;
  }

  /** Matching messages that arrived while paused. */
  get newWhilePaused(): number {
    if (this.#pausedAt === undefined) return 0;
    if (!this.#matches) return this.#log.end - Math.max(this.#pausedAt, this.#log.start);
    return this.#matched.length - Math.max(this.#head, this.#matchedBefore(this.#pausedAt));
  }

  /** The absolute log index shown in `row`. */
  indexAt(row: number): number {
    return this.#matches ? this.#matched[this.#head + row]! : this.#log.start + row;
  }

  #rescan(): void {
    this.#matched = [];
    this.#head = 0;
    this.#scanned = this.#log.start;
    if (this.#matches) this.refresh();
    else this.#scanned = this.#log.end;
  }

  /** How many entries of `#matched` (from 0) are below `end`. */
  #matchedBefore(end: number): number {
    let low = this.#head;
    let high = this.#matched.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#matched[middle]! < end) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
