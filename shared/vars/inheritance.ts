import type { AuthSpec, HeaderEntry, HttpRequestSpec, RequestSettings } from '../model/request.ts';
import type { WsRequestSpec } from '../model/websocket.ts';

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

/**
 * The same for a WebSocket connection: headers and auth exactly as for HTTP. Of the settings only
 * the certificates apply to a handshake (its own client certificate and CA win); verification,
 * timeouts and the rest are the connection's own.
 */
export function applyWsInheritance(spec: WsRequestSpec, layers: readonly InheritedLayer[]): WsRequestSpec {
  if (layers.length === 0) return spec.auth?.type === 'inherit' ? { ...spec, auth: { type: 'none' } } : spec;
  const result: WsRequestSpec = { ...spec, headers: inheritHeaders(spec.headers, layers) };
  if (spec.auth?.type === 'inherit') result.auth = inheritedAuth(layers);
  const settings = inheritSettings(undefined, layers);
  if (!spec.clientCert && settings?.clientCert) result.clientCert = settings.clientCert;
  if (!spec.caCert && settings?.caCert) result.caCert = settings.caCert;
  return result;
}

function inheritHeaders(own: readonly HeaderEntry[], layers: readonly InheritedLayer[]): HeaderEntry[] {
  const inherited: HeaderEntry[] = [];
  for (const row of explainInheritedHeaders(own, layers)) if (row.overriddenBy === undefined) inherited.push(row.header);
  return [...inherited, ...own];
}

function inheritedAuth(layers: readonly InheritedLayer[]): AuthSpec {
  const index = inheritedAuthLayer(layers);
  return index === undefined ? { type: 'none' } : layers[index]!.auth!;
}

/** An enabled header a collection or folder passes down, and what replaces it, if anything. */
export interface InheritedHeader {
  header: HeaderEntry;
  /** Index of the layer it comes from. */
  layer: number;
  /** Not sent: the request (or the deeper layer at this index) sets a header of the same name. */
  overriddenBy?: 'request' | number;
}

/**
 * Every enabled inherited header in the order it would be sent, each marked with what overrides it:
 * the request's own enabled header of the same name (case-insensitive), or a deeper layer's. The
 * request editor lists these; applyInheritance sends the ones nothing overrides.
 */
export function explainInheritedHeaders(own: readonly HeaderEntry[], layers: readonly Pick<InheritedLayer, 'headers'>[]): InheritedHeader[] {
  const owner = new Map<string, 'request' | number>();
  for (const row of own) {
    const key = row.name.trim().toLowerCase();
    if (row.enabled && key !== '') owner.set(key, 'request');
  }
  const byLayer: InheritedHeader[][] = layers.map(() => []);
  // Deepest first, so a folder's header overrides the collection's of the same name.
  for (let index = layers.length - 1; index >= 0; index--) {
    const claimed: string[] = [];
    for (const header of layers[index]!.headers ?? []) {
      const key = header.name.trim().toLowerCase();
      if (!header.enabled || key === '') continue;
      const overriddenBy = owner.get(key);
      byLayer[index]!.push(overriddenBy === undefined ? { header, layer: index } : { header, layer: index, overriddenBy });
      // Two rows of one name in the same layer are both sent, so a name is claimed after the layer.
      if (overriddenBy === undefined) claimed.push(key);
    }
    for (const key of claimed) owner.set(key, index);
  }
  return byLayer.flat();
}

/** The layer whose auth an `inherit` auth uses: the nearest that sets one other than `inherit` (none: no auth). */
export function inheritedAuthLayer(layers: readonly { auth?: { type: string } }[]): number | undefined {
  for (let index = layers.length - 1; index >= 0; index--) {
    const auth = layers[index]!.auth;
    if (auth && auth.type !== 'inherit') return index;
  }
  return undefined;
}

/** For each setting some layer sets: the value that applies under a request that leaves it unset, and its layer. */
export type InheritedSettingSources = { [K in keyof RequestSettings]?: { value: NonNullable<RequestSettings[K]>; layer: number } };

export function explainInheritedSettings(layers: readonly Pick<InheritedLayer, 'settings'>[]): InheritedSettingSources {
  const sources: Record<string, { value: unknown; layer: number }> = {};
  layers.forEach((layer, index) => {
    for (const [key, value] of Object.entries(layer.settings ?? {})) if (value !== undefined) sources[key] = { value, layer: index };
  });
  return sources as InheritedSettingSources;
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
