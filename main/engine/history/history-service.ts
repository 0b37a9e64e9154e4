import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type {
  HistoryDiff,
  HistoryEntry,
  HistoryNeighbours,
  HistoryOpened,
  HistoryPage,
  HistorySearch,
  HistoryStatus,
} from '../../../shared/model/history.ts';
import type { HttpRequestSpec } from '../../../shared/model/request.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { WsRequestSpec } from '../../../shared/model/websocket.ts';
import type { CapturedEntry } from '../../store/history/entry-record.ts';
import { HistoryStore, type StoredEntry } from '../../store/history/history-store.ts';
import { parseSessionMessages } from '../../store/history/ws-session-record.ts';
import type { BodyStore } from '../bodies/body-store.ts';
import type { EmitEvent } from '../events.ts';
import { diffEntries } from './diff-entries.ts';
import { HistoryRecorder } from './history-recorder.ts';
import { entryIdOfRunId, historyRunId } from './history-run-id.ts';
import { RetentionRunner, retentionLimits } from './retention-runner.ts';

const HOST_SUGGESTIONS = 50;

/** Every request ever sent: recorded off the hot path, searchable, restorable, comparable. */
export interface History {
  /** Queues a finished send or WebSocket session; never waits. */
  record(send: CapturedEntry): void;
  search(query: HistorySearch): Promise<HistoryPage>;
  /** The entry, with its response body put back in the body store for the response views. */
  open(id: number): Promise<HistoryOpened>;
  delete(ids: number[]): Promise<{ deleted: number }>;
  clear(): Promise<{ deleted: number }>;
  diff(leftId: number, rightId: number): Promise<HistoryDiff>;
  /** The entry a response (by run id) was recorded as, and the previous one of the same request. */
  neighbours(runId: string): Promise<HistoryNeighbours>;
  status(): Promise<HistoryStatus>;
  hosts(): Promise<{ hosts: string[] }>;
  /** Resolves when everything recorded so far is written and retention has caught up. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface HistoryOptions {
  dataDir: string;
  bodies: BodyStore;
  settings: () => Settings;
  emit: EmitEvent;
  now?: () => number;
  log?: (message: string) => void;
  /** Background `PRAGMA quick_check` on open (default true). */
  quickCheck?: boolean;
}

export function openHistory(options: HistoryOptions): History {
  const log = options.log ?? ((message: string) => console.error(message));
  const store = new HistoryStore({
    dataDir: options.dataDir,
    now: options.now,
    quickCheck: options.quickCheck,
    onReset: () => options.emit('history.changed', { reason: 'reset' }),
  });
  const retention = new RetentionRunner({
    store,
    limits: () => retentionLimits(options.settings()),
    onDeleted: () => options.emit('history.changed', { reason: 'deleted' }),
    log,
  });
  const recorder = new HistoryRecorder({
    store,
    recordOptions: () => {
      const settings = options.settings();
      return { maxBodyBytes: settings.historyMaxBodyBytes, secretHeaders: settings.historySecretHeaders };
    },
    onWritten: (ids, totals) => {
      options.emit('history.changed', { reason: 'added', ids });
      retention.afterWrite(totals);
    },
    log,
  });
  // Limits may have shrunk since the last run (or the clock moved on): trim in the background.
  retention.poke();

  /** Reads see every send recorded before them. */
  const settled = () => recorder.idle();
  const entryOrFail = (id: number): StoredEntry => {
    const entry = store.get(id);
    if (!entry) throw new ShuttleFailure('NOT_FOUND', `History entry ${id} does not exist`, { id });
    return entry;
  };

  return {
    record: (send) => recorder.record(send),
    async search(query) {
      await settled();
      return store.search(query);
    },
    async open(id) {
      await settled();
      const stored = entryOrFail(id);
      const entry = toEntry(stored);
      if (entry.kind === 'websocket' || !entry.response) return { entry, response: null };
      const bodyId = await options.bodies.fromBytes(stored.responseBody ?? Buffer.alloc(0));
      // bodySize stays what arrived: when only a preview was kept, the views say "showing the first N of M".
      return { entry, response: { ...entry.response, runId: historyRunId(id), bodyId } };
    },
    async delete(ids) {
      await settled();
      const deleted = store.delete(ids);
      if (deleted > 0) options.emit('history.changed', { reason: 'deleted', ids });
      return { deleted };
    },
    async clear() {
      await settled();
      const deleted = store.clear();
      options.emit('history.changed', { reason: 'cleared' });
      return { deleted };
    },
    async diff(leftId, rightId) {
      await settled();
      return diffEntries(entryOrFail(leftId), entryOrFail(rightId));
    },
    async neighbours(runId) {
      await settled();
      const reopened = entryIdOfRunId(runId);
      const entry = reopened === undefined ? store.findByRunId(runId) : store.get(reopened)?.summary;
      return { entry: entry ?? null, previous: (entry && store.previousOf(entry)) ?? null };
    },
    async status() {
      const { entries, bytes } = store.stats();
      return { entries, totalBytes: bytes, notice: store.notice };
    },
    async hosts() {
      await settled();
      return { hosts: store.hosts(HOST_SUGGESTIONS) };
    },
    async idle() {
      await recorder.idle();
      await retention.idle();
    },
    async close() {
      await recorder.idle();
      await retention.close();
      await store.close();
    },
  };
}

function toEntry(stored: StoredEntry): HistoryEntry {
  const common = { ...stored.summary, runId: stored.runId, source: stored.source, error: stored.detail.error };
  const request: unknown = JSON.parse(stored.request.toString('utf8'));
  const { websocket } = stored.detail;
  if (websocket) {
    return { ...common, kind: 'websocket', request: request as WsRequestSpec, session: { ...websocket, messages: parseSessionMessages(stored.responseBody) } };
  }
  return {
    ...common,
    kind: 'http',
    request: request as HttpRequestSpec,
    requestBodyTruncated: stored.detail.requestBodyTruncated,
    response: stored.detail.response,
    storedBodyBytes: stored.detail.storedBodyBytes,
  };
}
