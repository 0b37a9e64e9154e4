import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw, createZstdDecompress } from 'node:zlib';
import { ENGINE_ACCEPT_ENCODING } from '../../../../shared/http/engine-headers.ts';

/** Content codings the engine undoes, by their registered names (RFC 9110 §8.4.1, RFC 8878). */
const SUPPORTED = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'zstd']);

/** What the engine advertises in Accept-Encoding when the user did not set it: every coding in SUPPORTED. */
export const ACCEPT_ENCODING = ENGINE_ACCEPT_ENCODING;

/**
 * The codings of a Content-Encoding header in the order they were applied, or undefined when any
 * of them is unknown: then nothing is decoded and the body is stored exactly as it came.
 */
export function contentCodings(headerValues: readonly string[]): string[] | undefined {
  // Most responses have no Content-Encoding at all.
  if (headerValues.length === 0) return [];
  const codings = headerValues
    .flatMap((value) => value.split(','))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return [];
  return codings.every((coding) => SUPPORTED.has(coding)) ? codings : undefined;
}

/**
 * A decoder for one coding. Like browsers and undici's fetch, a stream cut short yields what could
 * be decoded instead of an error (sync flush), because a partial body is still worth showing.
 * "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the first bytes decide.
 */
export function createDecoder(coding: string, firstChunk: Buffer): Transform {
  const zlibOptions = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(zlibOptions);
    case 'deflate':
      return hasZlibHeader(firstChunk) ? createInflate(zlibOptions) : createInflateRaw(zlibOptions);
    case 'br':
      return createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH });
    case 'zstd':
      return createZstdDecompress({ flush: constants.ZSTD_e_flush, finishFlush: constants.ZSTD_e_flush });
    default:
      throw new Error(`Unsupported content coding ${coding}`);
  }
}

// RFC 1950: CM = 8 (deflate) in the low nibble, and the two header bytes are a multiple of 31.
function hasZlibHeader(chunk: Buffer): boolean {
  return chunk.length >= 2 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | chunk[1]!) % 31 === 0;
}
