import { request, type Dispatcher } from 'undici';
import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import type { AuthSpec } from '../../../../shared/model/request.ts';
import { classifyError } from '../../http/classify-error.ts';
import { USER_AGENT } from '../../http/prepare-request.ts';
import type { CachedToken } from './token-cache.ts';

export type OAuth2Auth = Extract<AuthSpec, { type: 'oauth2' }>;

export interface TokenEndpointContext {
  /** The dispatcher for the token URL, under the request's TLS and proxy settings. */
  dispatcherFor(url: URL): Dispatcher | Promise<Dispatcher>;
  timeoutMs: number;
  now(): number;
}

/** A token response larger than this is not a token response. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One token request (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6): the grant's parameters as a form, the
 * client authenticated by HTTP Basic (the default the RFC requires servers to support) or in the
 * body. A public client (no secret) sends only its client_id.
 */
export async function requestToken(auth: OAuth2Auth, grant: Record<string, string>, context: TokenEndpointContext): Promise<CachedToken> {
  const url = parseEndpoint(auth.tokenUrl, 'token URL');
  const form = new URLSearchParams(grant);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    'user-agent': USER_AGENT,
  };
  const secret = auth.clientSecret ?? '';
  if (auth.clientAuth === 'body' || secret === '') {
    form.set('client_id', auth.clientId);
    if (secret !== '') form.set('client_secret', secret);
  } else {
    // RFC 6749 §2.3.1: both parts form-encoded before Base64.
    const pair = `${formEncode(auth.clientId)}:${formEncode(secret)}`;
    headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }

  let status: number;
  let contentType: string;
  let text: string;
  try {
    const response = await request(url, {
      method: 'POST',
      headers,
      body: form.toString(),
      dispatcher: await context.dispatcherFor(url),
      signal: AbortSignal.timeout(context.timeoutMs),
    });
    status = response.statusCode;
    contentType = String(response.headers['content-type'] ?? '');
    text = await readCapped(response.body);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new ShuttleFailure('TIMEOUT', `The token endpoint did not answer within ${context.timeoutMs} ms`, {
        host: url.hostname,
        timeoutMs: context.timeoutMs,
      });
    }
    throw classifyError(error, url);
  }

  const fields = parseTokenResponse(text, contentType);
  const accessToken = typeof fields.access_token === 'string' ? fields.access_token : '';
  if (status < 200 || status >= 300 || accessToken === '') {
    const code = typeof fields.error === 'string' ? fields.error : '';
    const description = typeof fields.error_description === 'string' ? fields.error_description : '';
    const reason = `the token endpoint answered ${status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}${
      status >= 200 && status < 300 && !code ? ' without an access_token' : ''
    }`;
    throw new ShuttleFailure('AUTH', `Token request failed: ${reason}`, { reason, status, tokenUrl: url.href, ...(code ? { error: code } : {}) });
  }

  const now = context.now();
  const lifetime = Number(fields.expires_in);
  return {
    accessToken,
    tokenType: typeof fields.token_type === 'string' && fields.token_type !== '' ? fields.token_type : 'Bearer',
    expiresAt: Number.isFinite(lifetime) && lifetime > 0 ? now + lifetime * 1000 : null,
    ...(typeof fields.scope === 'string' ? { scope: fields.scope } : {}),
    hasRefreshToken: typeof fields.refresh_token === 'string' && fields.refresh_token !== '',
    ...(typeof fields.refresh_token === 'string' && fields.refresh_token !== '' ? { refreshToken: fields.refresh_token } : {}),
    obtainedAt: now,
  };
}

/** An http(s) URL for an OAuth endpoint, or a VALIDATION error naming which one. */
export function parseEndpoint(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ShuttleFailure('VALIDATION', `The ${what} "${text}" is not a valid URL`, { what });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ShuttleFailure('VALIDATION', `The ${what} must be an http or https URL`, { what });
  }
  return url;
}

/** JSON as the RFC says; some servers (GitHub's classic endpoint) answer with a form instead. */
function parseTokenResponse(text: string, contentType: string): Record<string, unknown> {
  const asJson = () => {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  };
  try {
    return asJson();
  } catch {
    if (contentType.includes('json')) return {};
    return Object.fromEntries(new URLSearchParams(text));
  }
}

function formEncode(text: string): string {
  return new URLSearchParams({ x: text }).toString().slice(2);
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw new ShuttleFailure('AUTH', 'The token endpoint answered with more than 1 MB', { reason: 'the token response is larger than 1 MB' });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
