import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Document } from 'yaml';
import { parseCanonicalYaml } from './canonical-yaml.ts';
import type { ProblemReason } from '../../../shared/model/workspace.ts';
import { migrateDocument } from './migrations.ts';
import { parseYaml } from './yaml-document.ts';

/** A request body can be large, but a workspace file of more than this is not something to open blindly. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

export interface LoadedDocument {
  /** The document brought up to the current format version. */
  value: Record<string, unknown>;
  /** The parsed file with its comments, so a rewrite can keep them (parsed on first use: only writes need it). */
  readonly document: Document;
  /** The file's text as read (what a comparison with a draft shows). */
  text: string;
  revision: string;
  /** The version the file was written in (older ones are migrated in memory and rewritten on the next save). */
  fromVersion: number;
  stats: Stats;
}

export type DocumentRead = { ok: true; loaded: LoadedDocument } | { ok: false; reason: ProblemReason | 'missing'; message: string; stats?: Stats };

/**
 * Reads one workspace document without following a symbolic link (O_NOFOLLOW) and without reading
 * a file larger than the limit; parses it (no alias bombs, no duplicate keys) and migrates it.
 * Never throws: every way a file can be bad comes back as a reason.
 */
export async function readDocumentFile(absolute: string): Promise<DocumentRead> {
  let text: string;
  let stats: Stats;
  try {
    const handle = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      stats = await handle.stat();
      if (!stats.isFile()) return { ok: false, reason: 'unreadable', message: 'not a regular file', stats };
      if (stats.size > MAX_DOCUMENT_BYTES) {
        return { ok: false, reason: 'too-large', message: `${stats.size} bytes; the limit is ${MAX_DOCUMENT_BYTES}`, stats };
      }
      text = (await handle.readFile()).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: 'the file does not exist' };
    if (code === 'ELOOP') return { ok: false, reason: 'symlink', message: 'symbolic links are not followed' };
    return { ok: false, reason: 'unreadable', message: code ?? String(error) };
  }
  return decodeDocumentText(text, stats);
}

/**
 * The same, synchronously: for scanning thousands of small files, where a blocking read from the
 * page cache costs a few µs and a promise round trip through the thread pool costs far more. The
 * scanner yields to the event loop between batches, so nothing else waits long.
 */
export function readDocumentFileSync(absolute: string): DocumentRead {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: 'the file does not exist' };
    if (code === 'ELOOP') return { ok: false, reason: 'symlink', message: 'symbolic links are not followed' };
    return { ok: false, reason: 'unreadable', message: code ?? String(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'unreadable', message: 'not a regular file', stats };
    if (stats.size > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too-large', message: `${stats.size} bytes; the limit is ${MAX_DOCUMENT_BYTES}`, stats };
    const buffer = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return decodeDocumentText(buffer.toString('utf8', 0, filled), stats);
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}

export function decodeDocumentText(text: string, stats: Stats): DocumentRead {
  // Files as Shuttle writes them take the fast path; anything else goes through the full parser.
  const fast = parseCanonicalYaml(text);
  let full: Extract<ReturnType<typeof parseYaml>, { ok: true }> | undefined;
  let value: unknown;
  if (fast !== undefined) value = fast;
  else {
    const parsed = parseYaml(text);
    if (!parsed.ok) return { ok: false, reason: 'invalid-yaml', message: parsed.message, stats };
    full = parsed;
    value = parsed.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'invalid-document', message: 'the document must be a mapping of keys to values', stats };
  }
  const migrated = migrateDocument(value as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, reason: migrated.reason, message: migrated.message, stats };
  return {
    ok: true,
    loaded: {
      value: migrated.document,
      get document() {
        full ??= parseYaml(text) as Extract<ReturnType<typeof parseYaml>, { ok: true }>;
        return full.document;
      },
      text,
      revision: revisionOf(text),
      fromVersion: migrated.fromVersion,
      stats,
    },
  };
}

/** A short hash of a file's content: what "the version I loaded" means when checking for changes on disk. */
export function revisionOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
