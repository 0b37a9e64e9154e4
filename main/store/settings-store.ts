import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShuttleFailure } from '../../shared/contract/errors.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_FORMAT_VERSION,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/model/settings.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { hostCertificatesForFile, hostCertificatesFromFile } from './host-certificate-secrets.ts';
import { createFileSecretStore } from './secrets/file-secret-store.ts';
import type { SecretStore } from './secrets/secret-store.ts';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * App settings in `<data dir>/settings.json`. An unreadable or invalid file never stops the app:
 * defaults are used for whatever is missing or wrong, and the file is rewritten on the next change.
 * The secrets of Settings → Certificates go to `secrets`, never into the file.
 */
export async function openSettingsStore(dataDir: string, secrets: SecretStore = createFileSecretStore(dataDir)): Promise<SettingsStore> {
  const path = join(dataDir, 'settings.json');
  let current = await load(path, secrets);
  let queue: Promise<unknown> = Promise.resolve();

  return {
    get: () => current,
    update(patch) {
      const parsed = settingsSchema.safeParse({ ...current, ...patch });
      // Rejected, not thrown: callers chain on the promise, and nothing changes for an invalid patch.
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return Promise.reject(new ShuttleFailure('VALIDATION', `Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`));
      }
      const next = parsed.data;
      current = next;
      // One write at a time, in order, so the file always ends with the latest settings (and secrets).
      const write = queue.then(async () => {
        const onFile = { ...next, hostCertificates: await hostCertificatesForFile(next.hostCertificates, secrets) };
        await writeFileAtomic(path, JSON.stringify({ formatVersion: SETTINGS_FORMAT_VERSION, settings: onFile }, null, 2) + '\n');
      });
      queue = write.catch(() => undefined);
      return write.then(() => next);
    },
  };
}

async function load(path: string, secrets: SecretStore): Promise<Settings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return DEFAULT_SETTINGS;
  }
  const stored = (raw as { settings?: unknown } | null)?.settings;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      // Own keys only: "constructor", "__proto__" or "toString" would otherwise find Object.prototype members.
      if (!Object.hasOwn(settingsSchema.shape, key)) continue;
      // Entry by entry, with their secrets put back: one bad entry does not lose the others.
      if (key === 'hostCertificates') merged[key] = await hostCertificatesFromFile(value, secrets);
      else if (settingsSchema.shape[key as keyof Settings].safeParse(value).success) merged[key] = value;
    }
  }
  return settingsSchema.parse(merged);
}
