import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SESSION_FORMAT_VERSION, sessionSchema, type Session } from '../../shared/model/session.ts';
import { writeFileAtomic } from './atomic-write.ts';

export interface SessionStore {
  /** The last journaled session; none in a fresh data dir or when the file cannot be read. */
  load(): Promise<Session | undefined>;
  save(session: Session): Promise<void>;
}

/**
 * `<data dir>/session.json`: the renderer journals its open tabs and drafts here (debounced), each
 * write atomic, so even a crash leaves the previous or the latest journal, never a torn one.
 */
export function createSessionStore(dataDir: string): SessionStore {
  const path = join(dataDir, 'session.json');
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async load() {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(path, 'utf8'));
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
      const write = queue.then(() => writeFileAtomic(path, text));
      queue = write.catch(() => undefined);
      return write;
    },
  };
}
