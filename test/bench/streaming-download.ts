/**
 * The streaming-download benchmark (QUALITY.md, "500 MB body"): a 500 MiB response streams to
 * the body store on disk while the engine's resident memory stays flat, with and without a
 * Content-Length, and a cancel mid-download takes effect within a second. Method: docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ShuttleFailure } from '../../shared/contract/errors.ts';
import { createEngine } from '../../main/engine/engine.ts';

const MEGABYTES = Number(process.env.SHUTTLE_BENCH_STREAM_MB ?? 500);
const MiB = 1024 * 1024;

export interface StreamingFigures {
  what: string;
  targets: Record<string, string>;
  downloads: { contentLength: boolean; bodyMb: number; storedOnDiskMb: number; seconds: number; mbPerSecond: number; rssGrowthMb: number }[];
  cancel: { receivedMbWhenCancelled: number; cancelToRejectMs: number; code: string; blobRemoved: boolean };
}

export async function streamingDownloadBench(): Promise<StreamingFigures> {
  const server = spawn(process.execPath, [fileURLToPath(new URL('./streaming-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve));
  const base = `http://127.0.0.1:${port}/stream?mb=${MEGABYTES}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'shuttle-bench-stream-'));
  let receivedBytes = 0;
  const engine = await createEngine({
    dataDir,
    emit: (event, payload) => {
      if (event === 'http.progress') receivedBytes = (payload as { receivedBytes: number }).receivedBytes;
    },
  });
  // Every byte is kept: the cap is above the body, so nothing is truncated.
  await engine.settings.update({ maxResponseBytes: (MEGABYTES + 1) * MiB });
  const spec = (url: string) => ({ method: 'GET', url, headers: [], body: { mode: 'none' as const, text: '' }, settings: { timeoutMs: 600_000 } });

  try {
    // A small request first, so start-up allocations are not counted as growth.
    await engine.http.send('warm-up', spec(`http://127.0.0.1:${port}/stream?mb=1&length=1`));
    const downloads: StreamingFigures['downloads'] = [];
    for (const withLength of [true, false]) {
      const baseline = process.memoryUsage.rss();
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
      const started = performance.now();
      const meta = await engine.http.send(`stream-${withLength}`, spec(`${base}&length=${withLength ? 1 : 0}`));
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage.rss());
      const blob = join(dataDir, 'blobs', String(process.pid), meta.bodyId);
      downloads.push({
        contentLength: withLength,
        bodyMb: round1(meta.bodySize / MiB),
        storedOnDiskMb: existsSync(blob) ? round1((await stat(blob)).size / MiB) : 0,
        seconds: round1(seconds),
        mbPerSecond: round1(meta.bodySize / MiB / seconds),
        rssGrowthMb: round1((peak - baseline) / MiB),
      });
      await engine.bodies.release(meta.bodyId);
    }

    // Cancel once a fifth of the body has arrived; time from cancel() to the send settling.
    receivedBytes = 0;
    const running = engine.http.send('stream-cancel', spec(`${base}&length=1`)).then(
      () => 'completed',
      (error: unknown) => (error instanceof ShuttleFailure ? error.code : String(error)),
    );
    while (receivedBytes < (MEGABYTES / 5) * MiB) await new Promise((resolve) => setTimeout(resolve, 5));
    const receivedMbWhenCancelled = round1(receivedBytes / MiB);
    const cancelledAt = performance.now();
    engine.http.cancel('stream-cancel');
    const code = await running;
    const cancelToRejectMs = Math.round(performance.now() - cancelledAt);
    // The cancelled body's blob file is removed right after the rejection; give it a moment.
    const blobs = join(dataDir, 'blobs', String(process.pid));
    const deadline = performance.now() + 2_000;
    while ((await readdir(blobs)).length > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));

    return {
      what: `a ${MEGABYTES} MiB body from a loopback server in another process, streamed to the body store on disk`,
      targets: { rssGrowthMb: '< 100', cancelToRejectMs: '< 1000' },
      downloads,
      cancel: { receivedMbWhenCancelled, cancelToRejectMs, code, blobRemoved: (await readdir(blobs)).length === 0 },
    };
  } finally {
    await engine.close();
    server.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

// Also runnable on its own: node test/bench/streaming-download.ts
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await streamingDownloadBench(), null, 2));
