import type { WsMessage } from '../../../../shared/model/websocket.ts';

/** Content kept across all messages of one log, whatever the count limit says. */
const DEFAULT_BYTE_BUDGET = 128 * 1024 * 1024;

/**
 * A tab's message log: the newest `capacity` messages (and at most `byteBudget` bytes of their
 * content) in a circular buffer. Messages keep an absolute index for as long as they are kept,
 * so views can hold on to positions while older messages are dropped underneath them.
 */
export class MessageRing {
  #slots: (WsMessage | undefined)[];
  #capacity: number;
  readonly #byteBudget: number;
  /** Absolute index of the oldest kept message; `#end` is one past the newest. */
  #start = 0;
  #end = 0;
  #bytes = 0;
  /** Changes whenever indexes are reset (clear, a new limit), so views know to start over. */
  #epoch = 0;

  constructor(capacity: number, byteBudget = DEFAULT_BYTE_BUDGET) {
    this.#capacity = capacity;
    this.#byteBudget = byteBudget;
    this.#slots = [];
  }

  get start(): number {
    return this.#start;
  }
  get end(): number {
    return this.#end;
  }
  /** Every message since the log was last cleared, kept or dropped. */
  get total(): number {
    return this.#end;
  }
  /** Older messages that no longer fit. */
  get dropped(): number {
    return this.#start;
  }
  get length(): number {
    return this.#end - this.#start;
  }
  get capacity(): number {
    return this.#capacity;
  }
  get epoch(): number {
    return this.#epoch;
  }

  get(index: number): WsMessage | undefined {
    return index >= this.#start && index < this.#end ? this.#slots[index % this.#capacity] : undefined;
  }

  push(messages: readonly WsMessage[]): void {
    for (const message of messages) {
      if (this.length === this.#capacity) this.#dropOldest();
      this.#slots[this.#end % this.#capacity] = message;
      this.#end += 1;
      this.#bytes += contentBytes(message);
    }
    while (this.#bytes > this.#byteBudget && this.length > 1) this.#dropOldest();
  }

  /** Keeps the newest messages that fit the new limit; their indexes stay as they were. */
  setCapacity(capacity: number): void {
    if (capacity === this.#capacity) return;
    const keepFrom = Math.max(this.#start, this.#end - capacity);
    const kept: WsMessage[] = [];
    for (let index = keepFrom; index < this.#end; index++) kept.push(this.get(index)!);
    this.#capacity = capacity;
    this.#slots = [];
    this.#bytes = 0;
    this.#start = keepFrom;
    kept.forEach((message, offset) => {
      this.#slots[(keepFrom + offset) % capacity] = message;
      this.#bytes += contentBytes(message);
    });
  }

  clear(): void {
    this.#slots = [];
    this.#start = 0;
    this.#end = 0;
    this.#bytes = 0;
    this.#epoch += 1;
  }

  /** The kept messages, oldest first. */
  *[Symbol.iterator](): IterableIterator<WsMessage> {
    for (let index = this.#start; index < this.#end; index++) yield this.get(index)!;
  }

  #dropOldest(): void {
    const slot = this.#start % this.#capacity;
    this.#bytes -= contentBytes(this.#slots[slot]!);
    this.#slots[slot] = undefined;
    this.#start += 1;
  }
}

function contentBytes(message: WsMessage): number {
  // UTF-16 in memory: two bytes a character.
  return 2 * ((message.text?.length ?? 0) + (message.base64?.length ?? 0));
}
