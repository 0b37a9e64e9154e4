import { describe, expect, it } from 'vitest';
import { secretStorageText } from '../../../../../renderer/src/features/secrets/secret-storage-text.ts';
import { en, type MessageKey } from '../../../../../renderer/src/i18n/en.ts';
import { zhCN } from '../../../../../renderer/src/i18n/zh-CN.ts';
import type { SecretStorageStatus } from '../../../../../shared/model/secrets.ts';

const translate = (catalog: Record<MessageKey, string>) => (key: MessageKey, params?: Record<string, string | number | boolean | undefined>) =>
  catalog[key].replace(/\{(\w+)\}/g, (match, name: string) => String(params?.[name] ?? match));

describe('what the UI says about secret values', () => {
  const cases: Array<[string, SecretStorageStatus, RegExp, RegExp | undefined]> = [
    ['desktop with a keychain', { protection: 'os-encryption' }, /encrypted with a key from your operating system’s keychain/, undefined],
    ['web host', { protection: 'plain-file', plainReason: 'host' }, /secrets\.json .*not encrypted/, undefined],
    ['desktop without a keyring', { protection: 'plain-file', plainReason: 'no-keyring' }, /not encrypted: this system offers no keyring/, undefined],
    [
      'web host over a desktop data folder',
      { protection: 'plain-file', plainReason: 'host', unreadable: { count: 3, reason: 'encrypted-elsewhere' } },
      /not encrypted/,
      /^3 secret value\(s\) .*encrypted by the Shuttle desktop app and cannot be read here/,
    ],
    [
      'desktop over a folder from another computer',
      { protection: 'os-encryption', unreadable: { count: 1, reason: 'cannot-decrypt' } },
      /keychain/,
      /^1 secret value\(s\) could not be decrypted/,
    ],
    ['desktop after moving plain values in', { protection: 'os-encryption', movedToEncryption: 2 }, /keychain/, /^2 secret value\(s\) kept as plain text before are now encrypted/],
  ];

  for (const [name, status, protection, notice] of cases) {
    it(name, () => {
      const text = secretStorageText(status, translate(en));
      expect(text.protection).toMatch(protection);
      if (notice) expect(text.notice).toMatch(notice);
      else expect(text.notice).toBeUndefined();
      // Every case has its Chinese sentences too, with the count filled in.
      const chinese = secretStorageText(status, translate(zhCN));
      expect(chinese.protection).not.toBe(text.protection);
      if (status.unreadable) expect(chinese.notice).toContain(String(status.unreadable.count));
    });
  }

  it('beside a client certificate: one sentence on where its passphrase and key are kept once saved, in both languages', () => {
    const status: SecretStorageStatus = { protection: 'plain-file', plainReason: 'host', unreadable: { count: 3, reason: 'encrypted-elsewhere' } };
    const text = secretStorageText(status, translate(en), 'certificate');
    expect(text).toEqual({
      protection:
        'Once saved, the passphrase (unless it is a {{variable}}) and a key or PFX file chosen here are kept outside the workspace, in secrets.json in the Shuttle data folder (readable by you only, not encrypted).',
    });
    expect(secretStorageText({ protection: 'os-encryption' }, translate(en), 'certificate').protection).toMatch(/^Once saved, .* keychain\.$/);
    expect(secretStorageText(status, translate(zhCN), 'certificate').protection).toMatch(/^保存后，.*secrets\.json/);
  });
});
