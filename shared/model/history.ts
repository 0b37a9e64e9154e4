import { z } from 'zod';
import type { ErrorCode, ShuttleError } from '../contract/errors.ts';
import type { HeaderDiffRow, BodyDiff } from '../diff/diff-types.ts';
import type { HttpRequestSpec } from './request.ts';
import type { HttpResponseMeta } from './response.ts';
import type { WsCloseInfo, WsHandshake, WsMessage, WsRequestSpec } from './websocket.ts';

/** Status filters: a class of HTTP status, or "failed" for sends that got no response at all. */
export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'failed'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Where a send came from, when the UI says so: a tab now, a saved request once collections exist. */
export const sendSourceSchema = z.object({
  tabId: z.string().max(128).optional(),
  requestId: z.string().max(1024).optional(),
});
export type SendSource = z.infer<typeof sendSourceSchema>;

const entryId = z.number().int().min(1);

export const historySearchSchema = z.object({
  /** Words matched against URL, method, headers and bodies; each word also matches as a prefix. */
  query: z.string().max(1000).optional(),
  method: z.string().min(1).max(64).optional(),
  statusClass: z.enum(STATUS_CLASSES).optional(),
  /** Matches hosts that start with this text (`api` finds `api.example.com:8443`). */
  host: z.string().min(1).max(512).optional(),
  /** Epoch ms, inclusive. */
  from: z.number().int().min(0).optional(),
  /** Epoch ms, exclusive. */
  to: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(500),
  /** Only entries older than this id: the next page. */
  cursor: entryId.optional(),
  /** Only entries newer than this id: what arrived since a list was loaded. */
  after: z.number().int().min(0).optional(),
});
export type HistorySearch = z.infer<typeof historySearchSchema>;

export const historyIdSchema = entryId;

/** One line of the history list. */
export interface HistoryEntrySummary {
  id: number;
  /** Epoch ms when the request started. */
  sentAt: number;
  method: string;
  /** The URL as sent, credentials redacted. */
  url: string;
  /** Host and port, lower case (`127.0.0.1:3000`). */
  host: string;
  /** Null when no response arrived (see errorCode). */
  status: number | null;
  statusText: string;
  errorCode: ErrorCode | null;
  durationMs: number;
  /** Body bytes received, even when only a preview of them was kept. */
  responseSize: number;
  /** The environment used, once environments exist. */
  environment: string | null;
}

export interface HistoryPage {
  entries: HistoryEntrySummary[];
  /** Pass as `cursor` for the next (older) page; null when there is none. */
  nextCursor: number | null;
}

/** What every whole entry has besides its summary. */
interface HistoryEntryBase extends HistoryEntrySummary {
  runId: string;
  source: SendSource | null;
  error: ShuttleError | null;
}

/** A whole HTTP entry: the request restored as composed (secrets redacted) and what came back. */
export interface HttpHistoryEntry extends HistoryEntryBase {
  kind: 'http';
  request: HttpRequestSpec;
  /** True when the request body was longer than the history cap and is stored cut short. */
  requestBodyTruncated: boolean;
  /** The response without its body (which `history.open` puts in the body store); null for a failed send. */
  response: Omit<HttpResponseMeta, 'runId' | 'bodyId'> | null;
  /** Body bytes kept in history; less than `responseSize` when the body was longer than the cap. */
  storedBodyBytes: number;
}

/**
 * A WebSocket session, from Connect to its final close (reconnects included). Its `method` is "WS",
 * its status the handshake's (101 once open), its duration the session's, its size the bytes received.
 */
export interface WsHistoryEntry extends HistoryEntryBase {
  kind: 'websocket';
  request: WsRequestSpec;
  session: WsSessionRecord;
}

export interface WsSessionRecord {
  /** The last handshake's request and response (also a refused one's), secrets redacted. */
  handshake: WsHandshake | null;
  close: WsCloseInfo | null;
  /** The messages kept, oldest first: every message until the history body cap was reached. */
  messages: WsMessage[];
  /** Every message of the session, also those past the cap. */
  messageCount: number;
  bytesIn: number;
  bytesOut: number;
}

export type HistoryEntry = HttpHistoryEntry | WsHistoryEntry;

export interface HistoryOpened {
  entry: HistoryEntry;
  /** The stored response with its body back in the body store, ready for the response views. */
  response: HttpResponseMeta | null;
}

/** Something the user should know about the history database (shown in the History panel). */
export interface HistoryNotice {
  kind: 'corrupt' | 'newer-format' | 'unavailable';
  /** Where the old database was moved, when it was. */
  movedTo: string | null;
  /** The reason in English, for the details line. */
  detail: string;
  at: number;
}

export interface HistoryStatus {
  entries: number;
  /** Approximate bytes held (stored data plus indexed text). */
  totalBytes: number;
  notice: HistoryNotice | null;
}

/** The entry a response came from, and the one before it for the same method and URL. */
export interface HistoryNeighbours {
  entry: HistoryEntrySummary | null;
  previous: HistoryEntrySummary | null;
}

export interface HistoryDiff {
  left: HistoryEntrySummary;
  right: HistoryEntrySummary;
  headers: HeaderDiffRow[];
  body: BodyDiff;
}
