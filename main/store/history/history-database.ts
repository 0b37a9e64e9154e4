import { existsSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { HistoryNotice } from '../../../shared/model/history.ts';
import { migrate, NewerFormatError } from './migrations.ts';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Set when the file on disk could not be used as it was. */
  notice: HistoryNotice | null;
}

/**
 * Opens history.db, bringing it to the current format. A database that is not one (garbage,
 * a truncated header) or that a newer Shuttle wrote is moved aside, never deleted, and a fresh one
 * started; one that cannot be opened at all (permissions, a read-only disk) leaves this session with
 * an in-memory history. Either way the app starts and the notice says what happened.
 */
export function openHistoryDatabase(path: string, now: () => number = Date.now): OpenedDatabase {
  try {
    return { db: openAndMigrate(path), notice: null };
  } catch (error) {
    if (!(error instanceof NewerFormatError) && !isCorruption(error)) return inMemory(errorText(error), now);
    const kind = error instanceof NewerFormatError ? 'newer-format' : 'corrupt';
    let movedTo: string;
    try {
      movedTo = moveAside(path, kind === 'corrupt' ? 'corrupt' : `format-${(error as NewerFormatError).version}`, now());
    } catch (moveError) {
      return inMemory(`${errorText(error)}; it could not be moved aside: ${errorText(moveError)}`, now);
    }
    const notice: HistoryNotice = { kind, movedTo, detail: errorText(error), at: now() };
    try {
      return { db: openAndMigrate(path), notice };
    } catch (second) {
      return inMemory(errorText(second), now);
    }
  }
}

function openAndMigrate(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  try {
    // Only takes effect before the first table exists (a new file); afterwards it is a no-op. It lets
    // retention hand freed pages back to the disk.
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    // WAL: readers never block the writer, and a crash at any point leaves the last committed state.
    // synchronous=NORMAL keeps that guarantee for a killed process; only a power cut may lose the
    // newest transactions (never the file).
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    // Deleted entries are overwritten, so "clear history" does not leave their text in free pages.
    db.exec('PRAGMA secure_delete = FAST');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function inMemory(detail: string, now: () => number): OpenedDatabase {
  return { db: openAndMigrate(':memory:'), notice: { kind: 'unavailable', movedTo: null, detail, at: now() } };
}

/**
 * Renames the database and its WAL and shared-memory files to `<name>.<label>-<timestamp>…`. The
 * WAL must go with it: left behind, SQLite would replay its pages into the fresh database.
 */
export function moveAside(path: string, label: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const target = `${path}.${label}-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/** SQLITE_CORRUPT or SQLITE_NOTADB (primary code in the low byte of an extended code). */
export function isCorruption(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && ((code & 0xff) === 11 || (code & 0xff) === 26);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
