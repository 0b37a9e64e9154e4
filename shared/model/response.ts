import type { ShuttleError } from '../contract/errors.ts';

/** A header exactly as it crossed the wire: original case, order and duplicates kept. */
export type RawHeader = [name: string, value: string];

export interface ResponseTimings {
  /** Epoch ms when the engine started the request. */
  startedAt: number;
  /** ms from start until the status line and headers of the final response arrived. */
  firstByteMs: number;
  /** ms from start until the last body byte (or the error), all redirect hops included. */
  totalMs: number;
}

/**
 * Where the time of one exchange went, in ms. DNS, TCP connect and TLS are how long each took;
 * `sentMs` and `firstByteMs` count from the exchange's start. A phase is absent when it did not
 * happen (no DNS lookup for an IP literal, no TLS for http:, none of the three on a reused connection).
 */
export interface PhaseTimings {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  /** From the start until the request (headers and body) was written. */
  sentMs?: number;
  /** From the start until the response's status line and headers arrived. */
  firstByteMs?: number;
  /** How long the body took: from the headers to the last body byte. */
  downloadMs?: number;
  totalMs: number;
}

export interface PeerCertificate {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  subjectAltNames: string[];
  fingerprint256: string;
}

export interface ConnectionInfo {
  remoteAddress?: string;
  remotePort?: number;
  /** True when an already open connection carried this exchange. */
  reused: boolean;
  /** Negotiated application protocol: "http/1.1" or "h2". */
  protocol: string;
  tls?: {
    protocol: string;
    cipher: string;
    peerCertificate?: PeerCertificate;
    /** The client certificate this connection offered (the request's own or its host's): a server that asks for one gets it. */
    clientCertificate?: PeerCertificate;
  };
}

/** One request/response exchange: a redirect hop, or the final answer. */
export interface ExchangeRecord {
  method: string;
  url: string;
  /** The exact request line and headers sent after auth, cookies and variables. */
  requestLine: string;
  requestHeaders: RawHeader[];
  status: number;
  statusText: string;
  responseHeaders: RawHeader[];
  /** Trailer fields sent after the body (chunked HTTP/1.1, HTTP/2), when there were any. */
  responseTrailers?: RawHeader[];
  timings: PhaseTimings;
  connection?: ConnectionInfo;
  /** Headers removed before following a redirect here (Authorization, Cookie, secret ones on a cross-origin hop). */
  droppedHeaders?: string[];
  /** The body this exchange sent, when it sent one (a 303 redirect's next hop does not; a 307's sends it again). */
  requestBody?: SentBody;
}

/** A request body as it went out: its size, and its first bytes when they are text. */
export interface SentBody {
  size: number;
  /** The first bytes (up to 64 KiB) as UTF-8 text; absent when they are not text (a file, an image, a protobuf). */
  text?: string;
  /** The text is the start of a longer body. */
  truncated: boolean;
}

/** What came back, without the body: the body is fetched by reference (`body.read`). */
export interface HttpResponseMeta {
  runId: string;
  status: number;
  statusText: string;
  /** The final request's method and URL (after redirects). */
  method: string;
  url: string;
  headers: RawHeader[];
  /** Trailer fields the final response sent after its body, when there were any. */
  trailers?: RawHeader[];
  /** Headers the engine sent on the final request, after its own additions (Content-Type, User-Agent, auth, cookies). */
  requestHeaders: RawHeader[];
  bodyId: string;
  /** Bytes of body as stored: decoded when the response was compressed. */
  bodySize: number;
  /** Bytes of body as they came over the wire (before Content-Encoding was undone); equals bodySize when uncompressed. */
  wireSize?: number;
  /** The Content-Encoding chain that was undone, e.g. ["gzip"]. */
  contentEncoding?: string[];
  /** True when the body stopped at the configured cap. */
  bodyTruncated: boolean;
  /**
   * Set when the body ended early because the connection failed after the headers (a reset, a
   * broken encoding): what arrived is kept (bodySize) and flagged with the typed reason.
   */
  bodyError?: ShuttleError;
  /** "1.0", "1.1" (as the status line said) or "2". */
  httpVersion?: string;
  timings: ResponseTimings;
  /** Every exchange in order: redirect hops first, the final response last. */
  exchanges?: ExchangeRecord[];
}

/** A search hit in a body viewed by lines: UTF-16 offsets within the decoded display line. */
export interface BodyMatch {
  line: number;
  start: number;
  length: number;
}

export interface BodyChunk {
  /** The requested range, base64 so arbitrary bytes survive JSON. */
  base64: string;
  offset: number;
  totalSize: number;
  eof: boolean;
}
