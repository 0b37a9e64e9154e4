import { z } from 'zod';
import { clientCertificateSchema, fileSourceSchema } from './request.ts';

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/**
 * Which connections a certificate entry is for: a host name or IP (`api.example.com`, `127.0.0.1`,
 * `[::1]`), `*.example.com` for every name under example.com, or `*` for every host (a company CA);
 * `:port` limits it to one port.
 */
export const HOST_PATTERN = /^(\*|(\*\.)?([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*|\[[0-9A-Fa-f:.]+\]))(:\d{1,5})?$/;

/**
 * A client certificate, an extra CA and/or "don't verify" for every TLS connection to the hosts a
 * pattern names (Settings → Certificates), used where a request (or its collection or folder) sets none.
 */
export const hostCertificateSchema = z.object({
  host: z.string().max(300).regex(HOST_PATTERN, 'a host name or IP, *.domain or *, with an optional :port'),
  clientCert: clientCertificateSchema.optional(),
  caCert: fileSourceSchema.optional(),
  /** false: this host's certificate is not checked (a development server's self-signed one), where a request does not choose. */
  verifyTls: z.boolean().optional(),
});
export type HostCertificate = z.infer<typeof hostCertificateSchema>;

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  /** Overall deadline for a request in ms; 0 disables it. */
  requestTimeoutMs: z.number().int().min(0).max(24 * 3600 * 1000),
  /** Largest response body kept, in bytes; the rest is discarded with a "truncated" note. */
  maxResponseBytes: z.number().int().min(1024).max(16 * 1024 ** 3),
  /** Every send and WebSocket session is recorded in history; off, nothing new is (what is there stays). */
  historyRecording: z.boolean(),
  // History: limits enforced in the background; 0 means no limit.
  /** Entries kept; the oldest go first. */
  historyMaxEntries: z.number().int().min(0).max(100_000_000),
  /** Days an entry is kept. */
  historyMaxAgeDays: z.number().int().min(0).max(36_500),
  /** Approximate bytes the history may take (stored data plus search index). */
  historyMaxBytes: z.number().int().min(0).max(1024 ** 4),
  /** Body bytes kept per request and per response; a longer body is kept as a preview of this size. */
  historyMaxBodyBytes: z.number().int().min(0).max(256 * 1024 ** 2),
  /** Header names whose values are never written to history, besides Authorization, Cookie and the like. */
  historySecretHeaders: z.array(z.string().min(1).max(256)).max(500),
  /** Largest inbound WebSocket message; a bigger one closes the connection with 1009. */
  wsMaxMessageBytes: z.number().int().min(1024).max(1024 ** 3),
  /** Messages a WebSocket tab keeps in its log; older ones are dropped with a note. */
  wsLogLimit: z.number().int().min(100).max(10_000_000),
  /**
   * Certificates by host. This machine's files, so kept in the app settings, never in a workspace;
   * a passphrase and a key or bundle picked in the browser live in the secret store.
   */
  hostCertificates: z
    .array(hostCertificateSchema)
    .max(200)
    .refine((entries) => new Set(entries.map((entry) => entry.host.toLowerCase())).size === entries.length, 'two entries are for the same host'),
  /**
   * TLS connections trust the operating system's certificate store besides Node's bundled CAs, as
   * browsers and curl do (a CA from mkcert, dotnet dev-certs or a company's IT is installed there).
   */
  trustSystemCertificates: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  requestTimeoutMs: 30_000,
  maxResponseBytes: 1024 ** 3,
  historyRecording: true,
  historyMaxEntries: 100_000,
  historyMaxAgeDays: 180,
  historyMaxBytes: 1024 ** 3,
  historyMaxBodyBytes: 1024 ** 2,
  historySecretHeaders: [],
  wsMaxMessageBytes: 16 * 1024 * 1024,
  wsLogLimit: 100_000,
  hostCertificates: [],
  trustSystemCertificates: true,
};

/** On-disk document: settings plus a format version for migrations. */
export const SETTINGS_FORMAT_VERSION = 1;
