// The desktop app's choice of secret store, against a fake safeStorage: encrypted where the
// system has a keychain, the plain 0600 file (and the reason, for the UI) where it has none.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesktopSecretStore } from '../../../../main/hosts/electron/secret-storage.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { FakeSafeStorage } from './fake-electron.ts';

const CANARY = 'CANARY-desktop-secret';
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('desktop secret store', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`on ${platform} with a keychain: values are encrypted with safeStorage, base64 in secrets.encrypted.json`, async () => {
      const dataDir = await tempDir();
      const safeStorage = new FakeSafeStorage();
      const store = await createDesktopSecretStore(dataDir, safeStorage, platform);

      await store.set('token', CANARY);

      expect(await store.status()).toEqual({ protection: 'os-encryption' });
      const file = await readFile(join(dataDir, 'secrets.encrypted.json'), 'utf8');
      expect(file).not.toContain(CANARY);
      const stored = Buffer.from(JSON.parse(file).secrets.token, 'base64');
      expect((await safeStorage.decryptStringAsync(stored)).result).toBe(CANARY);
      expect(await exists(join(dataDir, 'secrets.json'))).toBe(false);
      expect(await (await createDesktopSecretStore(dataDir, safeStorage, platform)).get('token')).toBe(CANARY);
    });
  }

  it('on Linux with only the basic_text backend (a hard-coded key): the plain file, said to be for want of a keyring', async () => {
    const dataDir = await tempDir();
    const safeStorage = new FakeSafeStorage({ available: true, backend: 'basic_text' });
    const store = await createDesktopSecretStore(dataDir, safeStorage, 'linux');

    await store.set('token', CANARY);

    expect(await store.status()).toEqual({ protection: 'plain-file', plainReason: 'no-keyring' });
    expect(safeStorage.encryptCalls).toBe(0);
    expect(JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')).secrets.token).toBe(CANARY);
    expect((await stat(join(dataDir, 'secrets.json'))).mode & 0o777).toBe(0o600);
  });

  it('where safeStorage reports no encryption: the plain file, said to be for want of a keyring', async () => {
    const store = await createDesktopSecretStore(await tempDir(), new FakeSafeStorage({ available: false }), 'darwin');
    expect(await store.status()).toEqual({ protection: 'plain-file', plainReason: 'no-keyring' });
  });

  it('a keyring that went away: the values it encrypted are counted as unreadable here, not lost', async () => {
    const dataDir = await tempDir();
    await (await createDesktopSecretStore(dataDir, new FakeSafeStorage(), 'linux')).set('token', CANARY);
    const encrypted = await readFile(join(dataDir, 'secrets.encrypted.json'), 'utf8');

    const store = await createDesktopSecretStore(dataDir, new FakeSafeStorage({ backend: 'basic_text' }), 'linux');
    await store.set('other', 'plain');

    expect(await store.status()).toEqual({ protection: 'plain-file', plainReason: 'no-keyring', unreadable: { count: 1, reason: 'encrypted-elsewhere' } });
    expect(await readFile(join(dataDir, 'secrets.encrypted.json'), 'utf8')).toBe(encrypted);
  });

  it('re-encrypts a value safeStorage says is under a rotated key', async () => {
    const dataDir = await tempDir();
    const safeStorage = new FakeSafeStorage();
    await (await createDesktopSecretStore(dataDir, safeStorage, 'darwin')).set('token', CANARY);
    safeStorage.keyRotated = true;
    const calls = safeStorage.encryptCalls;

    expect(await (await createDesktopSecretStore(dataDir, safeStorage, 'darwin')).get('token')).toBe(CANARY);

    expect(safeStorage.encryptCalls).toBe(calls + 1);
  });
});
