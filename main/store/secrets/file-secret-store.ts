import type { SecretStorageStatus } from '../../../shared/model/secrets.ts';
import { createWriteQueue, readSecretsFile, secretsFilePath, writeSecretsFile } from './secret-files.ts';
import type { SecretStore } from './secret-store.ts';

export interface FileSecretStoreOptions {
  /** Why the values are not encrypted, for the UI: this host cannot (default), or the desktop found no keyring. */
  plainReason?: SecretStorageStatus['plainReason'];
}

/**
 * Secrets in `<data dir>/secrets.json`, readable by the owner only (0600), written atomically.
 * Plain text on disk, which the UI says. Outside any workspace, so it is never committed or
 * exported with one. Values the desktop app encrypted beside it (secrets.encrypted.json) cannot be
 * read here; they are left untouched and counted, so the UI can say so instead of acting as if
 * they never existed.
 */
export function createFileSecretStore(dataDir: string, options: FileSecretStoreOptions = {}): SecretStore {
  const path = secretsFilePath(dataDir, 'plain');
  let loaded: Promise<Map<string, string>> | undefined;
  const enqueue = createWriteQueue();

  const values = () => (loaded ??= readSecretsFile(path).then((secrets) => secrets ?? new Map()));
  const persist = (secrets: Map<string, string>) => enqueue(() => writeSecretsFile(path, secrets));

  return {
    async status() {
      const encrypted = await readSecretsFile(secretsFilePath(dataDir, 'encrypted'));
      return {
        protection: 'plain-file',
        plainReason: options.plainReason ?? 'host',
        ...(encrypted && encrypted.size > 0 ? { unreadable: { count: encrypted.size, reason: 'encrypted-elsewhere' as const } } : {}),
      };
    },
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
