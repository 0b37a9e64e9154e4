import type { SQLInputValue } from 'node:sqlite';
import type { EncodedBody } from './body-codec.ts';
import type { HistoryRecord } from './history-store.ts';

/**
 * The statements a write may run, by name: the writer prepares each once, and a step names its
 * statement instead of carrying the SQL text for every entry.
 */
export const WRITE_STATEMENTS = {
  blob: 'INSERT INTO blobs (id, encoding, size, data) VALUES (?, ?, ?, ?)',
  entry: `INSERT INTO entries (id, run_id, sent_at, method, url, host, status, status_text, error_code, duration_ms, response_size,
            environment, source, request_blob, response_blob, stored_bytes)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  payload: 'INSERT INTO payloads (id, detail, request_inline, response_inline) VALUES (?, ?, ?, ?)',
  index: 'INSERT INTO entries_fts (rowid, url, method, headers, body, facets) VALUES (?, ?, ?, ?, ?, ?)',
  totals: 'UPDATE totals SET entries = entries + ?, bytes = bytes + ? WHERE id = 1',
} as const;

/** One statement of a write and its parameters (ids included, so nothing has to come back). */
export interface WriteStep {
  statement: keyof typeof WRITE_STATEMENTS;
  params: SQLInputValue[];
}

/** The ids the next written entry and blob take. */
export interface NextIds {
  entry: number;
  blob: number;
}

export interface InsertPlan {
  steps: WriteStep[];
  /** The new entries' ids, in order. */
  ids: number[];
  /** Approximate bytes written (for checkpoint pacing). */
  bytes: number;
  /** The ids to continue from. */
  next: NextIds;
}

/**
 * The statements that write a batch of entries, with their ids assigned here. Each entry is a summary row, its
 * payload, its index row and, for bodies over the inline limit, its blobs; the running totals grow once at the end.
 */
export function planInsert(records: HistoryRecord[], next: NextIds): InsertPlan {
  const steps: WriteStep[] = [];
  const ids: number[] = [];
  let { entry: nextEntry, blob: nextBlob } = next;
  let bytes = 0;
  for (const record of records) {
    const id = nextEntry++;
    ids.push(id);
    const blob = (body: EncodedBody | null): number | null => {
      if (body?.kind !== 'blob') return null;
      const blobId = nextBlob++;
      steps.push({ statement: 'blob', params: [blobId, body.encoding, body.size, body.data] });
      return blobId;
    };
    const requestBlob = blob(record.request);
    const responseBlob = blob(record.response);
    const detail = JSON.stringify(record.detail);
    const source = record.source ? JSON.stringify(record.source) : null;
    const { index } = record;
    // What retention counts against the size limit: stored data plus the text the index takes in.
    const storedBytes =
      record.url.length +
      detail.length +
      (source?.length ?? 0) +
      record.request.data.length +
      (record.response?.data.length ?? 0) +
      index.headers.length +
      index.body.length;
    bytes += storedBytes;
    steps.push(
      {
        statement: 'entry',
        params: [
          id,
          record.runId,
          record.sentAt,
          record.method,
          record.url,
          record.host,
          record.status,
          record.statusText,
          record.errorCode,
          record.durationMs,
          record.responseSize,
          record.environment,
          source,
          requestBlob,
          responseBlob,
          storedBytes,
        ],
      },
      {
        statement: 'payload',
        params: [id, detail, record.request.kind === 'inline' ? record.request.data : null, record.response?.kind === 'inline' ? record.response.data : null],
      },
      { statement: 'index', params: [id, index.url, index.method, index.headers, index.body, index.facets] },
    );
  }
  if (ids.length > 0) steps.push({ statement: 'totals', params: [ids.length, bytes] });
  return { steps, ids, bytes, next: { entry: nextEntry, blob: nextBlob } };
}
