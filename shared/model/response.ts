/** A header exactly as it crossed the wire: original case, order and duplicates kept. */
export type RawHeader = [name: string, value: string];

export interface ResponseTimings {
  /** Epoch ms when the engine started the request. */
  startedAt: number;
  /** ms from start until the status line and headers arrived. */
  firstByteMs: number;
  /** ms from start until the last body byte (or the error). */
  totalMs: number;
}

/** What came back, without the body: the body is fetched by reference (`body.read`). */
export interface HttpResponseMeta {
  runId: string;
  status: number;
  statusText: string;
  /** The request line actually sent, e.g. `POST /echo`; the URL after parsing. */
  method: string;
  url: string;
  headers: RawHeader[];
  /** Headers the engine sent, after its own additions (Content-Type for the body mode, User-Agent). */
  requestHeaders: RawHeader[];
  bodyId: string;
  /** Bytes of body received (as on the wire; decoding arrives with the transport work). */
  bodySize: number;
  /** True when the body stopped at the configured cap. */
  bodyTruncated: boolean;
  timings: ResponseTimings;
}

export interface BodyChunk {
  /** The requested range, base64 so arbitrary bytes survive JSON. */
  base64: string;
  offset: number;
  totalSize: number;
  eof: boolean;
}
