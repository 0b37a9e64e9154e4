import { z } from 'zod';

/** `session.json` format version (main/store/session-store.ts). */
export const SESSION_FORMAT_VERSION = 1;

/**
 * One open tab as journaled: what it edits and where it was saved. The draft's shape belongs to the
 * tab's kind and is checked by the renderer when it restores the tab (a tab it cannot read is
 * dropped, never the whole session), so the engine keeps it as opaque JSON.
 */
export const sessionTabSchema = z.object({
  id: z.string().min(1).max(128),
  kind: z.string().min(1).max(32),
  draft: z.unknown(),
  /** The saved request this tab edits: its path and the revision and content it was loaded with. */
  saved: z
    .object({
      path: z.string().min(1).max(4096),
      revision: z.string().max(128),
      request: z.unknown(),
    })
    .optional(),
});
export type SessionTab = z.infer<typeof sessionTabSchema>;

export const sessionSchema = z.object({
  tabs: z.array(sessionTabSchema).max(500),
  activeId: z.string().max(128).optional(),
});
/** The open tabs and their unsaved drafts, journaled so a restart (or a crash) loses no work. */
export type Session = z.infer<typeof sessionSchema>;
