import type { Transform } from 'node:stream';
import type { BodyWriter } from '../../bodies/body-store.ts';
import { createDecoder } from './content-decoders.ts';

/**
 * Where a response body goes as it arrives: through the Content-Encoding decoders (if any) into
 * the body store, stopping at the size cap.
 *
 * The store keeps the decoded bytes, so what the user reads, searches and saves is the content
 * the server meant (a "save" writes the JSON, not its gzip). The wire size is reported beside it.
 * The cap applies to decoded bytes: a 10 KB gzip bomb that inflates to 10 GB stops at the cap,
 * having decoded no more than one decoder chunk past it.
 */
export interface BodySink {
  /** Takes bytes as they came off the wire; false asks the producer to pause until `whenWritable`. */
  write(chunk: Buffer): boolean;
  whenWritable(resume: () => void): void;
  /** The input is complete: resolves when every decoded byte is stored and the writer has ended. */
  end(): Promise<void>;
  /** The body is being thrown away (cancel, timeout): stop decoding; the writer is released by the caller. */
  discard(): void;
  /** True once the stored bytes reached the cap: the caller stops downloading. */
  readonly capped: boolean;
  readonly wireBytes: number;
}

export interface BodySinkOptions {
  writer: BodyWriter;
  /** Codings in the order they were applied (Content-Encoding order); undone last to first. */
  codings: readonly string[];
  maxBytes: number;
  /** A decoder failed (corrupt data): the caller stops downloading and flags the body. */
  onDecodeError(error: Error): void;
}

export function createBodySink(options: BodySinkOptions): BodySink {
  return options.codings.length === 0 ? new PlainSink(options) : new DecodingSink(options);
}

/** The hot path: bytes go straight to the store. */
class PlainSink implements BodySink {
  readonly #writer: BodyWriter;
  readonly #maxBytes: number;
  capped = false;
  wireBytes = 0;

  constructor(options: BodySinkOptions) {
    this.#writer = options.writer;
    this.#maxBytes = options.maxBytes;
  }

  write(chunk: Buffer): boolean {
    this.wireBytes += chunk.length;
    if (this.capped) return true;
    const room = this.#maxBytes - this.#writer.size;
    // Strictly more than fits: a body of exactly the cap is complete, not truncated.
    if (chunk.length > room) {
      if (room > 0) this.#writer.write(chunk.subarray(0, room));
      this.capped = true;
      return true;
    }
    return this.#writer.write(chunk);
  }

  whenWritable(resume: () => void): void {
    void this.#writer.drained().then(resume);
  }

  end(): Promise<void> {
    return this.#writer.end();
  }

  discard(): void {}
}

/**
 * Decoders chained by hand rather than piped: each stage is created when its first bytes arrive
 * (so an empty 204 never meets a gzip header check, and "deflate" can look at its first bytes),
 * and backpressure runs from the store back to the socket.
 */
class DecodingSink implements BodySink {
  readonly #writer: BodyWriter;
  readonly #maxBytes: number;
  readonly #codings: string[];
  readonly #stages: (Transform | undefined)[];
  readonly #onDecodeError: (error: Error) => void;
  #stopped = false;
  capped = false;
  wireBytes = 0;

  constructor(options: BodySinkOptions) {
    this.#writer = options.writer;
    this.#maxBytes = options.maxBytes;
    // Stage 0 undoes the coding applied last.
    this.#codings = [...options.codings].reverse();
    this.#stages = this.#codings.map(() => undefined);
    this.#onDecodeError = options.onDecodeError;
  }

  write(chunk: Buffer): boolean {
    this.wireBytes += chunk.length;
    if (this.#stopped) return true;
    return this.#feed(0, chunk);
  }

  whenWritable(resume: () => void): void {
    const first = this.#stages[0];
    if (!first || this.#stopped || !first.writableNeedDrain) return resume();
    const done = () => {
      first.off('drain', done);
      first.off('close', done);
      resume();
    };
    first.on('drain', done);
    first.on('close', done);
  }

  async end(): Promise<void> {
    for (let index = 0; index < this.#stages.length; index++) {
      const stage = this.#stages[index];
      // A stage that never got bytes produced nothing, and neither did the ones after it.
      if (!stage || this.#stopped) break;
      await endStage(stage);
    }
    await this.#writer.end();
  }

  discard(): void {
    this.#halt();
  }

  #halt() {
    this.#stopped = true;
    for (const stage of this.#stages) stage?.destroy();
  }

  /** Gives bytes to stage `index` (creating it), or to the store past the last stage. */
  #feed(index: number, chunk: Buffer): boolean {
    if (index === this.#stages.length) return this.#store(chunk);
    let stage = this.#stages[index];
    if (!stage) {
      stage = createDecoder(this.#codings[index]!, chunk);
      this.#stages[index] = stage;
      const current = stage;
      current.on('data', (output: Buffer) => {
        if (this.#stopped) return;
        if (!this.#feed(index + 1, output)) {
          current.pause();
          this.#resumeWhenReady(index + 1, () => current.resume());
        }
      });
      current.on('error', (error: Error) => {
        if (this.#stopped) return;
        this.#halt();
        this.#onDecodeError(error);
      });
    }
    return stage.write(chunk);
  }

  #resumeWhenReady(index: number, resume: () => void) {
    if (index === this.#stages.length) {
      void this.#writer.drained().then(resume);
      return;
    }
    const next = this.#stages[index];
    if (!next) return resume();
    next.once('drain', resume);
  }

  #store(chunk: Buffer): boolean {
    const room = this.#maxBytes - this.#writer.size;
    if (chunk.length > room) {
      if (room > 0) this.#writer.write(chunk.subarray(0, room));
      this.capped = true;
      // The bomb stops here: no decoder runs any further.
      this.#halt();
      return true;
    }
    return this.#writer.write(chunk);
  }
}

function endStage(stage: Transform): Promise<void> {
  return new Promise((resolve) => {
    if (stage.readableEnded || stage.destroyed) return resolve();
    const done = () => {
      stage.off('end', done);
      stage.off('close', done);
      resolve();
    };
    stage.on('end', done);
    // An error or a halt destroys the stage: 'close' without 'end'.
    stage.on('close', done);
    stage.end();
  });
}
