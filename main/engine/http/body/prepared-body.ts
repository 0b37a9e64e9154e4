import { Readable } from 'node:stream';

/** A request body ready for the wire: its exact length is known before the first byte goes out. */
export interface PreparedBody {
  length: number;
  /** The Content-Type the body mode implies (multipart's carries its boundary); none for some modes. */
  contentType?: string;
  /**
   * The bytes in memory, or a producer of them (file-backed parts) that yields the same bytes on
   * every call, so a 307/308 redirect or a Digest retry can send the body again.
   */
  content: Buffer | (() => AsyncIterable<Uint8Array>);
}

/**
 * The bytes as undici takes them: a Buffer, or a fresh stream for a streamed body. `sent` sees them
 * as they are handed over (the timeline's preview of the body).
 */
export function bodyForDispatch(body: PreparedBody | undefined, sent?: (chunk: Uint8Array) => void): Buffer | Readable | null {
  if (!body) return null;
  if (Buffer.isBuffer(body.content)) {
    sent?.(body.content);
    return body.content;
  }
  const source = body.content();
  return Readable.from(sent ? watched(source, sent) : source, { objectMode: false });
}

async function* watched(source: AsyncIterable<Uint8Array>, sent: (chunk: Uint8Array) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    sent(chunk);
    yield chunk;
  }
}
