import { createHash } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openCookieJar, type CookieJarStore } from './cookie-jar.ts';

/** Where each workspace's jar is kept: the data folder, never the workspace (cookies are credentials; workspaces go to git). */
export const COOKIE_JARS_DIR = 'cookies';
/** The single jar of Shuttle builds before jars were per workspace; the first workspace opened after an upgrade takes it over. */
const SHARED_JAR_FILE = 'cookies.json';

export interface WorkspaceCookieJars {
  /** The jar of the workspace open now, read from disk the first time it is used. */
  current(): Promise<CookieJarStore>;
  /** Resolves once every jar's changes so far are on disk. */
  flush(): Promise<void>;
}

/**
 * One cookie jar per workspace: a login against one project's API is not sent to another's, and
 * switching workspaces switches jars (as Insomnia's per-project jars do). Each is
 * `<data dir>/cookies/<id>.json`, the id taken from the workspace's path.
 */
export function createWorkspaceCookieJars(dataDir: string, currentRoot: () => Promise<string>): WorkspaceCookieJars {
  const jars = new Map<string, Promise<CookieJarStore>>();

  const open = async (root: string): Promise<CookieJarStore> => {
    const dir = join(dataDir, COOKIE_JARS_DIR);
    const path = join(dir, `${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
    await mkdir(dir, { recursive: true });
    const jarExists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!jarExists) await rename(join(dataDir, SHARED_JAR_FILE), path).catch(() => undefined);
    return openCookieJar(path, { workspace: root });
  };

  return {
    async current() {
      const root = await currentRoot();
      let jar = jars.get(root);
      if (!jar) {
        jar = open(root);
        jars.set(root, jar);
        // A failed read is tried again on the next use rather than remembered.
        jar.catch(() => jars.delete(root));
      }
      return jar;
    },
    async flush() {
      await Promise.all([...jars.values()].map(async (jar) => (await jar.catch(() => undefined))?.flush()));
    },
  };
}

