/** One challenge from a WWW-Authenticate header: `Digest realm="x", nonce="y"` → scheme and params. */
export interface AuthChallenge {
  /** Lower-case, e.g. "digest". */
  scheme: string;
  /** Parameter names lower-cased, quoted values unescaped. */
  params: Record<string, string>;
  /** A token68 credential (e.g. `Negotiate abc==`), when the challenge has one instead of params. */
  token68?: string;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

/**
 * Parses WWW-Authenticate values (RFC 9110 §11.6.1). One header may carry several challenges and
 * commas separate both challenges and their parameters, so a name followed by "=" continues the
 * current challenge while a bare name starts the next one. Garbage is skipped, never thrown on:
 * this is a server's text.
 */
export function parseAuthChallenges(values: readonly string[]): AuthChallenge[] {
  const text = values.join(', ');
  const challenges: AuthChallenge[] = [];
  let at = 0;

  const skipSpace = () => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  };
  const readToken = (): string => {
    const start = at;
    while (at < text.length && TOKEN_CHAR.test(text[at]!)) at++;
    return text.slice(start, at);
  };
  const readQuoted = (): string => {
    at++; // opening quote
    let value = '';
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\' && at + 1 < text.length) at++;
      value += text[at];
      at++;
    }
    at++; // closing quote (or end of text)
    return value;
  };
  /** True when a `name=` parameter (not a token68 ending in "=") starts at the current position. */
  const paramAhead = (): boolean => {
    const saved = at;
    const name = readToken();
    skipSpace();
    const isParam = name !== '' && text[at] === '=' && text[at + 1] !== '=';
    at = saved;
    return isParam;
  };

  while (at < text.length) {
    skipSpace();
    if (text[at] === ',') {
      at++;
      continue;
    }
    const scheme = readToken();
    if (scheme === '') {
      at++; // not a token: skip the character
      continue;
    }
    // No prototype: a server naming a parameter "__proto__" must not reach Object.prototype.
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(challenge);
    skipSpace();
    if (!paramAhead()) {
      const start = at;
      while (at < text.length && TOKEN68_CHAR.test(text[at]!)) at++;
      while (text[at] === '=') at++;
      if (at > start) challenge.token68 = text.slice(start, at);
      continue;
    }
    while (at < text.length) {
      skipSpace();
      const name = readToken().toLowerCase();
      skipSpace();
      if (text[at] !== '=') break;
      at++;
      skipSpace();
      const value = text[at] === '"' ? readQuoted() : readToken();
      if (!Object.hasOwn(challenge.params, name)) challenge.params[name] = value;
      skipSpace();
      if (text[at] !== ',') break;
      // A comma: more parameters of this challenge, or the next challenge.
      let next = at + 1;
      while (next < text.length && (text[next] === ' ' || text[next] === '\t' || text[next] === ',')) next++;
      const saved = at;
      at = next;
      if (!paramAhead()) {
        at = saved;
        break;
      }
    }
  }
  return challenges;
}
