import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { BodyChunk } from '../../../shared/model/response.ts';

/** Bodies up to this size stay in memory; a larger body streams to a blob file as it arrives. */
const DEFAULT_SPILL_BYTES = 4 * 1024 * 1024;

type StoredBody =
  | { kind: 'memory'; chunks: Buffer[]; size: number; done: boolean }
  | { kind: 'file'; path: string; stream: WriteStream; size: number; done: boolean };

/** One response body being written; `write` returns false when the caller should pause until `drained`. */
export interface BodyWriter {
  readonly id: string;
  readonly size: number;
  write(chunk: Buffer): boolean;
  drained(): Promise<void>;
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
    const id = randomUUID();
    let body: StoredBody = { kind: 'memory', chunks: [], size: 0, done: false };
    this.#bodies.set(id, body);
    const store = this;
    return {
      id,
      get size() {
        return body.size;
      },
      write(chunk) {
        body.size += chunk.length;
        if (body.kind === 'memory') {
          body.chunks.push(chunk);
          if (body.size <= store.#spillBytes) return true;
          const path = join(store.#dir, id);
          const stream = createWriteStream(path);
          for (const buffered of body.chunks) stream.write(buffered);
          body = { kind: 'file', path, stream, size: body.size, done: false };
          store.#bodies.set(id, body);
          return !stream.writableNeedDrain;
        }
        return body.stream.write(chunk);
      },
      drained() {
        if (body.kind === 'memory' || !body.stream.writableNeedDrain) return Promise.resolve();
        const stream = body.stream;
        return new Promise((resolve) => stream.once('drain', resolve));
      },
      async end() {
        body.done = true;
        if (body.kind === 'file') {
          const stream = body.stream;
          await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
        }
      },
    };
  }

  async read(id: string, offset: number, length: number): Promise<BodyChunk> {
    const body = this.#bodies.get(id);
    if (!body) throw new ShuttleFailure('NOT_FOUND', 'That response body is no longer available', { bodyId: id });
    const end = Math.min(body.size, offset + length);
    let bytes: Buffer;
    if (body.kind === 'memory') {
      bytes = sliceChunks(body.chunks, offset, end);
    } else {
      const file = await open(body.path, 'r');
      try {
        bytes = Buffer.alloc(Math.max(0, end - offset));
        await file.read(bytes, 0, bytes.length, offset);
      } finally {
        await file.close();
      }
    }
    return { base64: bytes.toString('base64'), offset, totalSize: body.size, eof: body.done && end >= body.size };
  }

  async release(id: string): Promise<boolean> {
    const body = this.#bodies.get(id);
    if (!body) return false;
    this.#bodies.delete(id);
    if (body.kind === 'file') {
      body.stream.destroy();
      await rm(body.path, { force: true });
    }
    return true;
  }
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
