import { createHash } from 'node:crypto';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import { isToken, isValidHeaderValue } from '../../../shared/http/tokens.ts';
import type { AuthSpec, RequestSettings } from '../../../shared/model/request.ts';
import type { RawHeader } from '../../../shared/model/response.ts';
import type { PreparedBody } from '../http/body/prepared-body.ts';
import type { PreparedRequest } from '../http/prepare-request.ts';
import type { HopRequest } from '../http/send-request.ts';
import { parseAuthChallenges, type AuthChallenge } from './auth-challenge.ts';
import { EMPTY_PAYLOAD_HASH, signAwsV4 } from './aws-sigv4.ts';
import { chooseDigestChallenge, digestAuthorization } from './digest-auth.ts';
import type { OAuth2Service } from './oauth2/oauth2-service.ts';

/** How one request's auth takes part in its exchanges (the first one, retries, same-origin redirects). */
export interface RequestAuth {
  /** Adds credentials to a hop bound for the request's own origin (never to another origin). */
  apply(hop: HopRequest): Promise<void> | void;
  /** After a 401: true when the hop should be sent once more with an answer to the server's challenge. */
  answerChallenge(hop: HopRequest, headers: readonly RawHeader[]): boolean;
  /** The headers this auth adds; a cross-origin hop goes without them and says so in the timeline. */
  readonly headerNames: readonly string[];
}

export interface RequestAuthDeps {
  oauth2: OAuth2Service;
  settings: RequestSettings | undefined;
  now(): number;
}

const NO_AUTH: RequestAuth = { apply() {}, answerChallenge: () => false, headerNames: [] };

/**
 * The auth chosen for a request, applied by the engine so the exact header sent is known (and
 * shown). The user's own header of the same name always wins: the headers table is the last word.
 * An API key "in query" is added to the URL here, once; "inherit" means none until collections exist.
 */
export function createRequestAuth(auth: AuthSpec | undefined, prepared: PreparedRequest, deps: RequestAuthDeps): RequestAuth {
  switch (auth?.type) {
    case undefined:
    case 'none':
    case 'inherit':
      // Credentials typed into the URL become Basic auth, as curl and browsers do.
      return prepared.urlCredentials ? basicAuth(prepared.urlCredentials.username, prepared.urlCredentials.password) : NO_AUTH;
    case 'basic':
      return basicAuth(auth.username, auth.password);
    case 'bearer': {
      const prefix = auth.prefix ?? 'Bearer';
      return staticHeader('Authorization', prefix === '' ? auth.token : `${prefix} ${auth.token}`);
    }
    case 'apikey': {
      if (auth.in === 'query') {
        if (auth.key !== '') appendQuery(prepared.url, auth.key, auth.value);
        return NO_AUTH;
      }
      const name = auth.key.trim();
      if (!isToken(name)) throw new ShuttleFailure('INVALID_HEADER', `API key header name "${name}" is not valid`, { header: name });
      return staticHeader(name, auth.value);
    }
    case 'digest':
      return digestAuth(auth.username, auth.password);
    case 'oauth2': {
      let authorization: Promise<string> | undefined;
      return {
        headerNames: ['Authorization'],
        async apply(hop) {
          if (hasHeader(hop.headers, 'authorization')) return;
          // One token per request, however many same-origin hops it takes.
          authorization ??= deps.oauth2.authorizationFor(auth, deps.settings);
          hop.headers.push(['Authorization', checkedValue('Authorization', await authorization)]);
        },
        answerChallenge: () => false,
      };
    }
    case 'awsv4':
      return {
        headerNames: ['Authorization', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Amz-Content-Sha256'],
        async apply(hop) {
          if (hasHeader(hop.headers, 'authorization')) return;
          const payloadHash = await hashPayload(hop.body);
          // Signed per hop: the signature covers the URL, and a redirect changes it.
          const { headers } = signAwsV4(auth, { method: hop.method, url: hop.url, headers: hop.headers, payloadHash, now: new Date(deps.now()) });
          for (const [name, value] of headers) hop.headers.push([name, checkedValue(name, value)]);
        },
        answerChallenge: () => false,
      };
  }
}

function basicAuth(username: string, password: string): RequestAuth {
  // UTF-8, as RFC 7617's charset="UTF-8" and every current client encode it.
  return staticHeader('Authorization', `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`);
}

function staticHeader(name: string, value: string): RequestAuth {
  const checked = checkedValue(name, value);
  return {
    headerNames: [name],
    apply(hop) {
      if (!hasHeader(hop.headers, name.toLowerCase())) hop.headers.push([name, checked]);
    },
    answerChallenge: () => false,
  };
}

/** RFC 7616 Digest: nothing is sent until the server's 401 says how; then one retry, and preemptively after. */
function digestAuth(username: string, password: string): RequestAuth {
  let challenge: AuthChallenge | undefined;
  let nonceCount = 0;
  return {
    headerNames: ['Authorization'],
    apply(hop) {
      if (!challenge || hasHeader(hop.headers, 'authorization')) return;
      nonceCount += 1;
      const target = { method: hop.method, uri: hop.url.pathname + hop.url.search, body: digestBody(hop.body) };
      hop.headers.push(['Authorization', checkedValue('Authorization', digestAuthorization(challenge, { username, password }, target, { nonceCount }))]);
    },
    answerChallenge(hop, headers) {
      const offered = parseAuthChallenges(headers.filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, value]) => value));
      const target = { method: hop.method, uri: hop.url.pathname + hop.url.search, body: digestBody(hop.body) };
      const chosen = chooseDigestChallenge(offered, target);
      if (!chosen) return false;
      challenge = chosen;
      nonceCount = 0;
      return true;
    },
  };
}

function digestBody(body: PreparedBody | undefined): Buffer | 'streamed' | undefined {
  if (!body) return undefined;
  return Buffer.isBuffer(body.content) ? body.content : 'streamed';
}

// The same body object is signed on every hop and retry; a streamed file is read once for its hash.
const payloadHashes = new WeakMap<PreparedBody, Promise<string>>();

function hashPayload(body: PreparedBody | undefined): Promise<string> {
  if (!body) return Promise.resolve(EMPTY_PAYLOAD_HASH);
  let hash = payloadHashes.get(body);
  if (!hash) {
    hash = (async () => {
      const digest = createHash('sha256');
      if (Buffer.isBuffer(body.content)) digest.update(body.content);
      else for await (const chunk of body.content()) digest.update(chunk);
      return digest.digest('hex');
    })();
    payloadHashes.set(body, hash);
  }
  return hash;
}

function appendQuery(url: URL, name: string, value: string): void {
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  // Appended as text: rewriting through searchParams would re-encode the user's existing query.
  url.search = url.search.length > 1 ? `${url.search}&${pair}` : pair;
}

function hasHeader(headers: readonly RawHeader[], lowerName: string): boolean {
  return headers.some(([name]) => name.toLowerCase() === lowerName);
}

function checkedValue(name: string, value: string): string {
  if (!isValidHeaderValue(value)) {
    throw new ShuttleFailure('INVALID_HEADER', `The ${name} header built from the auth settings contains a control character`, { header: name });
  }
  return value;
}
