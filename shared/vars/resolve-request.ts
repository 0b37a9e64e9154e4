import type { AuthSpec, HeaderEntry, HttpRequestSpec, RequestSettings } from '../model/request.ts';
import type { WsRequestSpec } from '../model/websocket.ts';
import { resolveTemplate, type ResolveOptions } from './resolve-template.ts';

export interface RequestResolution<T> {
  spec: T;
  unresolved: string[];
  usedSecret: boolean;
}

/** Resolves variables in every text the user can type: URL, path params, headers, body, auth and settings. */
export function resolveHttpRequest(spec: HttpRequestSpec, options: ResolveOptions): RequestResolution<HttpRequestSpec> {
  const r = resolver(options);
  const resolved: HttpRequestSpec = {
    ...spec,
    url: r.text(spec.url),
    headers: r.entries(spec.headers),
    body: {
      ...spec.body,
      text: r.text(spec.body.text),
      ...(spec.body.form ? { form: r.entries(spec.body.form) } : {}),
      ...(spec.body.multipart
        ? { multipart: spec.body.multipart.map((part) => ({ ...part, name: r.text(part.name), value: r.text(part.value) })) }
        : {}),
      ...(spec.body.graphql
        ? {
            graphql: {
              ...spec.body.graphql,
              query: r.text(spec.body.graphql.query),
              variables: r.text(spec.body.graphql.variables),
            },
          }
        : {}),
    },
  };
  if (spec.pathParams) resolved.pathParams = spec.pathParams.map((param) => ({ name: param.name, value: r.text(param.value) }));
  if (spec.auth) resolved.auth = resolveAuth(spec.auth, r.text);
  if (spec.settings) resolved.settings = resolveSettings(spec.settings, r.text);
  return r.finish(resolved);
}

/** The same for a WebSocket connection: URL, params, headers, auth, subprotocols and the certificate passphrase. */
export function resolveWsRequest(spec: WsRequestSpec, options: ResolveOptions): RequestResolution<WsRequestSpec> {
  const r = resolver(options);
  const resolved: WsRequestSpec = {
    ...spec,
    url: r.text(spec.url),
    params: r.entries(spec.params),
    headers: r.entries(spec.headers),
    subprotocols: spec.subprotocols.map(r.text),
  };
  if (spec.auth) resolved.auth = resolveAuth(spec.auth, r.text);
  if (spec.clientCert?.passphrase !== undefined) resolved.clientCert = { ...spec.clientCert, passphrase: r.text(spec.clientCert.passphrase) };
  return r.finish(resolved);
}

function resolver(options: ResolveOptions) {
  const unresolved = new Set<string>();
  let usedSecret = false;
  const text = (value: string): string => {
    // Most fields of most requests hold no reference at all.
    if (!value.includes('{{')) return value;
    const resolution = resolveTemplate(value, options);
    for (const name of resolution.unresolved) unresolved.add(name);
    usedSecret ||= resolution.usedSecret;
    return resolution.text;
  };
  return {
    text,
    entries: (rows: readonly HeaderEntry[]): HeaderEntry[] =>
      rows.map((row) => (row.enabled ? { ...row, name: text(row.name), value: text(row.value) } : row)),
    finish: <T>(spec: T): RequestResolution<T> => ({ spec, unresolved: [...unresolved], usedSecret }),
  };
}

/** Every string field of the auth, whatever its type; the `type` and enum-like fields are not templates. */
function resolveAuth(auth: AuthSpec, text: (value: string) => string): AuthSpec {
  const KEEP = new Set(['type', 'in', 'grantType', 'clientAuth']);
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(auth)) {
    resolved[key] = typeof value === 'string' && !KEEP.has(key) ? text(value) : value;
  }
  return resolved as AuthSpec;
}

function resolveSettings(settings: RequestSettings, text: (value: string) => string): RequestSettings {
  const resolved: RequestSettings = { ...settings };
  if (settings.proxyUrl !== undefined) resolved.proxyUrl = text(settings.proxyUrl);
  if (settings.noProxy !== undefined) resolved.noProxy = text(settings.noProxy);
  if (settings.clientCert?.passphrase !== undefined) resolved.clientCert = { ...settings.clientCert, passphrase: text(settings.clientCert.passphrase) };
  return resolved;
}
