import { contentTypeForBodyMode } from '../../../../shared/http/body-content-type.ts';
import type { RequestDraft } from '../tabs/request-draft.ts';

export interface AutoHeader {
  name: string;
  /** The value, or undefined when it is only known at send time (Content-Length of a file, a boundary). */
  value: string | undefined;
  /** True when a header the user set (enabled) replaces this one. */
  overridden: boolean;
}

/** Mirrors what the engine adds (main/engine/http/prepare-request.ts) so people see it before sending. */
export const ENGINE_USER_AGENT = 'Shuttle/0.1';

/** The headers the engine will add to this request unless the user sets them. */
export function autoHeaders(draft: RequestDraft): AutoHeader[] {
  const userSet = new Set(draft.headers.filter((row) => row.enabled && row.name.trim() !== '').map((row) => row.name.trim().toLowerCase()));
  const list: Omit<AutoHeader, 'overridden'>[] = [];
  const host = hostOf(draft.url);
  if (host) list.push({ name: 'Host', value: host });
  list.push({ name: 'User-Agent', value: ENGINE_USER_AGENT });
  const contentType = contentTypeForBodyMode(draft.body.mode);
  if (contentType) {
    list.push({ name: 'Content-Type', value: draft.body.mode === 'multipart' ? undefined : contentType });
    list.push({ name: 'Content-Length', value: undefined });
  }
  return list.map((header) => ({ ...header, overridden: userSet.has(header.name.toLowerCase()) }));
}

function hostOf(url: string): string | undefined {
  const text = url.trim();
  if (text === '') return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).host || undefined;
  } catch {
    return undefined;
  }
}
