import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SESSION_FORMAT_VERSION, sessionSchema, type Session } from '../../shared/model/session.ts';
import { writeFileAtomic } from './atomic-write.ts';

const OWNER_ONLY = 0o600;

export interface SessionStore {
  /** The last journaled session; none in a fresh data dir or when the file cannot be read. */
  load(): Promise<Session | undefined>;
  save(session: Session): Promise<void>;
}

/**
 * `<data dir>/session.json`: the renderer journals its open tabs and drafts here (debounced), each
 * write atomic, so even a crash leaves the previous or the latest journal, never a torn one. Drafts
 * hold what the tabs hold, a certificate's passphrase included, so the file is the owner's only
 * (0600), like the secret store's; it is in the data folder, never in a workspace.
 */
export function createSessionStore(dataDir: string): SessionStore {
  const path = join(dataDir, 'session.json');
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async load() {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(path, 'utf8'));
        // A journal written by an older Shuttle (or restored from a backup) may be readable by others;
        // one whose mode cannot be changed is still read (losing the tabs would help nobody).
        await chmod(path, OWNER_ONLY).catch(() => undefined);
      } catch {
        return undefined;
      }
      const document = raw as { formatVersion?: unknown; session?: unknown } | null;
      if (document?.formatVersion !== SESSION_FORMAT_VERSION) return undefined;
      const parsed = sessionSchema.safeParse(document.session);
      return parsed.success ? parsed.data : undefined;
    },
    save(session) {
      const text = JSON.stringify({ formatVersion: SESSION_FORMAT_VERSION, session });
      const write = queue.then(() => writeFileAtomic(path, text, OWNER_ONLY));
      queue = write.catch(() => undefined);
      return write;
    },
  };
}
