import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';
import type { SecretStore } from './secret-store.ts';

const FORMAT_VERSION = 1;
const OWNER_ONLY = 0o600;

/**
 * Secrets in `<data dir>/secrets.json`, readable by the owner only (0600), written atomically.
 * Plain text on disk: the web host says so in the UI. Outside any workspace, so it is never
 * committed or exported with one.
 */
export function createFileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, 'secrets.json');
  let loaded: Promise<Map<string, string>> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const values = () => (loaded ??= load(path));
  const persist = async (secrets: Map<string, string>) => {
    const document = JSON.stringify({ formatVersion: FORMAT_VERSION, secrets: Object.fromEntries(secrets) }, null, 2) + '\n';
    const write = queue.then(() => writeFileAtomic(path, document, OWNER_ONLY));
    queue = write.catch(() => undefined);
    await write;
  };

  return {
    protection: 'plain-file',
    async get(key) {
      return (await values()).get(key);
    },
    async set(key, value) {
      const secrets = await values();
      if (secrets.get(key) === value) return;
      secrets.set(key, value);
      await persist(secrets);
    },
    async delete(key) {
      const secrets = await values();
      if (!secrets.delete(key)) return;
      await persist(secrets);
    },
    async keys() {
      return [...(await values()).keys()];
    },
  };
}

async function load(path: string): Promise<Map<string, string>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
    // A copy restored from a backup may have lost its mode: tighten it again.
    await chmod(path, OWNER_ONLY);
  } catch {
    return new Map();
  }
  const secrets = (raw as { secrets?: unknown } | null)?.secrets;
  const map = new Map<string, string>();
  if (secrets && typeof secrets === 'object') {
    for (const [key, value] of Object.entries(secrets)) if (typeof value === 'string') map.set(key, value);
  }
  return map;
}
