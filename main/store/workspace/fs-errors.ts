import { ShuttleFailure } from '../../../shared/contract/errors.ts';

/** Error codes from the file system that mean "the disk would not take it". */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EBUSY', 'EMFILE', 'ENFILE']);

/** Turns a file-system error into the typed failure the UI explains; a ShuttleFailure passes through. */
export function storageFailure(error: unknown, relPath: string): ShuttleFailure {
  if (error instanceof ShuttleFailure) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new ShuttleFailure('NOT_FOUND', `${relPath} does not exist`, { path: relPath });
  if (code === 'EEXIST' || code === 'ENOTEMPTY') return new ShuttleFailure('ALREADY_EXISTS', `${relPath} already exists`, { path: relPath });
  if (code === 'ELOOP') return new ShuttleFailure('VALIDATION', `${relPath} is a symbolic link; Shuttle does not follow links in a workspace`, { path: relPath });
  const reason = code && STORAGE_CODES.has(code) ? code : error instanceof Error ? error.message : String(error);
  return new ShuttleFailure('STORAGE', `Could not write ${relPath}: ${reason}`, { path: relPath, reason: code ?? 'unknown' });
}
