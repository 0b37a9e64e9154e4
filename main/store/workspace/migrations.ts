import { WORKSPACE_FORMAT_VERSION } from '../../../shared/model/workspace.ts';

/** One step of the chain: turns a document of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  up(document: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Every format change since version 1, oldest first (Hoppscotch's `up()` chain). Version 1 is the
 * first format, so the chain is empty; a change to the format adds a step here and bumps
 * WORKSPACE_FORMAT_VERSION, and old files keep loading. A new optional field whose absence means
 * what older files meant (a WebSocket request's auth and certificates) needs no step.
 */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationOutcome =
  | { ok: true; document: Record<string, unknown>; fromVersion: number }
  | { ok: false; reason: 'unknown-version' | 'invalid-document'; message: string };

/**
 * Brings a document up to `current`. A document from a newer Shuttle (a version we do not know) is
 * refused rather than guessed at, so it is never rewritten in a form that loses what we did not understand.
 */
export function migrateDocument(
  document: Record<string, unknown>,
  chain: readonly Migration[] = MIGRATIONS,
  current: number = WORKSPACE_FORMAT_VERSION,
): MigrationOutcome {
  const version = document.formatVersion;
  if (version === undefined) return { ok: false, reason: 'invalid-document', message: 'formatVersion is missing' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid-document', message: `formatVersion must be a positive whole number, not ${JSON.stringify(version)}` };
  }
  if (version > current) {
    return { ok: false, reason: 'unknown-version', message: `formatVersion ${version} is newer than this Shuttle understands (${current})` };
  }
  let migrated = document;
  for (let from = version; from < current; from++) {
    const step = chain.find((migration) => migration.from === from);
    if (!step) return { ok: false, reason: 'unknown-version', message: `no migration from formatVersion ${from}` };
    migrated = { ...step.up(migrated), formatVersion: from + 1 };
  }
  return { ok: true, document: migrated, fromVersion: version };
}
