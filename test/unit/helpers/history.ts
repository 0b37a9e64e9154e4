import { onTestFinished } from 'vitest';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { HttpResponseMeta, RawHeader } from '../../../shared/model/response.ts';
import { buildRecord, type CapturedSend, type RecordOptions } from '../../../main/store/history/history-record.ts';
import { HistoryStore, type HistoryStoreOptions } from '../../../main/store/history/history-store.ts';
import { tempDir } from './temp-dir.ts';

export const RECORD_OPTIONS: RecordOptions = { maxBodyBytes: 1024 * 1024, secretHeaders: [] };

let runs = 0;

/** A finished send as the engine would capture it: GET 200 with a JSON body unless overridden. */
export function sampleSend(
  options: {
    method?: string;
    url?: string;
    status?: number;
    body?: string | Buffer;
    requestHeaders?: RawHeader[];
    responseHeaders?: RawHeader[];
    spec?: Partial<HttpRequestSpec>;
    sentAt?: number;
    runId?: string;
  } = {},
): CapturedSend {
  runs += 1;
  const method = options.method ?? 'GET';
  const url = options.url ?? 'http://127.0.0.1:3000/items';
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : (options.body ?? Buffer.from('{"ok":true}'));
  const sentAt = options.sentAt ?? Date.now();
  const spec: HttpRequestSpec = { method, url, headers: [], body: { mode: 'none', text: '' }, ...options.spec };
  const meta: HttpResponseMeta = {
    runId: options.runId ?? `run-${runs}`,
    status: options.status ?? 200,
    statusText: 'OK',
    method,
    url,
    headers: options.responseHeaders ?? [['Content-Type', 'application/json']],
    requestHeaders: options.requestHeaders ?? [['User-Agent', 'Shuttle/0.1']],
    bodyId: 'body',
    bodySize: body.length,
    bodyTruncated: false,
    timings: { startedAt: sentAt, firstByteMs: 3, totalMs: 5 },
  };
  return {
    runId: meta.runId,
    spec,
    source: null,
    environment: null,
    startedAt: sentAt,
    finishedAt: sentAt + 5,
    outcome: { kind: 'response', meta, body },
  };
}

/** A history store over a temp data dir (or the given one), closed when the test ends. */
export async function openTestStore(options: Partial<HistoryStoreOptions> = {}): Promise<HistoryStore> {
  const store = new HistoryStore({ dataDir: options.dataDir ?? (await tempDir()), quickCheck: false, ...options });
  onTestFinished(() => store.close());
  return store;
}

/** Builds and writes the sends in one batch, as the recorder would; returns their ids. */
export async function insertSends(store: HistoryStore, sends: CapturedSend[], options: RecordOptions = RECORD_OPTIONS): Promise<number[]> {
  return store.insert(await Promise.all(sends.map((send) => buildRecord(send, options))));
}
