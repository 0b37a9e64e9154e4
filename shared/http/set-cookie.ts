/** One Set-Cookie header as the response pane shows it: name, value and each attribute as sent. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: { name: string; value: string | true }[];
}

/**
 * Splits a Set-Cookie header into its parts without judging them (RFC 6265 §5.2 parsing: the
 * first `name=value`, then `;`-separated attributes). Storing and sending is the cookie jar's job.
 */
export function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...rest] = header.split(';');
  const equals = pair.indexOf('=');
  const name = (equals === -1 ? '' : pair.slice(0, equals)).trim();
  const value = (equals === -1 ? pair : pair.slice(equals + 1)).trim();
  const attributes = rest
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at === -1 ? { name: part, value: true as const } : { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    });
  return { name, value, attributes };
}
