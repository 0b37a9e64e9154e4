import { z } from 'zod';

/** Methods offered in the picker; any other RFC 9110 token may be typed as a custom method. */
export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export const headerEntrySchema = z.object({
  name: z.string(),
  value: z.string(),
  enabled: z.boolean(),
});
export type HeaderEntry = z.infer<typeof headerEntrySchema>;

export const BODY_MODES = ['none', 'json', 'text'] as const;
export const requestBodySchema = z.object({
  mode: z.enum(BODY_MODES),
  text: z.string(),
});
export type RequestBody = z.infer<typeof requestBodySchema>;
export type BodyMode = RequestBody['mode'];

export const httpRequestSpecSchema = z.object({
  method: z.string().min(1).max(64),
  url: z.string().max(64 * 1024),
  headers: z.array(headerEntrySchema).max(10_000),
  body: requestBodySchema,
  /** Overall deadline for this request; 0 means "use the app setting". */
  timeoutMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
});
/** What the user composed, before the engine turns it into bytes on the wire. */
export type HttpRequestSpec = z.infer<typeof httpRequestSpecSchema>;

export function emptyRequest(): HttpRequestSpec {
  return { method: 'GET', url: '', headers: [], body: { mode: 'none', text: '' } };
}
