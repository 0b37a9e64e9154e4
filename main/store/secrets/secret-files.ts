import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';

/**
 * The two files secret values may live in, side by side in the data folder. Each kind of store
 * writes only its own file and looks at the other's, so a data folder used by both the desktop app
 * and the web host (or moved between them) never loses a value to the wrong reader.
 */
export const PLAIN_SECRETS_FILE = 'secrets.json';
export const ENCRYPTED_SECRETS_FILE = 'secrets.encrypted.json';

export const SECRETS_FORMAT_VERSION = 1;
/** What the encrypted file's `encryption` field says: Electron's safeStorage, base64 per value. */
export const SAFE_STORAGE_ENCRYPTION = 'electron-safe-storage';
const OWNER_ONLY = 0o600;

export function secretsFilePath(dataDir: string, kind: 'plain' | 'encrypted'): string {
  return join(dataDir, kind === 'plain' ? PLAIN_SECRETS_FILE : ENCRYPTED_SECRETS_FILE);
}

/**
 * The `secrets` map of a secrets file (string values only), or undefined when there is no file or
 * it is not JSON. A copy restored from a backup may have lost its mode: reading tightens it again.
 */
export async function readSecretsFile(path: string): Promise<Map<string, string> | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
    await chmod(path, OWNER_ONLY);
  } catch {
    return undefined;
  }
  const secrets = (raw as { secrets?: unknown } | null)?.secrets;
  const map = new Map<string, string>();
  if (secrets && typeof secrets === 'object') {
    for (const [key, value] of Object.entries(secrets)) if (typeof value === 'string') map.set(key, value);
  }
  return map;
}

/** Replaces a secrets file atomically, readable by its owner only. */
export function writeSecretsFile(path: string, secrets: ReadonlyMap<string, string>, header: Record<string, string> = {}): Promise<void> {
  const document = { formatVersion: SECRETS_FORMAT_VERSION, ...header, secrets: Object.fromEntries(secrets) };
  return writeFileAtomic(path, JSON.stringify(document, null, 2) + '\n', OWNER_ONLY);
}

/** One write at a time, in order, so a file always ends with the latest values. */
export function createWriteQueue(): (write: () => Promise<void>) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();
  return (write) => {
    const next = queue.then(write);
    queue = next.catch(() => undefined);
    return next;
  };
}
