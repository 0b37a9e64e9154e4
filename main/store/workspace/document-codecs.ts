import { z } from 'zod';
import {
  authSpecSchema,
  headerEntrySchema,
  httpRequestSpecSchema,
  requestSettingsSchema,
  variableNameSchema,
  type ClientCertSecret,
  type HeaderEntry,
  type RequestSettings,
} from '../../../shared/model/request.ts';
import { emptyWsRequest, wsRequestSpecSchema } from '../../../shared/model/websocket.ts';
import {
  WORKSPACE_FORMAT_VERSION,
  type InheritedSettings,
  type SavedRequest,
  type VariableDefinition,
} from '../../../shared/model/workspace.ts';
import { certificateForFile, certificateFromFile } from './certificate-secrets.ts';

/**
 * Documents as they are written to disk, and back. Writing puts keys in one fixed order and leaves
 * out what is empty or default (`enabled: true`, an empty header list), so a file reads like what a
 * person would write and a diff shows only what changed. Reading is lenient about what may be left
 * out by hand and strict about everything else.
 */

export const SETTINGS_KINDS = ['workspace', 'collection', 'folder'] as const;
export type SettingsKind = (typeof SETTINGS_KINDS)[number];

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

// What a file may hold for a row: `enabled` may be left out (it means true).
const fileEntrySchema = headerEntrySchema.extend({ value: z.string().default(''), enabled: z.boolean().default(true) });
const fileVariableSchema = z.object({
  name: variableNameSchema,
  value: z.string().max(1024 * 1024).default(''),
  enabled: z.boolean().default(true),
  secret: z.boolean().default(false),
});
// Built once: zod compiles a schema on first use, and a workspace has thousands of files to check.
const fileEntriesSchema = z.array(fileEntrySchema);
const fileVariablesSchema = z.array(fileVariableSchema).max(5_000);
const optionalAuthSchema = authSpecSchema.optional();
const optionalSettingsSchema = requestSettingsSchema.optional();

// ---- requests

export interface DecodedRequest {
  /**
   * An HTTP request carries its request-scope variables in its spec (`spec.variables`), as the
   * editor edits them. Client certificate secrets the file marks as kept in the secret store are
   * placeholders here (see `certificateSecrets`).
   */
  request: SavedRequest;
  /** Request-scope variables as the file has them, for any kind (a WebSocket request's are kept through saves). */
  variables: VariableDefinition[];
  /** The client certificate parts the file says are in the secret store, to be filled in from there. */
  certificateSecrets: ClientCertSecret[];
}

/**
 * A request as its file holds it. An HTTP request's variables are its spec's; a WebSocket request,
 * whose editor has no variables, keeps `fileVariables` (those already in the file).
 */
export function encodeRequest(request: SavedRequest, fileVariables: readonly VariableDefinition[] = []): Record<string, unknown> {
  const head = { kind: request.kind, formatVersion: WORKSPACE_FORMAT_VERSION };
  if (request.kind === 'websocket') {
    const spec = wsRequestSpecSchema.parse(request.spec);
    const tail = fileVariables.length > 0 ? { variables: encodeVariables(fileVariables) } : {};
    const clientCert = spec.clientCert ? certificateForFile(spec.clientCert) : undefined;
    return { ...head, ...spec, params: encodeEntries(spec.params), headers: encodeEntries(spec.headers), clientCert, ...tail };
  }
  const { variables, ...spec } = httpRequestSpecSchema.parse(request.spec);
  const tail = variables?.length ? { variables: encodeVariables(variables.map((variable) => ({ ...variable, secret: false }))) } : {};
  const { form, multipart, ...body } = spec.body;
  const hasBody = body.mode !== 'none' || body.text !== '' || form || multipart || body.binary || body.graphql;
  return {
    ...head,
    method: spec.method,
    url: spec.url,
    pathParams: spec.pathParams?.length ? spec.pathParams : undefined,
    headers: spec.headers.length > 0 ? encodeEntries(spec.headers) : undefined,
    body: hasBody ? { ...body, form: form ? encodeEntries(form) : undefined, multipart } : undefined,
    auth: spec.auth,
    settings: encodeRequestSettings(spec.settings),
    timeoutMs: spec.timeoutMs,
    ...tail,
  };
}

export function decodeRequest(document: Record<string, unknown>): Decoded<DecodedRequest> {
  const { kind, formatVersion: _version, variables, ...rest } = document;
  const decodedVariables = decodeVariables(variables);
  if (!decodedVariables.ok) return decodedVariables;
  if (kind === 'websocket') {
    const certificate = certificateFromFile(rest.clientCert);
    const parsed = wsRequestSpecSchema.safeParse({
      ...emptyWsRequest(),
      ...rest,
      params: decodeEntries(rest.params),
      headers: decodeEntries(rest.headers),
      ...(rest.clientCert !== undefined ? { clientCert: certificate.clientCert } : {}),
    });
    if (!parsed.success) return invalid(parsed.error);
    return { ok: true, value: { request: { kind: 'websocket', spec: parsed.data }, variables: decodedVariables.value, certificateSecrets: certificate.secrets } };
  }
  if (kind !== 'http') return { ok: false, message: `kind must be "http" or "websocket", not ${JSON.stringify(kind)}` };
  const body = isRecord(rest.body) ? rest.body : {};
  const settings = decodeSettingsCertificate(rest.settings);
  const candidate = {
    ...rest,
    settings: settings.settings,
    method: rest.method ?? 'GET',
    url: rest.url ?? '',
    headers: decodeEntries(rest.headers),
    body: {
      ...body,
      mode: body.mode ?? 'none',
      text: body.text ?? '',
      ...(body.form !== undefined ? { form: decodeEntries(body.form) } : {}),
    },
  };
  const parsed = httpRequestSpecSchema.safeParse(candidate);
  if (!parsed.success) return invalid(parsed.error);
  const spec = withoutUndefined(parsed.data);
  // Request variables are plain values: one marked secret by hand has no value anywhere, so it is an empty one.
  if (decodedVariables.value.length > 0) spec.variables = decodedVariables.value.map(({ name, value, enabled }) => ({ name, value, enabled }));
  return { ok: true, value: { request: { kind: 'http', spec }, variables: decodedVariables.value, certificateSecrets: settings.secrets } };
}

/** What the tree shows for a request without holding its whole spec. */
export function requestSummary(document: Record<string, unknown>): { requestKind: 'http' | 'websocket'; method: string; url: string } {
  const url = typeof document.url === 'string' ? document.url : '';
  if (document.kind === 'websocket') return { requestKind: 'websocket', method: 'WS', url };
  return { requestKind: 'http', method: typeof document.method === 'string' ? document.method : 'GET', url };
}

// ---- collection, folder and workspace settings

export interface DecodedSettings extends InheritedSettings {
  variables: VariableDefinition[];
  /** The client certificate parts the file says are in the secret store (placeholders in `settings` until filled in). */
  certificateSecrets?: ClientCertSecret[];
}

export function encodeSettings(kind: SettingsKind, settings: DecodedSettings): Record<string, unknown> {
  return {
    kind,
    formatVersion: WORKSPACE_FORMAT_VERSION,
    variables: settings.variables.length > 0 ? encodeVariables(settings.variables) : undefined,
    // The workspace file holds global variables only.
    headers: kind !== 'workspace' && settings.headers.length > 0 ? encodeEntries(settings.headers) : undefined,
    auth: kind !== 'workspace' ? settings.auth : undefined,
    settings: kind !== 'workspace' ? encodeRequestSettings(settings.settings) : undefined,
  };
}

export function decodeSettings(kind: SettingsKind, document: Record<string, unknown>): Decoded<DecodedSettings> {
  if (document.kind !== kind) return { ok: false, message: `kind must be "${kind}", not ${JSON.stringify(document.kind)}` };
  const variables = decodeVariables(document.variables);
  if (!variables.ok) return variables;
  const headers = fileEntriesSchema.safeParse(document.headers ?? []);
  if (!headers.success) return invalid(headers.error, 'headers');
  const auth = optionalAuthSchema.safeParse(document.auth);
  if (!auth.success) return invalid(auth.error, 'auth');
  const certificate = decodeSettingsCertificate(document.settings);
  const settings = optionalSettingsSchema.safeParse(certificate.settings);
  if (!settings.success) return invalid(settings.error, 'settings');
  const value: DecodedSettings = { variables: variables.value, headers: headers.data };
  if (auth.data) value.auth = auth.data;
  if (settings.data) value.settings = withoutUndefined(settings.data);
  if (certificate.secrets.length > 0) value.certificateSecrets = certificate.secrets;
  return { ok: true, value };
}

// ---- environments

export function encodeEnvironment(variables: readonly VariableDefinition[]): Record<string, unknown> {
  return { kind: 'environment', formatVersion: WORKSPACE_FORMAT_VERSION, variables: encodeVariables(variables) };
}

export function decodeEnvironment(document: Record<string, unknown>): Decoded<VariableDefinition[]> {
  if (document.kind !== 'environment') return { ok: false, message: `kind must be "environment", not ${JSON.stringify(document.kind)}` };
  return decodeVariables(document.variables);
}

// ---- shared parts

/** Request settings as a file holds them: a client certificate's secrets as markers; nothing at all when empty. */
function encodeRequestSettings(settings: RequestSettings | undefined): Record<string, unknown> | undefined {
  if (!settings || Object.keys(settings).length === 0) return undefined;
  return settings.clientCert ? { ...settings, clientCert: certificateForFile(settings.clientCert) } : settings;
}

/** A file's `settings` with its client certificate's markers turned into placeholders (the rest is for the schema to judge). */
function decodeSettingsCertificate(settings: unknown): { settings: unknown; secrets: ClientCertSecret[] } {
  if (!isRecord(settings) || settings.clientCert === undefined) return { settings, secrets: [] };
  const certificate = certificateFromFile(settings.clientCert);
  return { settings: { ...settings, clientCert: certificate.clientCert }, secrets: certificate.secrets };
}

/** A secret keeps only its name (and flags) in the file: the value lives in the secret store. */
function encodeVariables(variables: readonly VariableDefinition[]): Record<string, unknown>[] {
  return variables.map((variable) => ({
    name: variable.name,
    value: variable.secret ? undefined : variable.value,
    enabled: variable.enabled ? undefined : false,
    secret: variable.secret ? true : undefined,
  }));
}

function decodeVariables(raw: unknown): Decoded<VariableDefinition[]> {
  const parsed = fileVariablesSchema.safeParse(raw ?? []);
  if (!parsed.success) return invalid(parsed.error, 'variables');
  // A value written into the file by hand next to `secret: true` is ignored, never sent or shown.
  return { ok: true, value: parsed.data.map((variable) => (variable.secret ? { ...variable, value: '' } : variable)) };
}

function encodeEntries(rows: readonly HeaderEntry[]): Record<string, unknown>[] {
  return rows.map((row) => ({ name: row.name, value: row.value, enabled: row.enabled ? undefined : false }));
}

function decodeEntries(raw: unknown): unknown {
  const parsed = fileEntriesSchema.safeParse(raw ?? []);
  return parsed.success ? parsed.data : raw;
}

function invalid(error: z.ZodError, prefix?: string): { ok: false; message: string } {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? [])].filter((part) => part !== undefined).join('.');
  return { ok: false, message: `${path || '(document)'}: ${issue?.message ?? 'invalid'}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod keeps absent optional keys absent; this also drops ones a file spelled out as null-ish undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== undefined)) as T;
}
