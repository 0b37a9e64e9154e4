import { createHash, randomBytes } from 'node:crypto';
import type { AuthChallenge } from './auth-challenge.ts';

/** Digest algorithms of RFC 7616, strongest first: the order in which a client picks among several challenges. */
const ALGORITHMS = {
  'SHA-512-256': 'sha512-256',
  'SHA-256': 'sha256',
  MD5: 'md5',
} as const;
type AlgorithmName = keyof typeof ALGORITHMS;

export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestTarget {
  method: string;
  /** The request-target as sent: path and query. */
  uri: string;
  /** The body for qop=auth-int: its bytes, none (undefined), or 'streamed' (from a file, so auth-int cannot be offered). */
  body?: Buffer | 'streamed';
}

/** Picks the strongest Digest challenge the client can answer, or undefined when there is none. */
export function chooseDigestChallenge(challenges: readonly AuthChallenge[], target: DigestTarget): AuthChallenge | undefined {
  let best: { challenge: AuthChallenge; rank: number } | undefined;
  for (const challenge of challenges) {
    if (challenge.scheme !== 'digest' || !challenge.params.nonce || challenge.params.realm === undefined) continue;
    const algorithm = parseAlgorithm(challenge.params.algorithm);
    if (!algorithm) continue;
    if (!chooseQop(challenge.params.qop, target)) continue;
    const rank = Object.keys(ALGORITHMS).indexOf(algorithm.name);
    if (!best || rank < best.rank) best = { challenge, rank };
  }
  return best?.challenge;
}

/**
 * The Authorization header answering a Digest challenge (RFC 7616 §3.4): MD5, SHA-256 and
 * SHA-512-256, their -sess variants, qop auth (and auth-int for an in-memory body), and the
 * legacy RFC 2069 form when the server offers no qop.
 */
export function digestAuthorization(
  challenge: AuthChallenge,
  credentials: DigestCredentials,
  target: DigestTarget,
  options: { cnonce?: string; nonceCount?: number } = {},
): string {
  const { params } = challenge;
  const algorithm = parseAlgorithm(params.algorithm)!;
  const hash = (text: string | Buffer) => createHash(ALGORITHMS[algorithm.name]).update(text).digest('hex');
  const realm = params.realm ?? '';
  const nonce = params.nonce ?? '';
  const cnonce = options.cnonce ?? randomBytes(16).toString('hex');
  const nc = (options.nonceCount ?? 1).toString(16).padStart(8, '0');
  const qop = chooseQop(params.qop, target);

  let ha1 = hash(`${credentials.username}:${realm}:${credentials.password}`);
  if (algorithm.session) ha1 = hash(`${ha1}:${nonce}:${cnonce}`);
  const entity = target.body === undefined || target.body === 'streamed' ? Buffer.alloc(0) : target.body;
  const ha2 = qop === 'auth-int' ? hash(`${target.method}:${target.uri}:${hash(entity)}`) : hash(`${target.method}:${target.uri}`);
  const response = qop ? hash(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : hash(`${ha1}:${nonce}:${ha2}`);

  const userhash = params.userhash?.toLowerCase() === 'true';
  const parts = [
    `username=${quote(userhash ? hash(`${credentials.username}:${realm}`) : credentials.username)}`,
    `realm=${quote(realm)}`,
    `nonce=${quote(nonce)}`,
    `uri=${quote(target.uri)}`,
    `algorithm=${params.algorithm ?? 'MD5'}`,
    `response=${quote(response)}`,
  ];
  if (params.opaque !== undefined) parts.push(`opaque=${quote(params.opaque)}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  if (userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

function parseAlgorithm(raw: string | undefined): { name: AlgorithmName; session: boolean } | undefined {
  const text = (raw ?? 'MD5').toUpperCase();
  const session = text.endsWith('-SESS');
  const name = session ? text.slice(0, -'-SESS'.length) : text;
  return Object.hasOwn(ALGORITHMS, name) ? { name: name as AlgorithmName, session } : undefined;
}

/** "auth" when offered, else "auth-int" unless the body is streamed; "" for a challenge without qop; undefined when unanswerable. */
function chooseQop(offered: string | undefined, target: DigestTarget): 'auth' | 'auth-int' | '' | undefined {
  if (offered === undefined) return '';
  const options = offered.split(',').map((option) => option.trim().toLowerCase());
  if (options.includes('auth')) return 'auth';
  if (options.includes('auth-int') && target.body !== 'streamed') return 'auth-int';
  return undefined;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
