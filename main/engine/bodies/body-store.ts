import { randomUUID } from 'node:crypto';
import { closeSync, createWriteStream, openSync, readSync, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { BodyChunk } from '../../../shared/model/response.ts';

/** Bodies up to this size stay in memory; a larger body streams to a blob file as it arrives. */
const DEFAULT_SPILL_BYTES = 4 * 1024 * 1024;

type StoredBody =
  | { kind: 'memory'; chunks: Buffer[]; size: number; done: boolean }
  | {
      kind: 'file';
      path: string;
      stream: WriteStream;
      size: number;
      done: boolean;
      /**
       * The bytes it had in memory when it moved to its file, kept until the file has them: they
       * were readable before the move, and a read must not find them missing while they are written.
       */
      beforeSpill?: { chunks: Buffer[]; size: number };
    };

/** One response body being written; `write` returns false when the caller should pause until `drained`. */
export interface BodyWriter {
  readonly id: string;
  readonly size: number;
  write(chunk: Buffer): boolean;
  drained(): Promise<void>;
  /** Resolves once everything written so far can be read back (on disk, for a spilled body). */
  flushed(): Promise<void>;
  end(): Promise<void>;
}

/**
 * Response bodies by reference: the engine writes them here as they arrive and UIs read the
 * ranges they show, so no host ever has to hold a whole large body in one JSON message.
 */
export class BodyStore {
  readonly #root: string;
  readonly #dirName = String(process.pid);
  readonly #dir: string;
  readonly #spillBytes: number;
  readonly #bodies = new Map<string, StoredBody>();

  constructor(root: string, options: { spillBytes?: number } = {}) {
    this.#root = root;
    this.#dir = join(root, this.#dirName);
    this.#spillBytes = options.spillBytes ?? DEFAULT_SPILL_BYTES;
  }

  /**
   * Bodies live only as long as the process: each process keeps its blobs in a folder named by
   * its pid, and folders of processes that are gone (a crash, a kill) are removed here.
   */
  async init(): Promise<void> {
    await mkdir(this.#root, { recursive: true });
    for (const name of await readdir(this.#root)) {
      const pid = Number(name);
      if (name !== this.#dirName && (!Number.isInteger(pid) || !isProcessAlive(pid))) {
        await rm(join(this.#root, name), { recursive: true, force: true });
      }
    }
    await rm(this.#dir, { recursive: true, force: true });
    await mkdir(this.#dir, { recursive: true });
  }

  /** Drops every body and this process's blob folder. */
  async close(): Promise<void> {
    for (const id of [...this.#bodies.keys()]) await this.release(id);
    await rm(this.#dir, { recursive: true, force: true });
  }

  create(): BodyWriter {
    return new StoredBodyWriter(randomUUID(), this.#bodies, this.#dir, this.#spillBytes);
  }

  async read(id: string, offset: number, length: number): Promise<BodyChunk> {
    const { bytes, body } = await this.#readRange(id, offset, length);
    return { base64: bytes.toString('base64'), offset, totalSize: body.size, eof: body.done && offset + bytes.length >= body.size };
  }

  /** Raw bytes of a range, for engine-side views (no base64 round trip). */
  async bytes(id: string, offset: number, length: number): Promise<Buffer> {
    return (await this.#readRange(id, offset, length)).bytes;
  }

  /** The whole body in order, a piece at a time (for scans that must not hold it all at once). */
  async *chunks(id: string, pieceBytes = 1024 * 1024): AsyncGenerator<Buffer> {
    for (let offset = 0; ; ) {
      const { bytes, body } = await this.#readRange(id, offset, pieceBytes);
      if (bytes.length > 0) yield bytes;
      offset += bytes.length;
      if (offset >= body.size || bytes.length === 0) return;
    }
  }

  async #readRange(id: string, offset: number, length: number): Promise<{ bytes: Buffer; body: StoredBody }> {
    const body = this.#bodies.get(id);
    if (!body) throw new ShuttleFailure('NOT_FOUND', 'That response body is no longer available', { bodyId: id });
    const end = Math.min(body.size, offset + length);
    if (body.kind === 'memory') return { bytes: sliceChunks(body.chunks, offset, end), body };
    if (body.beforeSpill && end <= body.beforeSpill.size) return { bytes: sliceChunks(body.beforeSpill.chunks, offset, end), body };
    const file = await open(body.path, 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, end - offset));
      // Only what is on disk: a body still streaming may not have flushed the whole range yet.
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      return { bytes: buffer.subarray(0, bytesRead), body };
    } finally {
      await file.close();
    }
  }

  async release(id: string): Promise<boolean> {
    const body = this.#bodies.get(id);
    if (!body) return false;
    this.#bodies.delete(id);
    if (body.kind === 'file') {
      // Wait for the stream to close: its file may still be opening, and would appear after the rm.
      await destroyAndWait(body.stream);
      await rm(body.path, { force: true });
    }
    return true;
  }

  /**
   * A copy of the first `maxBytes` of a finished body, taken now, for a consumer that outlives the
   * body (history records it after the send returned, when the UI may already have released it).
   * A file body is read synchronously: once per send, after the download, and only the capped prefix.
   */
  peek(id: string, maxBytes: number): Buffer | undefined {
    const body = this.#bodies.get(id);
    if (!body) return undefined;
    const end = Math.min(body.size, maxBytes);
    if (body.kind === 'memory') return sliceChunks(body.chunks, 0, end);
    const fd = openSync(body.path, 'r');
    try {
      const buffer = Buffer.alloc(end);
      return buffer.subarray(0, readSync(fd, buffer, 0, end, 0));
    } finally {
      closeSync(fd);
    }
  }

  /** A body made from bytes already in hand (a response restored from history); returns its id. */
  async fromBytes(bytes: Buffer): Promise<string> {
    const writer = this.create();
    writer.write(bytes);
    await writer.end();
    return writer.id;
  }
}

/**
 * Writes one body into the store: in memory first, moved to a blob file once it outgrows the spill
 * size. A class, not an object literal with a getter: one is made for every response, and V8 builds
 * a literal with accessors on a slow path.
 */
class StoredBodyWriter implements BodyWriter {
  readonly id: string;
  readonly #bodies: Map<string, StoredBody>;
  readonly #dir: string;
  readonly #spillBytes: number;
  #body: StoredBody = { kind: 'memory', chunks: [], size: 0, done: false };

  constructor(id: string, bodies: Map<string, StoredBody>, dir: string, spillBytes: number) {
    this.id = id;
    this.#bodies = bodies;
    this.#dir = dir;
    this.#spillBytes = spillBytes;
    bodies.set(id, this.#body);
  }

  get size(): number {
    return this.#body.size;
  }

  write(chunk: Buffer): boolean {
    const body = this.#body;
    body.size += chunk.length;
    if (body.kind === 'file') return body.stream.write(chunk);
    body.chunks.push(chunk);
    if (body.size <= this.#spillBytes) return true;
    // The path is built only here: most bodies never leave memory, and this runs for every response.
    const path = join(this.#dir, this.id);
    const stream = createWriteStream(path);
    // A failed blob (disk full, folder gone) must fail this body, not crash the process with an
    // unhandled 'error': the error stays on `stream.errored` and `end()` rejects with it.
    stream.on('error', () => undefined);
    const spilled: StoredBody = { kind: 'file', path, stream, size: body.size, done: false, beforeSpill: { chunks: body.chunks, size: body.size } };
    body.chunks.forEach((buffered, index) => {
      // Writes reach the file in order: once the last of them is written, all of them are.
      stream.write(buffered, index === body.chunks.length - 1 ? () => (spilled.beforeSpill = undefined) : undefined);
    });
    this.#body = spilled;
    this.#bodies.set(this.id, this.#body);
    return !stream.writableNeedDrain;
  }

  drained(): Promise<void> {
    const body = this.#body;
    if (body.kind === 'memory' || !body.stream.writableNeedDrain || body.stream.destroyed) return Promise.resolve();
    const stream = body.stream;
    // 'close' too: a stream destroyed by an error or a release never drains.
    return new Promise((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
    });
  }

  flushed(): Promise<void> {
    const body = this.#body;
    if (body.kind === 'memory' || body.stream.destroyed) return Promise.resolve();
    const stream = body.stream;
    // Writes reach the file in order, so an empty write's callback runs after all earlier ones.
    return new Promise((resolve) => stream.write(Buffer.alloc(0), () => resolve()));
  }

  async end(): Promise<void> {
    const body = this.#body;
    body.done = true;
    if (body.kind === 'file') {
      body.stream.end();
      await finished(body.stream);
    }
  }
}

function destroyAndWait(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.destroy();
  });
}

function sliceChunks(chunks: Buffer[], start: number, end: number): Buffer {
  const parts: Buffer[] = [];
  let position = 0;
  for (const chunk of chunks) {
    const chunkEnd = position + chunk.length;
    if (chunkEnd > start && position < end) {
      parts.push(chunk.subarray(Math.max(0, start - position), Math.min(chunk.length, end - position)));
    }
    position = chunkEnd;
    if (position >= end) break;
  }
  return Buffer.concat(parts);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
