import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants, type BrotliOptions } from 'node:zlib';

const compress = promisify(brotliCompress);

/** Bodies up to this size stay in the entry's row; larger ones go to `blobs`, compressed. */
export const INLINE_BODY_LIMIT = 1024;
/**
 * Up to this size compressing takes well under a millisecond, less than a hand-off to the thread
 * pool costs; larger bodies are compressed there, off the main thread.
 */
const SYNC_COMPRESS_LIMIT = 32 * 1024;

/** How a stored body is written: in the row as is, or as a separate blob (brotli, unless that did not help). */
export type EncodedBody =
  | { kind: 'inline'; data: Uint8Array }
  | { kind: 'blob'; encoding: 'br' | 'identity'; size: number; data: Uint8Array };

/**
 * Compresses a large body off the main thread (zlib's async API runs in the thread pool), so a
 * megabyte of JSON never stalls the requests being sent meanwhile. Quality 5 is the knee of
 * brotli's speed/size curve for text; already-compressed data is kept as is.
 */
export async function encodeBody(bytes: Uint8Array): Promise<EncodedBody> {
  if (bytes.length <= INLINE_BODY_LIMIT) return { kind: 'inline', data: bytes };
  // A window no larger than the body: brotli sets up its tables for the window, and for a small body
  // the default (4 MiB) costs more than the compression itself.
  const window = Math.min(24, Math.max(16, Math.ceil(Math.log2(bytes.length))));
  const options: BrotliOptions = {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: window, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  };
  const compressed = bytes.length <= SYNC_COMPRESS_LIMIT ? brotliCompressSync(bytes, options) : await compress(bytes, options);
  return compressed.length < bytes.length * 0.9
    ? { kind: 'blob', encoding: 'br', size: bytes.length, data: compressed }
    : { kind: 'blob', encoding: 'identity', size: bytes.length, data: bytes };
}

export function decodeBlob(encoding: string, data: Uint8Array): Buffer {
  if (encoding === 'br') return brotliDecompressSync(data);
  if (encoding === 'identity') return Buffer.from(data);
  throw new Error(`Unknown body encoding "${encoding}" in history.db`);
}

/** Stands for a binary body in a comparison, where only "same bytes or not" is shown. */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
