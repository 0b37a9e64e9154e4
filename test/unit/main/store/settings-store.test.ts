import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_FORMAT_VERSION, type HostCertificate } from '../../../../shared/model/settings.ts';
import { writeFileAtomic } from '../../../../main/store/atomic-write.ts';
import { createFileSecretStore } from '../../../../main/store/secrets/file-secret-store.ts';
import { openSettingsStore } from '../../../../main/store/settings-store.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

async function withSettingsFile(content: string): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'settings.json'), content);
  return dir;
}

describe('settings store', () => {
  it('starts with the defaults in a fresh data dir, without writing anything', async () => {
    const dir = await tempDir();

    const store = await openSettingsStore(dir);

    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an update is returned, kept, and still there after reopening', async () => {
    const dir = await tempDir();
    const store = await openSettingsStore(dir);

    const updated = await store.update({ theme: 'dark', maxResponseBytes: 4096 });

    expect(updated).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', maxResponseBytes: 4096 });
    expect(store.get()).toEqual(updated);
    expect((await openSettingsStore(dir)).get()).toEqual(updated);
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual({ formatVersion: SETTINGS_FORMAT_VERSION, settings: updated });
  });

  it('an invalid update is refused and changes nothing', async () => {
    const dir = await tempDir();
    const store = await openSettingsStore(dir);

    await expect(store.update({ maxResponseBytes: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });

    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['garbage', 'this is { not json'],
    ['an empty file', ''],
    ['null', 'null'],
    ['an array', '[1, 2, 3]'],
    ['settings: null', '{"formatVersion": 1, "settings": null}'],
    ['settings as a string', '{"formatVersion": 1, "settings": "dark"}'],
  ])('a settings.json holding %s opens with the defaults', async (_what, content) => {
    const store = await openSettingsStore(await withSettingsFile(content));
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a settings.json and uses defaults for the wrong ones', async () => {
    const dir = await withSettingsFile(
      JSON.stringify({
        formatVersion: 1,
        settings: { language: 'zh-CN', theme: 42, requestTimeoutMs: 'fast', maxResponseBytes: 5, unknownField: true },
      }),
    );

    const store = await openSettingsStore(dir);

    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'zh-CN' });
  });

  it('field names that exist on every object (constructor, __proto__, toString) do not stop the app', async () => {
    const dir = await withSettingsFile(
      '{"formatVersion": 1, "settings": {"constructor": 1, "__proto__": {"theme": "dark"}, "toString": "x", "theme": "light"}}',
    );

    const store = await openSettingsStore(dir);

    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(Object.keys(store.get()).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('the first update after a corrupt file writes a valid one', async () => {
    const dir = await withSettingsFile('{"settings": {"theme": 42');
    const store = await openSettingsStore(dir);

    await store.update({ theme: 'dark' });

    expect((await openSettingsStore(dir)).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('many overlapping updates end with the last one on disk and no temp files left', async () => {
    const dir = await tempDir();
    const store = await openSettingsStore(dir);

    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update({ requestTimeoutMs: 1000 + i })));

    expect(await readdir(dir)).toEqual(['settings.json']);
    expect((await openSettingsStore(dir)).get().requestTimeoutMs).toBe(1019);
  });
});

describe('settings store: Settings → Certificates', () => {
  const CANARY_PASSPHRASE = 'CANARY-host-passphrase-41a7';
  const CANARY_KEY = Buffer.from('CANARY-host-key-bytes-9c2e').toString('base64');
  const withSecrets: HostCertificate = {
    host: 'api.example.com:8443',
    clientCert: {
      cert: { kind: 'path', path: '/certs/me.pem' },
      key: { kind: 'inline', fileName: 'me-key.pem', base64: CANARY_KEY },
      passphrase: CANARY_PASSPHRASE,
    },
    caCert: { kind: 'path', path: '/certs/ca.pem' },
  };

  it('a passphrase and an inline key go to the secret store, never into settings.json; reopened, the entry has them', async () => {
    const dir = await tempDir();
    const store = await openSettingsStore(dir);

    await store.update({ hostCertificates: [withSecrets] });

    const onDisk = await readFile(join(dir, 'settings.json'), 'utf8');
    expect(onDisk).not.toContain(CANARY_PASSPHRASE);
    expect(onDisk).not.toContain(CANARY_KEY);
    expect(JSON.parse(onDisk).settings.hostCertificates).toEqual([
      {
        host: 'api.example.com:8443',
        clientCert: { cert: { kind: 'path', path: '/certs/me.pem' }, key: { kind: 'inline', fileName: 'me-key.pem', secret: true }, passphrase: { secret: true } },
        caCert: { kind: 'path', path: '/certs/ca.pem' },
      },
    ]);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).toContain(CANARY_PASSPHRASE);
    expect((await openSettingsStore(dir)).get().hostCertificates).toEqual([withSecrets]);
  });

  it('removing an entry removes its secrets', async () => {
    const dir = await tempDir();
    const secrets = createFileSecretStore(dir);
    const store = await openSettingsStore(dir, secrets);
    await store.update({ hostCertificates: [withSecrets, { host: 'other.test', clientCert: { pfx: { kind: 'path', path: '/p.p12' }, passphrase: 'kept' } }] });
    expect(await secrets.keys()).toHaveLength(3);

    await store.update({ hostCertificates: [{ host: 'other.test', clientCert: { pfx: { kind: 'path', path: '/p.p12' }, passphrase: 'kept' } }] });

    const values = await Promise.all((await secrets.keys()).map((key) => secrets.get(key)));
    expect(values).toEqual(['kept']);
  });

  it('secrets this machine does not hold are listed as missing, naming the entry', async () => {
    const dir = await tempDir();
    await openSettingsStore(dir).then((store) => store.update({ hostCertificates: [withSecrets] }));
    // settings.json copied to another computer: its secret store is empty.
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, 'settings.json'), await readFile(join(dir, 'settings.json')));

    const [entry] = (await openSettingsStore(elsewhere)).get().hostCertificates;

    expect(entry?.clientCert).toEqual({
      cert: { kind: 'path', path: '/certs/me.pem' },
      key: { kind: 'inline', fileName: 'me-key.pem', base64: '' },
      missingSecrets: { parts: ['passphrase', 'key'], savedIn: 'Settings → Certificates (api.example.com:8443)' },
    });
  });

  it('a hand-edited list keeps its valid entries: a bad pattern and a second entry for a host are dropped', async () => {
    const dir = await withSettingsFile(
      JSON.stringify({
        formatVersion: 1,
        settings: { hostCertificates: [{ host: 'https://no' }, { host: 'a.test', caCert: { kind: 'path', path: '/1.pem' } }, { host: 'A.test' }, 'junk'] },
      }),
    );

    expect((await openSettingsStore(dir)).get().hostCertificates).toEqual([{ host: 'a.test', caCert: { kind: 'path', path: '/1.pem' } }]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves only the target file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, 'old');

    await writeFileAtomic(target, 'new');

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('when the rename fails, the error surfaces and the temp file is removed', async () => {
    const dir = await tempDir();
    // A non-empty directory cannot be replaced by a file, so the final rename fails.
    await mkdir(join(dir, 'target', 'child'), { recursive: true });

    await expect(writeFileAtomic(join(dir, 'target'), 'data')).rejects.toThrow();

    expect(await readdir(dir)).toEqual(['target']);
  });
});
