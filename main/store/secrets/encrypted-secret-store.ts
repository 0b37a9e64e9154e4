import { rm } from 'node:fs/promises';
import { createWriteQueue, readSecretsFile, SAFE_STORAGE_ENCRYPTION, secretsFilePath, writeSecretsFile } from './secret-files.ts';
import type { SecretStore } from './secret-store.ts';

/**
 * Encryption with a key the operating system keeps (Electron's safeStorage in the desktop app; a
 * fake in the tests). The store never sees the key.
 */
export interface SecretCipher {
  encrypt(text: string): Promise<Uint8Array>;
  /** Rejects when the value cannot be decrypted here. `stale`: readable, but under an older key; it should be encrypted again. */
  decrypt(encrypted: Uint8Array): Promise<{ text: string; stale: boolean }>;
}

interface Loaded {
  values: Map<string, string>;
  /** What the file holds, base64 per key: every value, including those that cannot be decrypted here. */
  encrypted: Map<string, string>;
  /** Keys whose value could not be decrypted: kept in the file as they are, never dropped silently. */
  unreadable: Set<string>;
  movedToEncryption: number;
}

/**
 * Secrets in `<data dir>/secrets.encrypted.json` (0600, written atomically), each value encrypted
 * on its own and kept as base64. All values are decrypted once, on first use.
 *
 * A value that cannot be decrypted (the folder came from another user account or computer, or the
 * keychain is locked) is kept in the file untouched and counted for the UI. Values the plain-text
 * store left beside it (secrets.json: the web host used this folder, or the desktop had no keyring
 * then) are encrypted and moved in, and the plain file is removed once they are safely written.
 */
export function createEncryptedSecretStore(dataDir: string, cipher: SecretCipher): SecretStore {
  const path = secretsFilePath(dataDir, 'encrypted');
  const plainPath = secretsFilePath(dataDir, 'plain');
  const enqueue = createWriteQueue();
  let loading: Promise<Loaded> | undefined;

  const encode = async (text: string) => {
    try {
      return Buffer.from(await cipher.encrypt(text)).toString('base64');
    } catch (error) {
      throw new Error(`The operating system's keychain could not encrypt a secret value (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
  };
  const persist = (loaded: Loaded) => enqueue(() => writeSecretsFile(path, loaded.encrypted, { encryption: SAFE_STORAGE_ENCRYPTION }));

  const load = async (): Promise<Loaded> => {
    const encrypted = (await readSecretsFile(path)) ?? new Map<string, string>();
    const loaded: Loaded = { values: new Map(), encrypted, unreadable: new Set(), movedToEncryption: 0 };
    let changed = false;
    for (const [key, base64] of encrypted) {
      let decrypted: { text: string; stale: boolean };
      try {
        decrypted = await cipher.decrypt(Buffer.from(base64, 'base64'));
      } catch {
        loaded.unreadable.add(key);
        continue;
      }
      loaded.values.set(key, decrypted.text);
      if (decrypted.stale) {
        encrypted.set(key, await encode(decrypted.text));
        changed = true;
      }
    }
    // Written while encryption was unavailable, so newer than any encrypted copy of the same key.
    const plain = await readSecretsFile(plainPath);
    for (const [key, text] of plain ?? []) {
      encrypted.set(key, await encode(text));
      loaded.values.set(key, text);
      loaded.unreadable.delete(key);
      loaded.movedToEncryption += 1;
      changed = true;
    }
    if (changed) await persist(loaded);
    if (plain) await rm(plainPath, { force: true });
    return loaded;
  };

  // A failed load (the keychain refused) is not kept: the next call tries again.
  const state = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  return {
    async status() {
      const loaded = await state();
      return {
        protection: 'os-encryption',
        ...(loaded.unreadable.size > 0 ? { unreadable: { count: loaded.unreadable.size, reason: 'cannot-decrypt' as const } } : {}),
        ...(loaded.movedToEncryption > 0 ? { movedToEncryption: loaded.movedToEncryption } : {}),
      };
    },
    async get(key) {
      return (await state()).values.get(key);
    },
    async set(key, value) {
      const loaded = await state();
      if (loaded.values.get(key) === value) return;
      const encrypted = await encode(value);
      loaded.values.set(key, value);
      loaded.encrypted.set(key, encrypted);
      loaded.unreadable.delete(key);
      await persist(loaded);
    },
    async delete(key) {
      const loaded = await state();
      if (!loaded.encrypted.delete(key)) return;
      loaded.values.delete(key);
      loaded.unreadable.delete(key);
      await persist(loaded);
    },
    async keys() {
      return [...(await state()).values.keys()];
    },
  };
}
