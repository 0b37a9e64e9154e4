import { contentTypeForBodyMode } from '../../../../shared/http/body-content-type.ts';
import { ENGINE_ACCEPT_ENCODING, ENGINE_USER_AGENT } from '../../../../shared/http/engine-headers.ts';
import type { RequestDraft } from '../tabs/request-draft.ts';

export interface AutoHeader {
  name: string;
  /** The value, or undefined when it is only known at send time (Content-Length of a file, a boundary). */
  value: string | undefined;
  /** Replaced by the request's own (enabled) header of that name, or by one it inherits. */
  overridden: false | 'request' | 'inherited';
}


/**
 * The headers the engine will add to this request unless the user sets them (or `inherited` names
 * them), as main/engine/http/prepare-request.ts adds them, so people see them before sending.
 */
export function autoHeaders(draft: RequestDraft, inherited: readonly string[] = []): AutoHeader[] {
  const userSet = new Set(draft.headers.filter((row) => row.enabled && row.name.trim() !== '').map((row) => row.name.trim().toLowerCase()));
  const inheritedSet = new Set(inherited.map((name) => name.trim().toLowerCase()));
  const list: Omit<AutoHeader, 'overridden'>[] = [];
  // A host that comes from a {{variable}} is only known when the request is sent.
  if (HOST_FROM_VARIABLE.test(draft.url.trim())) list.push({ name: 'Host', value: undefined });
  else {
    const host = hostOf(draft.url);
    if (host) list.push({ name: 'Host', value: host });
  }
  list.push({ name: 'User-Agent', value: ENGINE_USER_AGENT });
  list.push({ name: 'Accept-Encoding', value: ENGINE_ACCEPT_ENCODING });
  const contentType = contentTypeForBodyMode(draft.body.mode);
  if (contentType) {
    list.push({ name: 'Content-Type', value: draft.body.mode === 'multipart' ? undefined : contentType });
    list.push({ name: 'Content-Length', value: undefined });
  }
  return list.map((header) => {
    const name = header.name.toLowerCase();
    return { ...header, overridden: userSet.has(name) ? 'request' : inheritedSet.has(name) ? 'inherited' : false };
  });
}

const HOST_FROM_VARIABLE = /^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*\{\{/i;

function hostOf(url: string): string | undefined {
  const text = url.trim();
  if (text === '') return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).host || undefined;
  } catch {
    return undefined;
  }
}
