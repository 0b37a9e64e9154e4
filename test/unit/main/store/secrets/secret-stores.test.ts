// The two secret stores over real files in a temp data dir: the plain 0600 file (web host, CLI,
// desktop without a keyring) and the encrypted one (desktop with a keychain, here a fake cipher),
// and what happens when a data dir moves between them.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedSecretStore, type SecretCipher } from '../../../../../main/store/secrets/encrypted-secret-store.ts';
import { createFileSecretStore } from '../../../../../main/store/secrets/file-secret-store.ts';
import { tempDir } from '../../../helpers/temp-dir.ts';

const CANARY = 'CANARY-7f3a-secret-value';

/**
 * A stand-in for the OS keychain: AES-GCM under a key only this instance knows, so another
 * instance is "another computer". `rotate()` moves to a new key; values under the old one still
 * decrypt but are reported stale, as safeStorage does after a key rotation.
 */
class FakeKeychain implements SecretCipher {
  private keys = [randomBytes(32)];
  refuseEncryption = false;

  rotate() {
    this.keys.unshift(randomBytes(32));
  }

  async encrypt(text: string): Promise<Uint8Array> {
    if (this.refuseEncryption) throw new Error('the keychain is locked');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0]!, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  async decrypt(encrypted: Uint8Array): Promise<{ text: string; stale: boolean }> {
    const bytes = Buffer.from(encrypted);
    for (const [index, key] of this.keys.entries()) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
        return { text, stale: index > 0 };
      } catch {
        // Not this key: try an older one.
      }
    }
    throw new Error('cannot decrypt');
  }
}

const encryptedFile = (dataDir: string) => join(dataDir, 'secrets.encrypted.json');
const plainFile = (dataDir: string) => join(dataDir, 'secrets.json');
const exists = (path: string) => stat(path).then(() => true, () => false);
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('plain secret store (web host, CLI)', () => {
  it('keeps values in secrets.json, readable by the owner only, and says they are not encrypted', async () => {
    const dataDir = await tempDir();
    const store = createFileSecretStore(dataDir);

    await store.set('a', CANARY);

    expect(await createFileSecretStore(dataDir).get('a')).toBe(CANARY);
    expect(await modeOf(plainFile(dataDir))).toBe(0o600);
    expect(await store.status()).toEqual({ protection: 'plain-file', plainReason: 'host' });
  });
});

describe('encrypted secret store (desktop with a keychain)', () => {
  it('keeps each value encrypted, as base64, in a 0600 file: the value itself is nowhere on disk', async () => {
    const dataDir = await tempDir();
    const keychain = new FakeKeychain();
    const store = createEncryptedSecretStore(dataDir, keychain);

    await store.set('workspace\u001fglobal\u001ftoken', CANARY);
    await store.set('other', 'second');

    const file = await readFile(encryptedFile(dataDir), 'utf8');
    expect(file).not.toContain(CANARY);
    expect(JSON.parse(file)).toMatchObject({ formatVersion: 1, encryption: 'electron-safe-storage', secrets: { other: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) } });
    expect(await modeOf(encryptedFile(dataDir))).toBe(0o600);
    expect(await exists(plainFile(dataDir))).toBe(false);
    expect(await store.status()).toEqual({ protection: 'os-encryption' });

    const reopened = createEncryptedSecretStore(dataDir, keychain);
    expect(await reopened.get('workspace\u001fglobal\u001ftoken')).toBe(CANARY);
    expect((await reopened.keys()).sort()).toEqual(['other', 'workspace\u001fglobal\u001ftoken']);
    await reopened.delete('other');
    expect(await createEncryptedSecretStore(dataDir, keychain).keys()).toEqual(['workspace\u001fglobal\u001ftoken']);
  });

  it('values encrypted for another computer are kept untouched and counted, never dropped by a later save', async () => {
    const dataDir = await tempDir();
    await createEncryptedSecretStore(dataDir, new FakeKeychain()).set('elsewhere', CANARY);
    const foreign = JSON.parse(await readFile(encryptedFile(dataDir), 'utf8')).secrets.elsewhere;

    const here = createEncryptedSecretStore(dataDir, new FakeKeychain());
    expect(await here.get('elsewhere')).toBeUndefined();
    expect(await here.keys()).toEqual([]);
    expect(await here.status()).toEqual({ protection: 'os-encryption', unreadable: { count: 1, reason: 'cannot-decrypt' } });

    await here.set('new', 'value');
    expect(JSON.parse(await readFile(encryptedFile(dataDir), 'utf8')).secrets.elsewhere).toBe(foreign);
    // Setting it again here replaces it: the person chose the new value.
    await here.set('elsewhere', 'replaced');
    expect(await here.status()).toEqual({ protection: 'os-encryption' });
  });

  it('encrypts again a value the keychain reports as under an old key', async () => {
    const dataDir = await tempDir();
    const keychain = new FakeKeychain();
    await createEncryptedSecretStore(dataDir, keychain).set('a', CANARY);
    const before = JSON.parse(await readFile(encryptedFile(dataDir), 'utf8')).secrets.a;
    keychain.rotate();

    expect(await createEncryptedSecretStore(dataDir, keychain).get('a')).toBe(CANARY);

    const after = JSON.parse(await readFile(encryptedFile(dataDir), 'utf8')).secrets.a;
    expect(after).not.toBe(before);
    expect((await keychain.decrypt(Buffer.from(after, 'base64'))).stale).toBe(false);
  });

  it('a keychain that refuses to encrypt fails the save with that reason and changes nothing on disk', async () => {
    const dataDir = await tempDir();
    const keychain = new FakeKeychain();
    const store = createEncryptedSecretStore(dataDir, keychain);
    await store.set('a', 'old');
    const before = await readFile(encryptedFile(dataDir), 'utf8');
    keychain.refuseEncryption = true;

    await expect(store.set('a', CANARY)).rejects.toThrow(/keychain could not encrypt/);

    expect(await readFile(encryptedFile(dataDir), 'utf8')).toBe(before);
    expect(await store.get('a')).toBe('old');
  });
});

describe('a data dir moved between the desktop app and the web host', () => {
  it('desktop opening a web host data dir: plain values are encrypted, moved in and the plain file removed; plain ones win', async () => {
    const dataDir = await tempDir();
    const keychain = new FakeKeychain();
    await createEncryptedSecretStore(dataDir, keychain).set('both', 'older, encrypted');
    const plain = createFileSecretStore(dataDir);
    await plain.set('both', 'newer, plain');
    await plain.set('web', CANARY);

    const desktop = createEncryptedSecretStore(dataDir, keychain);

    expect(await desktop.get('web')).toBe(CANARY);
    expect(await desktop.get('both')).toBe('newer, plain');
    expect(await desktop.status()).toEqual({ protection: 'os-encryption', movedToEncryption: 2 });
    expect(await exists(plainFile(dataDir))).toBe(false);
    expect(await readFile(encryptedFile(dataDir), 'utf8')).not.toContain(CANARY);
    // Moved once: the next start has nothing left to move.
    expect(await createEncryptedSecretStore(dataDir, keychain).status()).toEqual({ protection: 'os-encryption' });
  });

  it('web host opening a desktop data dir: says how many values it cannot read and leaves their file alone', async () => {
    const dataDir = await tempDir();
    const desktop = createEncryptedSecretStore(dataDir, new FakeKeychain());
    await desktop.set('a', CANARY);
    await desktop.set('b', CANARY);
    const encrypted = await readFile(encryptedFile(dataDir), 'utf8');

    const web = createFileSecretStore(dataDir);
    expect(await web.status()).toEqual({ protection: 'plain-file', plainReason: 'host', unreadable: { count: 2, reason: 'encrypted-elsewhere' } });
    expect(await web.get('a')).toBeUndefined();

    await web.set('c', 'set on the web host');
    expect(await readFile(encryptedFile(dataDir), 'utf8')).toBe(encrypted);
  });

  it('a desktop without a keyring says why its values are plain text', async () => {
    const store = createFileSecretStore(await tempDir(), { plainReason: 'no-keyring' });
    expect(await store.status()).toEqual({ protection: 'plain-file', plainReason: 'no-keyring' });
  });

  it('a plain file that is not JSON is neither moved nor removed', async () => {
    const dataDir = await tempDir();
    await writeFile(plainFile(dataDir), '{ not json', { mode: 0o600 });

    const desktop = createEncryptedSecretStore(dataDir, new FakeKeychain());

    expect(await desktop.status()).toEqual({ protection: 'os-encryption' });
    expect(await readFile(plainFile(dataDir), 'utf8')).toBe('{ not json');
  });
});
