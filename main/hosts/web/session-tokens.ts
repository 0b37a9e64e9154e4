import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The web host's tokens. The launch token travels in the printed URL and can be exchanged once
 * for a session token; after that the URL (in shell history, a screenshot) grants nothing.
 */
export class SessionTokens {
  #launchToken: string | undefined = newToken();
  readonly #sessions = new Set<string>();

  get launchToken(): string | undefined {
    return this.#launchToken;
  }

  /** Trades the launch token for a session token, once. */
  exchange(candidate: string): string | undefined {
    if (!this.#launchToken || !sameToken(candidate, this.#launchToken)) return undefined;
    this.#launchToken = undefined;
    const session = newToken();
    this.#sessions.add(session);
    return session;
  }

  isSession(candidate: string | undefined | null): boolean {
    if (!candidate) return false;
    for (const session of this.#sessions) if (sameToken(candidate, session)) return true;
    return false;
  }
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
