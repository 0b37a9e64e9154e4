import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { FileSource } from '../../../shared/model/request.ts';

/** A file for a request body: its size is known before sending, its bytes are read as they go out. */
export interface OpenedFile {
  name: string;
  size: number;
  /** The bytes, in memory for inline files; streamed from disk (again on every call) for paths. */
  content: Buffer | (() => AsyncIterable<Uint8Array>);
}

/**
 * Opens a file the user picked: a path the engine reads (desktop, CLI) or inline base64 (the
 * browser hands the page only the content). Path files are streamed, so a 2 GB upload never sits
 * in memory; only their size is read here, so Content-Length is exact.
 */
export async function openFileSource(source: FileSource, what: string): Promise<OpenedFile> {
  if (source.kind === 'inline') {
    const bytes = decodeInline(source.base64, what);
    return { name: source.fileName, size: bytes.length, content: bytes };
  }
  let size: number;
  try {
    const info = await stat(source.path);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw unreadable(source.path, what, error);
  }
  const path = source.path;
  return { name: basename(path), size, content: () => createReadStream(path) };
}

/** The whole file in memory: for small things such as certificates and keys. */
export async function readFileSource(source: FileSource, what: string): Promise<Buffer> {
  if (source.kind === 'inline') return decodeInline(source.base64, what);
  try {
    return await readFile(source.path);
  } catch (error) {
    throw unreadable(source.path, what, error);
  }
}

function decodeInline(base64: string, what: string): Buffer {
  // Buffer.from skips what is not base64 without a word; a pasted data: URL or stray text would go out mangled.
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(base64)) {
    throw new ShuttleFailure('VALIDATION', `The ${what} is not valid base64`, { what });
  }
  return Buffer.from(base64, 'base64');
}

function unreadable(path: string, what: string, error: unknown): ShuttleFailure {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'not a file' : code;
  return new ShuttleFailure('VALIDATION', `The ${what} ${path} cannot be read: ${reason}`, { what, path, reason });
}
