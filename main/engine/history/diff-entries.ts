import type { HistoryDiff } from '../../../shared/model/history.ts';
import { diffBodies, type BodySide } from '../../../shared/diff/body-diff.ts';
import { diffHeaders } from '../../../shared/diff/header-diff.ts';
import { digestOf } from '../../store/history/body-codec.ts';
import type { StoredEntry } from '../../store/history/history-store.ts';

/** Compares the responses of two history entries: headers by name, bodies structurally or by line. */
export function diffEntries(left: StoredEntry, right: StoredEntry): HistoryDiff {
  return {
    left: left.summary,
    right: right.summary,
    headers: diffHeaders(left.detail.response?.headers ?? [], right.detail.response?.headers ?? []),
    body: diffBodies(bodySide(left), bodySide(right)),
  };
}

function bodySide(entry: StoredEntry): BodySide {
  const bytes = entry.responseBody;
  if (!entry.detail.response || !bytes || bytes.length === 0) return { kind: 'none' };
  // A preview shorter than what arrived, or a body the engine itself cut at its cap.
  const partial = entry.detail.storedBodyBytes < entry.summary.responseSize || entry.detail.response.bodyTruncated;
  const text = decodeText(bytes, partial);
  return text === undefined ? { kind: 'binary', size: bytes.length, digest: digestOf(bytes), partial } : { kind: 'text', text, partial };
}

/** UTF-8 text, or undefined for binary (NUL bytes or invalid UTF-8). */
function decodeText(bytes: Buffer, partial: boolean): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    // A preview may end inside a multi-byte character; streaming mode tolerates that cut.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    return undefined;
  }
}
