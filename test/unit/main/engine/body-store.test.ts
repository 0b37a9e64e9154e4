import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyStore, type BodyWriter } from '../../../../main/engine/bodies/body-store.ts';
import { failureOf } from '../../helpers/failure.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** Bytes where every position differs from its neighbours, so a range from the wrong offset cannot pass. */
function pattern(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
}

async function writeInChunks(writer: BodyWriter, bytes: Buffer, chunkSize: number): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    if (!writer.write(bytes.subarray(offset, offset + chunkSize))) await writer.drained();
  }
  await writer.end();
}

async function readRange(store: BodyStore, id: string, offset: number, length: number) {
  const chunk = await store.read(id, offset, length);
  return { ...chunk, bytes: Buffer.from(chunk.base64, 'base64') };
}

async function openStore(options: { spillBytes?: number } = {}) {
  const root = join(await tempDir(), 'blobs');
  const store = new BodyStore(root, options);
  await store.init();
  return { root, store, ownDir: join(root, String(process.pid)) };
}

describe('BodyStore', () => {
  it('bytes readable in memory stay readable while the body moves to its file (a pretty view read as it grows)', async () => {
    const { store } = await openStore({ spillBytes: 64 });
    const writer = store.create();
    const body = pattern(200);
    writer.write(body.subarray(0, 50));
    expect((await store.bytes(writer.id, 0, 50)).equals(body.subarray(0, 50))).toBe(true);

    // Past the spill size: the first 50 bytes are on their way to the file, not there yet.
    writer.write(body.subarray(50, 100));
    const duringMove = await store.bytes(writer.id, 0, 50);
    await writer.flushed();
    const afterMove = await store.bytes(writer.id, 0, 100);

    expect(duringMove.equals(body.subarray(0, 50))).toBe(true);
    expect(afterMove.equals(body.subarray(0, 100))).toBe(true);
    await writer.end();
  });

  it('reads a body kept in memory by range, across chunk boundaries', async () => {
    const { store, ownDir } = await openStore();
    const writer = store.create();
    const body = pattern(1000);

    await writeInChunks(writer, body, 7);

    expect(await readdir(ownDir)).toEqual([]);
    const whole = await readRange(store, writer.id, 0, 10_000);
    expect(whole.bytes).toEqual(body);
    expect(whole).toMatchObject({ offset: 0, totalSize: 1000, eof: true });
    const middle = await readRange(store, writer.id, 5, 20);
    expect(middle.bytes).toEqual(body.subarray(5, 25));
    expect(middle.eof).toBe(false);
    const tail = await readRange(store, writer.id, 990, 100);
    expect(tail.bytes).toEqual(body.subarray(990));
    expect(tail.eof).toBe(true);
    expect((await readRange(store, writer.id, 2000, 10)).bytes.length).toBe(0);
  });

  it('spills a body over the threshold to a blob file and reads it back identical by ranges', async () => {
    const { store, ownDir } = await openStore({ spillBytes: 64 });
    const writer = store.create();
    const body = pattern(100_000);

    await writeInChunks(writer, body, 1_021);

    expect(await readdir(ownDir)).toEqual([writer.id]);
    for (const [offset, length] of [
      [0, 1],
      [63, 2],
      [1_000, 4_096],
      [50_001, 33_333],
      [99_999, 10],
    ] as const) {
      const range = await readRange(store, writer.id, offset, length);
      expect(range.bytes).toEqual(body.subarray(offset, offset + length));
      expect(range.totalSize).toBe(100_000);
      expect(range.eof).toBe(offset + length >= 100_000);
    }
  });

  it('a body exactly at the threshold stays in memory', async () => {
    const { store, ownDir } = await openStore({ spillBytes: 64 });
    const writer = store.create();

    await writeInChunks(writer, pattern(64), 10);

    expect(await readdir(ownDir)).toEqual([]);
    expect((await readRange(store, writer.id, 0, 64)).bytes).toEqual(pattern(64));
  });

  it('release removes the blob file and the body; a second release says so', async () => {
    const { store, ownDir } = await openStore({ spillBytes: 16 });
    const writer = store.create();
    await writeInChunks(writer, pattern(1_000), 100);
    expect(existsSync(join(ownDir, writer.id))).toBe(true);

    expect(await store.release(writer.id)).toBe(true);

    expect(existsSync(join(ownDir, writer.id))).toBe(false);
    expect((await failureOf(store.read(writer.id, 0, 10))).code).toBe('NOT_FOUND');
    expect(await store.release(writer.id)).toBe(false);
  });

  it('release right after a body spilled (a cancel mid-download) leaves no file behind', async () => {
    const { store, ownDir } = await openStore({ spillBytes: 16 });
    const cancelled = store.create();
    cancelled.write(pattern(100));

    expect(await store.release(cancelled.id)).toBe(true);

    // Another body written and finished afterwards: by then the first file's open has long completed.
    const later = store.create();
    await writeInChunks(later, pattern(100), 100);
    expect(await readdir(ownDir)).toEqual([later.id]);
  });

  it('a blob file that cannot be written fails the body instead of crashing the process', async () => {
    const { store, ownDir } = await openStore({ spillBytes: 16 });
    await rm(ownDir, { recursive: true });
    const writer = store.create();

    writer.write(pattern(100));

    await expect(writer.end()).rejects.toThrow(/ENOENT/);
    expect(await store.release(writer.id)).toBe(true);
  });

  it('reading an unknown body is NOT_FOUND', async () => {
    const { store } = await openStore();
    const failure = await failureOf(store.read('no-such-body', 0, 10));
    expect(failure.code).toBe('NOT_FOUND');
    expect(failure.detail).toEqual({ bodyId: 'no-such-body' });
  });

  it('init removes the folders of dead processes and stray entries, keeps live ones, and empties its own', async () => {
    const root = join(await tempDir(), 'blobs');
    // A process that has certainly exited: spawned and waited for.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const livePid = process.ppid;
    for (const name of [String(deadPid), String(livePid), String(process.pid), 'not-a-pid']) {
      await mkdir(join(root, name), { recursive: true });
      await writeFile(join(root, name, 'leftover'), 'x');
    }
    await writeFile(join(root, 'stray-file'), 'x');

    await new BodyStore(root).init();

    expect((await readdir(root)).sort()).toEqual([String(livePid), String(process.pid)].sort());
    expect(await readdir(join(root, String(livePid)))).toEqual(['leftover']);
    expect(await readdir(join(root, String(process.pid)))).toEqual([]);
  });

  it('close drops every body and its own folder', async () => {
    const { store, ownDir } = await openStore({ spillBytes: 16 });
    const spilled = store.create();
    await writeInChunks(spilled, pattern(100), 10);
    const small = store.create();
    await writeInChunks(small, pattern(5), 5);

    await store.close();

    expect(existsSync(ownDir)).toBe(false);
    expect((await failureOf(store.read(small.id, 0, 1))).code).toBe('NOT_FOUND');
  });
});
