import { buildRecord, type CapturedSend, type RecordOptions } from './history-record.ts';
import type { HistoryRecord } from './history-store.ts';
import { buildWsSessionRecord, type CapturedWsSession } from './ws-session-record.ts';

/** Whatever history records: an HTTP send, or a WebSocket session. */
export type CapturedEntry = CapturedSend | CapturedWsSession;

/** The entry the store writes for either. */
export function buildEntryRecord(entry: CapturedEntry, options: RecordOptions): Promise<HistoryRecord> {
  return entry.kind === 'websocket' ? buildWsSessionRecord(entry, options) : buildRecord(entry, options);
}
