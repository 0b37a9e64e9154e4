import type { ShuttleError } from '../../../shared/contract/errors.ts';
import type { SendSource, WsSessionRecord } from '../../../shared/model/history.ts';
import type { WsMessage, WsRequestSpec } from '../../../shared/model/websocket.ts';
import { encodeBody } from './body-codec.ts';
import { facetsOf } from './facets.ts';
import { indexableText, INDEXED_BODY_BYTES, withoutCertificateBytes, hostOf, type RecordOptions } from './history-record.ts';
import type { HistoryRecord } from './history-store.ts';
import { Redactor } from './redact.ts';

/** A WebSocket session as the engine hands it to history once it is over (record-ws-sessions.ts). */
export interface CapturedWsSession extends Omit<WsSessionRecord, 'messages'> {
  kind: 'websocket';
  /** The connection id. */
  runId: string;
  /** The connection as composed (`{{token}}` stays a reference). */
  spec: WsRequestSpec;
  source: SendSource | null;
  environment: string | null;
  startedAt: number;
  finishedAt: number;
  secrets?: Promise<readonly string[]> | readonly string[];
  /** Why it failed or dropped; null for a clean close. */
  error: ShuttleError | null;
  /** The messages captured, oldest first, until the capture's byte budget ran out. */
  messages: WsMessage[];
}

/** What the entry's details keep of a session; the messages themselves are its stored body, one JSON per line. */
export type WsSessionDetail = Omit<WsSessionRecord, 'messages'>;

/** The method a session's entry lists under. */
export const WS_METHOD = 'WS';

/**
 * A session's entry: handshake and close in the details, the messages as NDJSON in the body (so a
 * search finds a session by what was said in it), secrets redacted everywhere as for HTTP.
 */
export async function buildWsSessionRecord(session: CapturedWsSession, options: RecordOptions): Promise<HistoryRecord> {
  const redactor = new Redactor(options.secretHeaders);
  for (const secret of (await session.secrets) ?? []) redactor.addSecret(secret);
  redactor.collect(session.spec);
  if (session.handshake) redactor.collect(session.handshake);
  const redact = <T>(value: T): T => (redactor.needed ? redactor.redact(value) : value);

  const spec = withoutCertificateBytes(redact(session.spec));
  const handshake = session.handshake ? redact(session.handshake) : null;
  const error = session.error ? redact(session.error) : null;
  const lines: string[] = [];
  let kept = 0;
  for (const message of session.messages) {
    const line = JSON.stringify(redactor.needed ? redactMessage(message, redactor) : withoutBodyId(message));
    if (kept + line.length + 1 > options.maxBodyBytes) break;
    lines.push(line);
    kept += line.length + 1;
  }
  const ndjson = Buffer.from(lines.map((line) => `${line}\n`).join(''));

  const url = handshake?.url ?? redactor.url(spec.url.trim());
  const host = hostOf(url);
  const status = handshake?.status ?? null;
  const sentAt = session.startedAt;
  const headerText = [...(handshake?.requestHeaders ?? []), ...(handshake?.responseHeaders ?? [])].map(([name, value]) => `${name}: ${value}`).join('\n');
  const text = session.messages
    .slice(0, lines.length)
    .filter((message) => message.text !== undefined)
    .map((message) => message.text)
    .join('\n');
  const detail: WsSessionDetail = {
    handshake,
    close: session.close,
    messageCount: session.messageCount,
    bytesIn: session.bytesIn,
    bytesOut: session.bytesOut,
  };

  const [request, response] = await Promise.all([
    encodeBody(Buffer.from(JSON.stringify(spec))),
    ndjson.length > 0 ? encodeBody(ndjson) : Promise.resolve(null),
  ]);
  return {
    runId: session.runId,
    sentAt,
    method: WS_METHOD,
    url,
    host,
    status,
    statusText: handshake?.statusText ?? '',
    errorCode: error?.code ?? null,
    durationMs: Math.max(0, Math.round(session.finishedAt - session.startedAt)),
    responseSize: session.bytesIn,
    environment: session.environment,
    source: session.source,
    detail: { requestBodyTruncated: false, response: null, storedBodyBytes: ndjson.length, error, websocket: detail },
    request,
    response,
    index: {
      url,
      method: WS_METHOD,
      headers: headerText,
      body: indexableText(Buffer.from(redactor.text(text)).subarray(0, INDEXED_BODY_BYTES)),
      facets: facetsOf({ method: WS_METHOD, status, host, sentAt }),
    },
  };
}

/** The messages a session entry kept, from its stored NDJSON body. */
export function parseSessionMessages(body: Buffer | null): WsMessage[] {
  if (!body || body.length === 0) return [];
  return body
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as WsMessage);
}

/** A large payload's body id names a body of the session's process, gone by the time anyone reads history. */
function withoutBodyId(message: WsMessage): WsMessage {
  if (message.bodyId === undefined) return message;
  const { bodyId: _gone, ...rest } = message;
  return rest;
}

function redactMessage(message: WsMessage, redactor: Redactor): WsMessage {
  const kept = withoutBodyId(message);
  if (kept.text !== undefined) return { ...kept, text: redactor.text(kept.text) };
  if (kept.base64 !== undefined) return { ...kept, base64: redactor.bytes(Buffer.from(kept.base64, 'base64')).toString('base64') };
  return kept;
}
