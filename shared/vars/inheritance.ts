import type { AuthSpec, HeaderEntry, HttpRequestSpec, RequestSettings } from '../model/request.ts';

/** What a collection or folder passes down; layers are given outermost (the collection) first. */
export interface InheritedLayer {
  headers?: readonly HeaderEntry[];
  auth?: AuthSpec;
  settings?: RequestSettings;
}

/**
 * Applies collection → folder → request inheritance:
 * - headers: every enabled inherited header is sent unless a deeper layer (or the request) sets the
 *   same name (case-insensitive); inherited ones go first, in layer order.
 * - auth: `inherit` takes the nearest enclosing layer's auth that is not itself `inherit`; none found
 *   means no auth. A request without auth has none (new requests in a collection start with `inherit`).
 * - settings: merged key by key, the deepest value winning.
 */
export function applyInheritance(spec: HttpRequestSpec, layers: readonly InheritedLayer[]): HttpRequestSpec {
  if (layers.length === 0) return spec.auth?.type === 'inherit' ? { ...spec, auth: { type: 'none' } } : spec;
  const result: HttpRequestSpec = { ...spec, headers: inheritHeaders(spec.headers, layers) };
  if (spec.auth?.type === 'inherit') result.auth = inheritedAuth(layers);
  const settings = inheritSettings(spec.settings, layers);
  if (settings) result.settings = settings;
  return result;
}

function inheritHeaders(own: readonly HeaderEntry[], layers: readonly InheritedLayer[]): HeaderEntry[] {
  const taken = new Set(own.filter((row) => row.enabled && row.name.trim() !== '').map((row) => row.name.trim().toLowerCase()));
  const inherited: HeaderEntry[] = [];
  // Deepest first, so a folder's header shadows the collection's of the same name.
  for (const layer of [...layers].reverse()) {
    const fromLayer: HeaderEntry[] = [];
    for (const row of layer.headers ?? []) {
      const name = row.name.trim().toLowerCase();
      if (!row.enabled || name === '' || taken.has(name)) continue;
      fromLayer.push(row);
    }
    for (const row of fromLayer) taken.add(row.name.trim().toLowerCase());
    inherited.unshift(...fromLayer);
  }
  return [...inherited, ...own];
}

function inheritedAuth(layers: readonly InheritedLayer[]): AuthSpec {
  for (let index = layers.length - 1; index >= 0; index--) {
    const auth = layers[index]!.auth;
    if (auth && auth.type !== 'inherit') return auth;
  }
  return { type: 'none' };
}

function inheritSettings(own: RequestSettings | undefined, layers: readonly InheritedLayer[]): RequestSettings | undefined {
  let merged: RequestSettings | undefined;
  for (const settings of [...layers.map((layer) => layer.settings), own]) {
    if (!settings) continue;
    merged = { ...merged };
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
