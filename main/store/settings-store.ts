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

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * App settings in `<data dir>/settings.json`. An unreadable or invalid file never stops the app:
 * defaults are used for whatever is missing or wrong, and the file is rewritten on the next change.
 */
export async function openSettingsStore(dataDir: string): Promise<SettingsStore> {
  const path = join(dataDir, 'settings.json');
  let current = await load(path);
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
      const document = JSON.stringify({ formatVersion: SETTINGS_FORMAT_VERSION, settings: next }, null, 2) + '\n';
      // One write at a time, in order, so the file always ends with the latest settings.
      const write = queue.then(() => writeFileAtomic(path, document));
      queue = write.catch(() => undefined);
      return write.then(() => next);
    },
  };
}

async function load(path: string): Promise<Settings> {
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
      if (settingsSchema.shape[key as keyof Settings].safeParse(value).success) merged[key] = value;
    }
  }
  return settingsSchema.parse(merged);
}
