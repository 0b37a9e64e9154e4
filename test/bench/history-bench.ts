/**
 * History at scale (QUALITY.md: 100,000 entries, search p95 < 100 ms, app start unaffected).
 * Called by run.ts; method in docs/benchmarks.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HistorySearch } from '../../shared/model/history.ts';
import { createEngine, type Engine } from '../../main/engine/engine.ts';
import { buildRecord, type CapturedSend } from '../../main/store/history/history-record.ts';
import { HistoryStore } from '../../main/store/history/history-store.ts';

const ENTRIES = 100_000;
/** The recorder's largest batch: one transaction each. */
const BATCH = 500;
const SEARCH_ROUNDS = 5;
const START_ROUNDS = 31;
/** The History panel's first page: the baseline history for the start-up comparison holds just this many. */
const START_PAGE = 100;
const DAY_MS = 24 * 3600 * 1000;

const WORDS = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra ' +
  'tango uniform victor whiskey yankee zulu apple banana cherry damson elder fig grape hazel kiwi lemon mango nectarine ' +
  'olive peach quince raspberry status order invoice customer payment shipment account session token profile report'
).split(' ');
const HOSTS = Array.from({ length: 20 }, (_, i) => `api${i}.example.test${i % 3 === 0 ? ':8443' : ''}`);
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const STATUSES = [200, 200, 200, 201, 204, 301, 400, 401, 404, 500, 503];

/** The 20 searches timed: rare and common words, prefixes, phrases, URL parts, and filters alone and combined. */
function searches(now: number): { name: string; query: Omit<HistorySearch, 'limit'> }[] {
  return [
    { name: 'rare word in a response body', query: { query: 'xylophone' } },
    { name: 'common word', query: { query: 'status' } },
    { name: 'two-letter prefix', query: { query: 'ba' } },
    { name: 'host in the URL', query: { query: 'api7.example' } },
    { name: 'path phrase', query: { query: '"orders/4242"' } },
    { name: 'two words', query: { query: 'alpha charlie' } },
    { name: 'header value', query: { query: 'application/json' } },
    { name: 'number', query: { query: '77777' } },
    { name: 'no match', query: { query: 'zzqqxxjj' } },
    { name: 'phrase in a body', query: { query: '"order created"' } },
    { name: 'word prefix', query: { query: 'shipm' } },
    { name: 'word in a request body', query: { query: 'quantity' } },
    { name: 'redacted secrets', query: { query: 'redacted' } },
    { name: 'method filter only', query: { method: 'DELETE' } },
    { name: 'status 5xx only', query: { statusClass: '5xx' } },
    { name: 'host prefix only', query: { host: 'api13' } },
    { name: 'last day only', query: { from: now - DAY_MS } },
    { name: 'word + method + status', query: { query: 'invoice', method: 'POST', statusClass: '2xx' } },
    { name: 'word + host + time range', query: { query: 'payment', host: 'api4', from: now - 7 * DAY_MS, to: now - DAY_MS } },
    { name: 'rare word, failed sends', query: { query: 'lemon', statusClass: 'failed' } },
  ];
}

export async function historyBench() {
  const root = await mkdtemp(join(tmpdir(), 'shuttle-bench-history-'));
  const fullDir = join(root, 'full');
  const pageDir = join(root, 'one-page');
  try {
    const now = Date.now();
    const insert = await fill(fullDir, now);

    const engine = await createEngine({ dataDir: fullDir, emit: () => {} });
    const searchResult = await timeSearches(engine, now);
    await engine.close();

    // The baseline shows the same first screen: one page of entries. Both folders have been opened
    // once before timing, so neither pays for creating its files.
    await fill(pageDir, now, START_PAGE);
    const start = await timeStarts(pageDir, fullDir);
    const recording = await recordingCost(join(root, 'recording'));

    return {
      what: `${ENTRIES.toLocaleString('en')} generated entries (JSON bodies of 0.3–4 KB, redacted and compressed as recorded)`,
      insert,
      search: { ...searchResult, target: 'p95 < 100 ms' },
      appStart: { ...start, target: 'ratio <= 1.1' },
      recording,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Writes the entries as the recorder does (build record, then batches in one transaction each). */
async function fill(dataDir: string, now: number, entries = ENTRIES) {
  const store = new HistoryStore({ dataDir, quickCheck: false });
  const started = performance.now();
  for (let first = 0; first < entries; first += BATCH) {
    const sends = Array.from({ length: Math.min(BATCH, entries - first) }, (_, j) => generatedSend(first + j, now));
    await store.insert(await Promise.all(sends.map((send) => buildRecord(send, { maxBodyBytes: 1024 * 1024, secretHeaders: [] }))));
  }
  const ms = performance.now() - started;
  const { bytes } = store.stats();
  await store.close();
  return { entriesPerSecond: Math.round(entries / (ms / 1000)), totalMs: Math.round(ms), batch: BATCH, storedMegabytes: round1(bytes / 1024 ** 2) };
}

async function timeSearches(engine: Engine, now: number) {
  const samples: number[] = [];
  const perQuery: { name: string; medianMs: number; results: number }[] = [];
  for (const { name, query } of searches(now)) {
    await engine.history.search({ ...query, limit: 100 });
    const times: number[] = [];
    let results = 0;
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      const started = performance.now();
      const page = await engine.history.search({ ...query, limit: 100 });
      times.push(performance.now() - started);
      results = page.entries.length;
    }
    samples.push(...times);
    perQuery.push({ name, medianMs: round3(percentile(times, 0.5)), results });
  }
  return {
    method: `20 searches × ${SEARCH_ROUNDS} runs after one warm-up each, first page of 100 newest matches, through engine.history.search`,
    p50Ms: round3(percentile(samples, 0.5)),
    p95Ms: round3(percentile(samples, 0.95)),
    maxMs: round3(Math.max(...samples)),
    perQuery,
  };
}

/**
 * Engine creation plus the History panel's first query, alternating a history of one page (the
 * same first screen) and the full one: what the size alone adds.
 */
async function timeStarts(pageDir: string, fullDir: string) {
  const once = async (dataDir: string) => {
    const started = performance.now();
    const engine = await createEngine({ dataDir, emit: () => {} });
    await engine.history.search({ limit: START_PAGE });
    const ms = performance.now() - started;
    await engine.close();
    return ms;
  };
  await once(pageDir);
  await once(fullDir);
  const page: number[] = [];
  const full: number[] = [];
  for (let round = 0; round < START_ROUNDS; round++) {
    page.push(await once(pageDir));
    full.push(await once(fullDir));
  }
  const pageMs = percentile(page, 0.5);
  const fullMs = percentile(full, 0.5);
  return {
    method: `createEngine + history.search({ limit: ${START_PAGE} }), with ${START_PAGE} entries and with ${ENTRIES.toLocaleString('en')}, median of ${START_ROUNDS} alternating runs each`,
    onePageHistoryMs: round3(pageMs),
    fullHistoryMs: round3(fullMs),
    ratio: round3(fullMs / pageMs),
  };
}

/**
 * What recording adds to a send: the same loop of sequential GETs (a small JSON body from a loopback
 * server, read back and released as the UI does) with history on and with `history.record` replaced
 * by a no-op, interleaved rounds, medians. The database work runs on the writer thread; this is
 * what is left on the sending thread plus whatever the writer takes from a shared CPU.
 */
async function recordingCost(dataDir: string) {
  const payload = JSON.stringify({ id: 1, items: Array.from({ length: 12 }, (_, i) => ({ n: i, name: `item-${i}` })) });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    response.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data`;
  const engine = await createEngine({ dataDir, emit: () => {} });
  const record = engine.history.record;
  let runs = 0;
  const loop = async (count: number) => {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const meta = await engine.http.send(`recording-${runs++}`, { method: 'GET', url, headers: [], body: { mode: 'none', text: '' } });
      await engine.bodies.read(meta.bodyId, 0, meta.bodySize);
      await engine.bodies.release(meta.bodyId);
    }
    return (performance.now() - started) / count;
  };
  await loop(300);
  const on: number[] = [];
  const off: number[] = [];
  for (let round = 0; round < 3; round++) {
    engine.history.record = record;
    on.push(await loop(1_000));
    await engine.history.idle();
    engine.history.record = () => {};
    off.push(await loop(1_000));
  }
  engine.history.record = record;
  await engine.close();
  server.close();
  const onMs = percentile(on, 0.5);
  const offMs = percentile(off, 0.5);
  return {
    method: '1,000 sequential sends per round, 3 interleaved rounds with history recording on and off, medians',
    msPerSendRecorded: round3(onMs),
    msPerSendNotRecorded: round3(offMs),
    addedMsPerSend: round3(onMs - offMs),
  };
}

/** A deterministic, varied entry: hosts, methods, statuses, paths and words spread like real use. */
function generatedSend(i: number, now: number): CapturedSend {
  const word = (k: number) => WORDS[(i * 7 + k * 13) % WORDS.length]!;
  const method = METHODS[i % METHODS.length]!;
  const status = i % 97 === 0 ? null : STATUSES[(i * 5) % STATUSES.length]!;
  const url = `https://${HOSTS[i % HOSTS.length]}/v2/${word(1)}s/${i % 5 === 0 ? `orders/${i}` : i}?q=${word(2)}`;
  const sentAt = now - Math.floor(((ENTRIES - i) / ENTRIES) * 30 * DAY_MS);
  const items = Array.from({ length: 2 + (i % 30) }, (_, k) => ({ id: i * 100 + k, name: `${word(k)} ${word(k + 3)}`, quantity: (i + k) % 9 }));
  const bodyText = JSON.stringify({
    status: status && status < 400 ? 'ok' : 'error',
    message: i % 50 === 0 ? 'order created' : `${word(4)} ${word(5)} ${word(6)}`,
    ...(i === 77_777 ? { note: 'xylophone' } : {}),
    items,
  });
  const spec: CapturedSend['spec'] = {
    method,
    url,
    headers: [
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'Authorization', value: `Bearer token-${i % 11}-abcdefgh`, enabled: true },
    ],
    body: method === 'GET' || method === 'DELETE' ? { mode: 'none', text: '' } : { mode: 'json', text: JSON.stringify({ quantity: i % 7, sku: `${word(8)}-${i}` }) },
  };
  const base = { runId: `bench-${i}`, spec, source: null, environment: null, startedAt: sentAt, finishedAt: sentAt + 40 };
  if (status === null) return { ...base, outcome: { kind: 'failure', error: { code: 'REFUSED', message: 'connect ECONNREFUSED' } } };
  const body = Buffer.from(bodyText);
  return {
    ...base,
    outcome: {
      kind: 'response',
      body,
      meta: {
        runId: base.runId,
        status,
        statusText: status < 400 ? 'OK' : 'Error',
        method,
        url,
        headers: [
          ['Content-Type', 'application/json; charset=utf-8'],
          ['Date', new Date(sentAt).toUTCString()],
          ['X-Request-Id', `req-${i}`],
        ],
        requestHeaders: [
          ['Accept', 'application/json'],
          ['Authorization', `Bearer token-${i % 11}-abcdefgh`],
          ['User-Agent', 'Shuttle/0.1'],
        ],
        bodyId: 'bench',
        bodySize: body.length,
        bodyTruncated: false,
        timings: { startedAt: sentAt, firstByteMs: 30, totalMs: 40 },
      },
    },
  };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
