import { randomBytes } from 'node:crypto';
import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import { isValidHeaderValue } from '../../../../shared/http/tokens.ts';
import type { MultipartPart } from '../../../../shared/model/request.ts';
import { openFileSource } from '../file-source.ts';
import { guessContentType } from './guess-content-type.ts';
import type { PreparedBody } from './prepared-body.ts';

type Piece = Buffer | (() => AsyncIterable<Uint8Array>);

/**
 * multipart/form-data (RFC 7578) built by hand rather than with undici's FormData, so the length
 * is exact up front (a Content-Length, not chunked), file parts stream from disk, and the
 * timeline can show the boundary that was really used. Names and file names are escaped as the
 * HTML standard does (`"` → %22, CR → %0D, LF → %0A) so no value can forge a header or a part.
 */
export async function encodeMultipart(parts: readonly MultipartPart[]): Promise<PreparedBody> {
  const boundary = `----ShuttleFormBoundary${randomBytes(12).toString('hex')}`;
  const pieces: Piece[] = [];
  let length = 0;
  const add = (piece: Buffer) => {
    pieces.push(piece);
    length += piece.length;
  };

  for (const part of parts) {
    if (!part.enabled || (part.name === '' && part.value === '' && !part.file)) continue;
    const contentType = part.contentType?.trim() ?? '';
    if (!isValidHeaderValue(contentType)) {
      throw new ShuttleFailure('INVALID_HEADER', `The content type of part "${part.name}" contains a control character`, { header: 'Content-Type' });
    }
    let disposition = `form-data; name="${escapeQuoted(part.name)}"`;
    if (part.kind === 'file') {
      if (!part.file) throw new ShuttleFailure('VALIDATION', `Multipart part "${part.name}" has no file chosen`, { part: part.name });
      const file = await openFileSource(part.file, `file of part "${part.name}"`);
      disposition += `; filename="${escapeQuoted(file.name)}"`;
      add(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${contentType || guessContentType(file.name)}\r\n\r\n`, 'utf8'));
      pieces.push(file.content);
      length += file.size;
      add(Buffer.from('\r\n'));
    } else {
      // A text part without a type is text/plain by RFC 7578's default; browsers omit the header too.
      const typeLine = contentType ? `Content-Type: ${contentType}\r\n` : '';
      add(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${typeLine}\r\n${part.value}\r\n`, 'utf8'));
    }
  }
  add(Buffer.from(`--${boundary}--\r\n`));

  const contentType = `multipart/form-data; boundary=${boundary}`;
  if (pieces.every((piece) => Buffer.isBuffer(piece))) return { length, contentType, content: Buffer.concat(pieces as Buffer[]) };
  return {
    length,
    contentType,
    content: async function* multipartStream() {
      for (const piece of pieces) {
        if (Buffer.isBuffer(piece)) yield piece;
        else yield* piece();
      }
    },
  };
}

function escapeQuoted(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}
