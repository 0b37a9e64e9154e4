import { z } from 'zod';
import { VARIABLE_NAME } from '../vars/template.ts';

/** Methods offered in the picker; any other RFC 9110 token may be typed as a custom method. */
export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** A name/value row as edited in a table (headers, query params, form fields). */
export const headerEntrySchema = z.object({
  name: z.string(),
  value: z.string(),
  enabled: z.boolean(),
});
export type HeaderEntry = z.infer<typeof headerEntrySchema>;
export type KeyValueEntry = HeaderEntry;

/**
 * A file for a body: a path the engine reads (desktop and CLI, where files can be picked by
 * path), or the bytes themselves (the browser, which only hands the page a file's content).
 */
export const fileSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('inline'), fileName: z.string().max(1024), base64: z.string() }),
]);
export type FileSource = z.infer<typeof fileSourceSchema>;

export const multipartPartSchema = z.object({
  name: z.string(),
  enabled: z.boolean(),
  kind: z.enum(['text', 'file']),
  /** The text of a text part. */
  value: z.string(),
  /** The file of a file part. */
  file: fileSourceSchema.optional(),
  /** Per-part Content-Type; empty means text/plain for text parts and a guess from the file name for files. */
  contentType: z.string().optional(),
});
export type MultipartPart = z.infer<typeof multipartPartSchema>;

/** Raw modes are sent as typed, with a Content-Type the engine adds when the user set none. */
export const RAW_BODY_MODES = ['json', 'text', 'xml', 'html', 'javascript'] as const;
export const BODY_MODES = ['none', ...RAW_BODY_MODES, 'form-urlencoded', 'multipart', 'binary', 'graphql'] as const;

/**
 * The body as edited. Every mode keeps its own content, so switching mode and back loses nothing;
 * only the selected mode is sent.
 */
export const requestBodySchema = z.object({
  mode: z.enum(BODY_MODES),
  text: z.string(),
  form: z.array(headerEntrySchema).max(10_000).optional(),
  multipart: z.array(multipartPartSchema).max(1_000).optional(),
  binary: fileSourceSchema.optional(),
  graphql: z.object({ query: z.string(), variables: z.string(), operationName: z.string().optional() }).optional(),
});
export type RequestBody = z.infer<typeof requestBodySchema>;
export type BodyMode = RequestBody['mode'];
export type RawBodyMode = (typeof RAW_BODY_MODES)[number];

export const AUTH_TYPES = ['none', 'inherit', 'basic', 'bearer', 'apikey', 'digest', 'oauth2', 'awsv4'] as const;
export const OAUTH2_GRANTS = ['client_credentials', 'password', 'authorization_code'] as const;

export const authSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** Use the collection's or folder's auth (resolved once collections exist; until then, none). */
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string(), prefix: z.string().optional() }),
  z.object({ type: z.literal('apikey'), key: z.string(), value: z.string(), in: z.enum(['header', 'query']) }),
  z.object({ type: z.literal('digest'), username: z.string(), password: z.string() }),
  z.object({
    type: z.literal('oauth2'),
    grantType: z.enum(OAUTH2_GRANTS),
    tokenUrl: z.string(),
    /** Authorization endpoint (authorization code grant). */
    authUrl: z.string().optional(),
    clientId: z.string(),
    clientSecret: z.string().optional(),
    scope: z.string().optional(),
    /** Resource owner credentials (password grant). */
    username: z.string().optional(),
    password: z.string().optional(),
    /** PKCE (S256) for the authorization code grant; on by default. */
    usePkce: z.boolean().optional(),
    /** Where client credentials go in the token request: HTTP Basic (default) or the form body. */
    clientAuth: z.enum(['basic', 'body']).optional(),
  }),
  z.object({
    type: z.literal('awsv4'),
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
    sessionToken: z.string().optional(),
    region: z.string(),
    service: z.string(),
  }),
]);
export type AuthSpec = z.infer<typeof authSpecSchema>;
export type AuthType = AuthSpec['type'];

export const HTTP_VERSIONS = ['auto', 'http1', 'http2'] as const;

/**
 * The parts of a client certificate that are secret: a typed passphrase, and a private key or PFX
 * bundle given inline (picked in the browser). A saved request keeps them in the secret store, not
 * in its workspace file (docs/workspace-format.md, "Client certificate secrets").
 */
export const CLIENT_CERT_SECRETS = ['passphrase', 'key', 'pfx'] as const;
export type ClientCertSecret = (typeof CLIENT_CERT_SECRETS)[number];

/**
 * Secrets a saved certificate keeps in a secret store that this machine's does not hold (the
 * workspace came from git or another computer), and where it is saved. Sending refuses until they
 * are entered again; the editor drops a part from the list once it is.
 */
export const missingCertificateSecretsSchema = z.object({
  parts: z.array(z.enum(CLIENT_CERT_SECRETS)).min(1).max(CLIENT_CERT_SECRETS.length),
  /** The request, folder or collection the certificate is saved in ("Shop/Orders/List orders"). */
  savedIn: z.string().max(4096),
});
export type MissingCertificateSecrets = z.infer<typeof missingCertificateSecretsSchema>;

/** A client certificate: PEM cert + key, or a PFX/P12 bundle, with an optional passphrase. */
export const clientCertificateSchema = z.object({
  cert: fileSourceSchema.optional(),
  key: fileSourceSchema.optional(),
  pfx: fileSourceSchema.optional(),
  passphrase: z.string().optional(),
  missingSecrets: missingCertificateSecretsSchema.optional(),
});

/** Per-request transport settings; anything unset falls back to the app settings. */
export const requestSettingsSchema = z.object({
  /** Overall deadline in ms; 0 or unset means "use the app setting". */
  timeoutMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
  followRedirects: z.boolean().optional(),
  maxRedirects: z.number().int().min(0).max(100).optional(),
  /** false turns certificate checks off for this request only. */
  verifyTls: z.boolean().optional(),
  httpVersion: z.enum(HTTP_VERSIONS).optional(),
  /** http(s)://[user:pass@]host:port; unset means the HTTP(S)_PROXY / NO_PROXY environment. */
  proxyUrl: z.string().max(4096).optional(),
  /** Host names (or .suffixes) that bypass the proxy, comma separated. */
  noProxy: z.string().max(4096).optional(),
  clientCert: clientCertificateSchema.optional(),
  /** Extra CA certificate (PEM) trusted for this request. */
  caCert: fileSourceSchema.optional(),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;
export type ClientCertificate = z.infer<typeof clientCertificateSchema>;

/** The parts listed as missing that have not been entered since: a passphrase typed, a key or bundle chosen again. */
export function unavailableCertificateSecrets(clientCert: ClientCertificate | undefined): ClientCertSecret[] {
  if (!clientCert?.missingSecrets) return [];
  const hasFile = (file: FileSource | undefined) => file?.kind === 'path' || (file?.kind === 'inline' && file.base64 !== '');
  return clientCert.missingSecrets.parts.filter((part) => (part === 'passphrase' ? !clientCert.passphrase : !hasFile(clientCert[part])));
}

/** A variable name as written in `{{name}}`: letters, digits, `_ . -`, starting with a letter or `_`. */
export const variableNameSchema = z.string().min(1).max(256).regex(VARIABLE_NAME, 'letters, digits, _ . - only, starting with a letter or _');

/** A request-scope variable: a plain value saved with the request (secrets belong in an environment or the globals). */
export const requestVariableSchema = z.object({
  name: variableNameSchema,
  value: z.string().max(1024 * 1024),
  enabled: z.boolean(),
});
export type RequestVariable = z.infer<typeof requestVariableSchema>;

export const httpRequestSpecSchema = z.object({
  method: z.string().min(1).max(64),
  /** The URL as sent, query string included: the params table is a view of it. */
  url: z.string().max(64 * 1024),
  /** Values for `:name` path segments in the URL. */
  pathParams: z.array(z.object({ name: z.string(), value: z.string() })).max(1_000).optional(),
  headers: z.array(headerEntrySchema).max(10_000),
  body: requestBodySchema,
  auth: authSpecSchema.optional(),
  settings: requestSettingsSchema.optional(),
  /** Request-scope variables: above folder, below runtime (shared/vars/variable-scopes.ts). */
  variables: z.array(requestVariableSchema).max(5_000).optional(),
  /** Overall deadline for this request; 0 means "use the app setting". Kept for older callers: prefer settings.timeoutMs. */
  timeoutMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
});
/** What the user composed, before the engine turns it into bytes on the wire. */
export type HttpRequestSpec = z.infer<typeof httpRequestSpecSchema>;

export function emptyRequest(): HttpRequestSpec {
  return { method: 'GET', url: '', headers: [], body: { mode: 'none', text: '' } };
}
