import type { SafeStorage } from 'electron';
import { createEncryptedSecretStore, type SecretCipher } from '../../store/secrets/encrypted-secret-store.ts';
import { createFileSecretStore } from '../../store/secrets/file-secret-store.ts';
import type { SecretStore } from '../../store/secrets/secret-store.ts';

/**
 * The part of Electron's safeStorage the desktop app uses. The asynchronous calls: the synchronous
 * ones are deprecated in Electron 45 and gone in 46.
 */
export type SafeStorageApi = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/**
 * The desktop app's secret store: values encrypted with the operating system's keychain when it
 * offers one, else the same 0600 plain-text file as the web host, with the reason for the UI.
 * Call after the app is ready (before it, safeStorage reports no encryption).
 */
export async function createDesktopSecretStore(dataDir: string, safeStorage: SafeStorageApi, platform: NodeJS.Platform = process.platform): Promise<SecretStore> {
  if (await offersOsEncryption(safeStorage, platform)) return createEncryptedSecretStore(dataDir, safeStorageCipher(safeStorage));
  return createFileSecretStore(dataDir, { plainReason: 'no-keyring' });
}

/**
 * Whether encrypting means something here. On Linux without a keyring (KWallet, GNOME libsecret…)
 * Chromium "encrypts" with a hard-coded password (`basic_text`): plain text in all but name, so it
 * is reported as what it is.
 */
export async function offersOsEncryption(safeStorage: SafeStorageApi, platform: NodeJS.Platform): Promise<boolean> {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return false;
  }
  return safeStorage.isAsyncEncryptionAvailable().catch(() => false);
}

export function safeStorageCipher(safeStorage: SafeStorageApi): SecretCipher {
  return {
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    async decrypt(encrypted) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(encrypted));
      return { text: result, stale: shouldReEncrypt };
    },
  };
}
