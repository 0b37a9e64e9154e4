import { z } from 'zod';
import { httpRequestSpecSchema } from '../model/request.ts';
import type { BodyChunk, HttpResponseMeta } from '../model/response.ts';
import { settingsPatchSchema, type Settings } from '../model/settings.ts';

const id = z.string().min(1).max(128);

/**
 * Every command a UI may invoke: its payload schema (validated by the router, because the
 * renderer is an untrusted client) and its result type. Handlers and callers are typed from here.
 */
export const commandPayloads = {
  'app.info': z.object({}),
  'http.send': z.object({ runId: id, request: httpRequestSpecSchema }),
  'http.cancel': z.object({ runId: id }),
  'body.read': z.object({
    bodyId: id,
    offset: z.number().int().min(0),
    length: z.number().int().min(1).max(8 * 1024 * 1024),
  }),
  'body.release': z.object({ bodyId: id }),
  'settings.get': z.object({}),
  'settings.update': z.object({ patch: settingsPatchSchema }),
} as const;

export interface AppInfo {
  version: string;
  dataDir: string;
  /** Which host serves this UI; informational only (the renderer branches on capabilities). */
  host: 'electron' | 'web';
}

export interface CommandResults {
  'app.info': AppInfo;
  'http.send': HttpResponseMeta;
  'http.cancel': { cancelled: boolean };
  'body.read': BodyChunk;
  'body.release': { released: boolean };
  'settings.get': Settings;
  'settings.update': Settings;
}

export type CommandName = keyof typeof commandPayloads;
export type CommandPayload<C extends CommandName> = z.infer<(typeof commandPayloads)[C]>;
export type CommandResult<C extends CommandName> = CommandResults[C];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandPayloads, name);
}
