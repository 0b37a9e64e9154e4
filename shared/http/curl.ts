import type { AuthSpec, ClientCertificate, HttpRequestSpec, KeyValueEntry, MultipartPart, RawBodyMode, RequestSettings } from '../model/request.ts';
import { substitutePathParams } from './path-params.ts';

export class CurlParseError extends Error {
  override name = 'CurlParseError';
}

/**
 * Parses a cURL command line (as copied from browser dev tools, docs or another client) into a
 * request. Understands POSIX shell quoting, line continuations and the options people paste:
 * -X, -H, -d/--data*, --json, -F, -u, -A, -e, -b, -G, -I, -k, -L, --url, --compressed; --digest,
 * --oauth2-bearer and --aws-sigv4 for auth; -m, -x/-U/--noproxy, --max-redirs, --http1.1/--http2,
 * --cacert, -E/--cert, --key, --pass and --cert-type for the request's settings.
 */
export function parseCurl(command: string): HttpRequestSpec {
  const words = shellWords(command);
  if (words[0] !== 'curl') throw new CurlParseError('A cURL command starts with "curl"');
  let method: string | undefined;
  let url: string | undefined;
  const headers: KeyValueEntry[] = [];
  const data: string[] = [];
  const urlencoded: string[] = [];
  const parts: MultipartPart[] = [];
  let auth: AuthSpec | undefined;
  let jsonBody = false;
  let getWithData = false;
  let headOnly = false;
  let digest = false;
  let bearer: string | undefined;
  let awsSigv4: string | undefined;
  const settings: RequestSettings = {};
  const clientCert: ClientCertificate = {};
  let certFile: string | undefined;
  let certType: string | undefined;
  let proxyUser: string | undefined;

  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const [flag, inlineValue] = splitLongOption(word);
    const value = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = words[i + 1];
      if (next === undefined) throw new CurlParseError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    const short = /^-([A-Za-z])(.+)$/.exec(word); // -XPOST, -HAccept:x
    if (short && SHORT_WITH_VALUE.has(short[1]!)) {
      words.splice(i, 1, `-${short[1]}`, short[2]!);
      i -= 1;
      continue;
    }
    switch (flag) {
      case '-X':
      case '--request':
        method = value().toUpperCase();
        break;
      case '-H':
      case '--header': {
        const header = value();
        const colon = header.indexOf(':');
        if (colon === -1) break; // `-H 'Name;'` (empty header) is curl-specific; nothing to send.
        headers.push({ name: header.slice(0, colon).trim(), value: header.slice(colon + 1).trim(), enabled: true });
        break;
      }
      case '-d':
      case '--data':
      case '--data-ascii':
      case '--data-binary':
      case '--data-raw':
        data.push(value());
        break;
      case '--data-urlencode':
        urlencoded.push(encodeDataUrlencode(value()));
        break;
      case '--json':
        data.push(value());
        jsonBody = true;
        break;
      case '-F':
      case '--form':
      case '--form-string':
        parts.push(formPart(value(), flag === '--form-string'));
        break;
      case '-u':
      case '--user': {
        const credentials = value();
        const colon = credentials.indexOf(':');
        auth = { type: 'basic', username: colon === -1 ? credentials : credentials.slice(0, colon), password: colon === -1 ? '' : credentials.slice(colon + 1) };
        break;
      }
      case '-A':
      case '--user-agent':
        headers.push({ name: 'User-Agent', value: value(), enabled: true });
        break;
      case '-e':
      case '--referer':
        headers.push({ name: 'Referer', value: value(), enabled: true });
        break;
      case '-b':
      case '--cookie':
        headers.push({ name: 'Cookie', value: value(), enabled: true });
        break;
      case '--url':
        url = value();
        break;
      case '-G':
      case '--get':
        getWithData = true;
        break;
      case '-I':
      case '--head':
        headOnly = true;
        break;
      case '-k':
      case '--insecure':
        settings.verifyTls = false;
        break;
      case '-L':
      case '--location':
        settings.followRedirects = true;
        break;
      case '--digest':
        digest = true;
        break;
      case '--oauth2-bearer':
        bearer = value();
        break;
      case '--aws-sigv4':
        awsSigv4 = value();
        break;
      case '-m':
      case '--max-time': {
        const seconds = Number(value());
        if (Number.isFinite(seconds) && seconds > 0) settings.timeoutMs = Math.min(Math.round(seconds * 1000), MAX_TIMEOUT_MS);
        break;
      }
      case '--max-redirs': {
        const count = Number(value());
        // curl's -1 means "no limit": the most the request settings allow.
        if (Number.isInteger(count)) settings.maxRedirects = count < 0 ? MAX_REDIRECTS : Math.min(count, MAX_REDIRECTS);
        break;
      }
      case '-x':
      case '--proxy': {
        const proxy = value();
        // curl reads a proxy without a scheme as http://.
        settings.proxyUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
        break;
      }
      case '-U':
      case '--proxy-user':
        proxyUser = value();
        break;
      case '--noproxy':
        settings.noProxy = value();
        break;
      case '--http1.0':
      case '--http1.1':
        settings.httpVersion = 'http1';
        break;
      case '--http2':
      case '--http2-prior-knowledge':
        settings.httpVersion = 'http2';
        break;
      case '--cacert':
        settings.caCert = { kind: 'path', path: value() };
        break;
      case '-E':
      case '--cert': {
        const [file, passphrase] = certificateAndPassword(value());
        certFile = file;
        if (passphrase !== undefined) clientCert.passphrase = passphrase;
        break;
      }
      case '--key':
        clientCert.key = { kind: 'path', path: value() };
        break;
      case '--pass':
        clientCert.passphrase = value();
        break;
      case '--cert-type':
        certType = value().toUpperCase();
        break;
      default:
        if (!word.startsWith('-')) {
          if (url === undefined) url = word;
        } else if (OPTIONS_WITH_VALUE.has(flag) && inlineValue === undefined) {
          i += 1; // an option we do not model (e.g. --max-time 5): skip its value too
        }
    }
  }
  if (!url) throw new CurlParseError('The command has no URL');

  const spec: HttpRequestSpec = { method: 'GET', url, headers, body: { mode: 'none', text: '' } };
  const bodyText = [...data, ...urlencoded].join('&');
  if (getWithData && bodyText !== '') {
    spec.url += (url.includes('?') ? '&' : '?') + bodyText;
  } else if (parts.length > 0) {
    spec.method = 'POST';
    spec.body = { mode: 'multipart', text: '', multipart: parts };
  } else if (data.length > 0 || urlencoded.length > 0) {
    spec.method = 'POST';
    const contentType = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
    if (jsonBody) {
      if (!headers.some((header) => header.name.toLowerCase() === 'content-type')) headers.push({ name: 'Content-Type', value: 'application/json', enabled: true });
      if (!headers.some((header) => header.name.toLowerCase() === 'accept')) headers.push({ name: 'Accept', value: 'application/json', enabled: true });
    }
    // curl sends -d data as application/x-www-form-urlencoded unless told otherwise; keep the bytes as typed.
    if (contentType === '' && !jsonBody) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true });
    spec.body = { mode: rawModeFor(jsonBody ? 'application/json' : contentType || 'text/plain'), text: bodyText };
  }
  if (headOnly) spec.method = 'HEAD';
  if (method) spec.method = method;
  if (awsSigv4 !== undefined) {
    // "aws:amz:REGION:SERVICE", with the key pair as -u KEY:SECRET and a session token as a header.
    const [, , region = '', service = ''] = awsSigv4.split(':');
    const tokenAt = headers.findIndex((header) => header.name.toLowerCase() === 'x-amz-security-token');
    const sessionToken = tokenAt === -1 ? undefined : headers.splice(tokenAt, 1)[0]!.value;
    const keys = auth?.type === 'basic' ? auth : { username: '', password: '' };
    spec.auth = { type: 'awsv4', accessKeyId: keys.username, secretAccessKey: keys.password, region, service, ...(sessionToken ? { sessionToken } : {}) };
  } else if (digest && auth?.type === 'basic') {
    spec.auth = { type: 'digest', username: auth.username, password: auth.password };
  } else if (auth) {
    spec.auth = auth;
  } else if (bearer !== undefined) {
    spec.auth = { type: 'bearer', token: bearer };
  }
  if (certFile !== undefined) {
    if (certType === 'P12' || /\.(p12|pfx)$/i.test(certFile)) clientCert.pfx = { kind: 'path', path: certFile };
    else clientCert.cert = { kind: 'path', path: certFile };
  }
  if (Object.keys(clientCert).length > 0) settings.clientCert = clientCert;
  if (settings.proxyUrl && proxyUser !== undefined) settings.proxyUrl = withProxyUser(settings.proxyUrl, proxyUser);
  if (Object.keys(settings).length > 0) spec.settings = settings;
  return spec;
}

/**
 * The request as a cURL command that sends the same bytes (for docs, bug reports and terminals).
 * Give it the request as it is sent (variables resolved, inherited auth applied, an OAuth 2.0 token
 * as its header): what curl cannot be told (OAuth 2.0 without a token, a certificate picked in the
 * browser rather than by path) is left out.
 */
export function toCurl(spec: HttpRequestSpec): string {
  const lines = [`curl ${quote(urlAsSent(spec))}`];
  const hasBody = spec.body.mode !== 'none';
  if (spec.method !== 'GET' || (hasBody && spec.method === 'GET')) lines.push(`-X ${spec.method}`);
  for (const header of spec.headers) if (header.enabled && header.name.trim() !== '') lines.push(`-H ${quote(`${header.name}: ${header.value}`)}`);
  const auth = spec.auth;
  if (auth?.type === 'basic') lines.push(`-u ${quote(`${auth.username}:${auth.password}`)}`);
  if (auth?.type === 'bearer') lines.push(`-H ${quote(`Authorization: ${auth.prefix ?? 'Bearer'} ${auth.token}`)}`);
  if (auth?.type === 'apikey' && auth.in === 'header') lines.push(`-H ${quote(`${auth.key}: ${auth.value}`)}`);
  if (auth?.type === 'digest') lines.push(`--digest -u ${quote(`${auth.username}:${auth.password}`)}`);
  if (auth?.type === 'awsv4') {
    lines.push(`--aws-sigv4 ${quote(`aws:amz:${auth.region}:${auth.service}`)} -u ${quote(`${auth.accessKeyId}:${auth.secretAccessKey}`)}`);
    if (auth.sessionToken) lines.push(`-H ${quote(`x-amz-security-token: ${auth.sessionToken}`)}`);
  }
  const body = spec.body;
  switch (body.mode) {
    case 'none':
      break;
    case 'form-urlencoded':
      for (const field of body.form ?? []) if (field.enabled) lines.push(`--data-urlencode ${quote(`${field.name}=${field.value}`)}`);
      break;
    case 'multipart':
      for (const part of body.multipart ?? []) {
        if (!part.enabled) continue;
        const type = part.contentType ? `;type=${part.contentType}` : '';
        const file = part.file?.kind === 'path' ? part.file.path : part.file?.fileName;
        lines.push(part.kind === 'file' ? `-F ${quote(`${part.name}=@${file ?? ''}${type}`)}` : `-F ${quote(`${part.name}=${part.value}${type}`)}`);
      }
      break;
    case 'binary':
      lines.push(`--data-binary ${quote(`@${body.binary?.kind === 'path' ? body.binary.path : (body.binary?.fileName ?? '')}`)}`);
      break;
    case 'graphql': {
      const graphql = body.graphql ?? { query: '', variables: '' };
      let variables: unknown = undefined;
      try {
        variables = graphql.variables.trim() ? JSON.parse(graphql.variables) : undefined;
      } catch {
        variables = graphql.variables;
      }
      lines.push(`--data-raw ${quote(JSON.stringify({ query: graphql.query, variables, operationName: graphql.operationName || undefined }))}`);
      break;
    }
    default:
      lines.push(`--data-raw ${quote(body.text)}`);
  }
  lines.push(...settingsAsOptions(spec.settings ?? {}));
  return lines.join(' \\\n  ');
}

function settingsAsOptions(settings: RequestSettings): string[] {
  const options: string[] = [];
  if (settings.verifyTls === false) options.push('--insecure');
  if (settings.followRedirects !== false) {
    options.push('--location');
    if (settings.maxRedirects !== undefined) options.push(`--max-redirs ${settings.maxRedirects}`);
  }
  if (settings.timeoutMs) options.push(`--max-time ${settings.timeoutMs / 1000}`);
  if (settings.httpVersion === 'http1') options.push('--http1.1');
  if (settings.httpVersion === 'http2') options.push('--http2');
  if (settings.proxyUrl) options.push(`--proxy ${quote(settings.proxyUrl)}`);
  if (settings.noProxy) options.push(`--noproxy ${quote(settings.noProxy)}`);
  if (settings.caCert?.kind === 'path') options.push(`--cacert ${quote(settings.caCert.path)}`);
  const certificate = settings.clientCert;
  if (certificate?.pfx?.kind === 'path') options.push(`--cert ${quote(certificate.pfx.path)} --cert-type P12`);
  else if (certificate?.cert?.kind === 'path') options.push(`--cert ${quote(certificate.cert.path)}`);
  if (certificate?.key?.kind === 'path') options.push(`--key ${quote(certificate.key.path)}`);
  if (certificate?.passphrase) options.push(`--pass ${quote(certificate.passphrase)}`);
  return options;
}

/** The URL the engine sends: path parameters filled in and an API key for the query added, as the engine does. */
function urlAsSent(spec: HttpRequestSpec): string {
  const apiKey = spec.auth?.type === 'apikey' && spec.auth.in === 'query' && spec.auth.key !== '' ? spec.auth : undefined;
  if (!spec.pathParams?.length && !apiKey) return spec.url;
  // Taken apart as text (shared/ has no URL class); each part is left as typed except what changes.
  const [, origin = '', path = '', query = '', fragment = ''] = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(spec.url) ?? [];
  const filledPath = spec.pathParams?.length ? substitutePathParams(path, spec.pathParams) : path;
  const pair = apiKey ? `${encodeURIComponent(apiKey.key)}=${encodeURIComponent(apiKey.value)}` : '';
  const filledQuery = pair === '' ? query : query.length > 1 ? `${query}&${pair}` : `?${pair}`;
  return `${origin}${filledPath}${filledQuery}${fragment}`;
}

/** `-E file:password`; a Windows drive letter's colon is part of the file. */
function certificateAndPassword(text: string): [string, string | undefined] {
  const colon = text.indexOf(':', /^[A-Za-z]:[\\/]/.test(text) ? 2 : 0);
  return colon === -1 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

function withProxyUser(proxyUrl: string, user: string): string {
  const colon = user.indexOf(':');
  const credentials = colon === -1 ? encodeURIComponent(user) : `${encodeURIComponent(user.slice(0, colon))}:${encodeURIComponent(user.slice(colon + 1))}`;
  return proxyUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)/i, `$1${credentials}@`);
}

const SHORT_WITH_VALUE = new Set(['X', 'H', 'd', 'F', 'u', 'A', 'e', 'b', 'm', 'x', 'U', 'E']);
/** The request settings' own limits (shared/model/request.ts). */
const MAX_TIMEOUT_MS = 24 * 3600 * 1000;
const MAX_REDIRECTS = 100;
// Options whose value must be skipped even though the request does not use them.
const OPTIONS_WITH_VALUE = new Set([
  '-o', '--output', '--connect-timeout', '-w', '--write-out', '--retry', '-c', '--cookie-jar', '-r', '--range', '--resolve',
  '--limit-rate', '-T', '--upload-file', '--capath', '--proxy-cacert', '--key-type', '--ciphers', '--interface', '--local-port',
]);

function splitLongOption(word: string): [string, string | undefined] {
  if (!word.startsWith('--')) return [word, undefined];
  const equals = word.indexOf('=');
  return equals === -1 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}

function rawModeFor(contentType: string): RawBodyMode {
  if (contentType.includes('json')) return 'json';
  if (contentType.includes('xml')) return 'xml';
  if (contentType.includes('html')) return 'html';
  if (contentType.includes('javascript')) return 'javascript';
  return 'text';
}

/** `--data-urlencode name=value` encodes only the value; a bare `value` is encoded whole. */
function encodeDataUrlencode(text: string): string {
  const equals = text.indexOf('=');
  if (equals === -1) return encodeURIComponent(text);
  return `${text.slice(0, equals)}=${encodeURIComponent(text.slice(equals + 1))}`;
}

function formPart(text: string, literal: boolean): MultipartPart {
  const equals = text.indexOf('=');
  const name = equals === -1 ? text : text.slice(0, equals);
  let value = equals === -1 ? '' : text.slice(equals + 1);
  let contentType: string | undefined;
  const typeAt = literal ? -1 : value.lastIndexOf(';type=');
  if (typeAt !== -1) {
    contentType = value.slice(typeAt + ';type='.length);
    value = value.slice(0, typeAt);
  }
  if (!literal && value.startsWith('@')) {
    return { name, enabled: true, kind: 'file', value: '', file: { kind: 'path', path: value.slice(1) }, ...(contentType ? { contentType } : {}) };
  }
  return { name, enabled: true, kind: 'text', value, ...(contentType ? { contentType } : {}) };
}

/** POSIX shell word splitting: '…', "…" with \-escapes, $'…' with C escapes, \<newline> continuations. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  const text = command.replace(/\^\r?\n/g, ' '); // Windows cmd continuations (copied from some tools)
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (char === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
      i += 3;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i += 1;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) throw new CurlParseError('A single quote is not closed');
      current += text.slice(i + 1, end);
      i = end + 1;
    } else if (char === '$' && text[i + 1] === "'") {
      i += 2;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < text.length) {
          current += cEscape(text[i + 1]!);
          i += 2;
        } else {
          current += text[i];
          i += 1;
        }
      }
      if (i >= text.length) throw new CurlParseError("A $'…' string is not closed");
      i += 1;
    } else if (char === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') current += text[i + 1];
          i += 2;
        } else {
          current += text[i];
          i += 1;
        }
      }
      if (i >= text.length) throw new CurlParseError('A double quote is not closed');
      i += 1;
    } else if (char === '\\' && i + 1 < text.length) {
      current += text[i + 1];
      i += 2;
    } else {
      current += char;
      i += 1;
    }
  }
  if (inWord) words.push(current);
  return words;
}

function cEscape(char: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  return map[char] ?? `\\${char}`;
}

/** Single-quotes a word for a POSIX shell. */
function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
