/**
 * `npm run bench`: performance as ratios measured in one run (QUALITY.md). Prints one JSON document.
 * Method: docs/benchmarks.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createEngine } from '../../main/engine/engine.ts';
import { historyBench } from './history-bench.ts';
import { largeResponseBench } from './large-response.ts';
import { streamingDownloadBench } from './streaming-download.ts';
import { websocketFloodBench } from './websocket-flood.ts';
import { workspaceBench } from './workspace-bench.ts';

const REQUESTS = 2_000;
const WARMUP = 200;
const ROUNDS = 3;
// The reference body from QUALITY.md: a 424-byte JSON document.
const BODY = JSON.stringify({ id: 1, items: Array.from({ length: 12 }, (_, i) => ({ n: i, name: `item-${i}` })), pad: '' });
const PAYLOAD = BODY.slice(0, -2) + 'x'.repeat(424 - BODY.length) + '"}';

async function main() {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(PAYLOAD) });
    response.end(PAYLOAD);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data`;
  const dataDir = await mkdtemp(join(tmpdir(), 'shuttle-bench-'));
  const engine = await createEngine({ dataDir, emit: () => {} });
  const rawAgent = new Agent();

  const raw = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const response = await request(url, { dispatcher: rawAgent });
      await response.body.arrayBuffer();
    }
  };
  let runs = 0;
  const viaEngine = async (count: number) => {
    for (let i = 0; i < count; i++) {
      runs += 1;
      const meta = await engine.http.send(`bench-${runs}`, { method: 'GET', url, headers: [], body: { mode: 'none', text: '' } });
      await engine.bodies.read(meta.bodyId, 0, meta.bodySize);
      await engine.bodies.release(meta.bodyId);
    }
  };

  await raw(WARMUP);
  await viaEngine(WARMUP);
  const rawTimes: number[] = [];
  const engineTimes: number[] = [];
  // Interleaved rounds so drift on a busy machine hits both sides alike; the median round counts.
  for (let round = 0; round < ROUNDS; round++) {
    rawTimes.push(await timed(() => raw(REQUESTS)));
    engineTimes.push(await timed(() => viaEngine(REQUESTS)));
  }
  const rawMs = median(rawTimes) / REQUESTS;
  const engineMs = median(engineTimes) / REQUESTS;

  await engine.close();
  await rawAgent.close();
  server.close();
  await rm(dataDir, { recursive: true, force: true });

  const result = {
    node: process.version,
    engineOverhead: {
      what: `${REQUESTS} sequential GETs of a ${Buffer.byteLength(PAYLOAD)}-byte JSON body from a loopback server, median of ${ROUNDS} rounds`,
      rawUndiciMsPerRequest: round3(rawMs),
      engineMsPerRequest: round3(engineMs),
      ratio: round3(engineMs / rawMs),
      target: '<= 1.5',
      engineIncludes: 'validation, header preparation, raw-header capture, timings, body stored and read back by reference, history record (redacted, written in batches), cookie-jar lookup, redirect and auth policy, per-exchange timeline (request line and headers as sent, connection, phase timings)',
    },
    websocketFlood: await websocketFloodBench(),
    largeResponse: await largeResponseBench(),
    streamingDownload: await streamingDownloadBench(),
    history: await historyBench(),
    workspace: await workspaceBench(),
  };
  console.log(JSON.stringify(result, null, 2));
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

await main();
