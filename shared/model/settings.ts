import { z } from 'zod';

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  /** Overall deadline for a request in ms; 0 disables it. */
  requestTimeoutMs: z.number().int().min(0).max(24 * 3600 * 1000),
  /** Largest response body kept, in bytes; the rest is discarded with a "truncated" note. */
  maxResponseBytes: z.number().int().min(1024).max(16 * 1024 ** 3),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  requestTimeoutMs: 30_000,
  maxResponseBytes: 1024 ** 3,
};

/** On-disk document: settings plus a format version for migrations. */
export const SETTINGS_FORMAT_VERSION = 1;
