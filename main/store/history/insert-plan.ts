import type { EncodedBody } from './body-codec.ts';
import type { WriteStep } from './history-writer.ts';
import type { HistoryRecord } from './history-store.ts';

export interface InsertPlan {
  steps: WriteStep[];
  /** The new entries' ids, in order. */
  ids: number[];
  /** Approximate bytes written (for checkpoint pacing). */
  bytes: number;
  /** The ids to continue from. */
  next: { entry: number; blob: number };
}

/**
 * The statements that write a batch of entries, with their ids assigned here: the writer thread
 * runs them as they are and nothing has to come back but "done". Each entry is a summary row, its
 * payload, its index row and, for bodies over the inline limit, its blobs.
 */
export function planInsert(records: HistoryRecord[], next: { entry: number; blob: number }): InsertPlan {
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
  return { steps, ids, bytes, next: { entry: nextEntry, blob: nextBlob } };
}
