/** A cookie in the jar, as the cookie manager shows and edits it. */
export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Epoch ms; null for a session cookie. */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: 'strict' | 'lax' | 'none';
  /** True when the cookie is sent to exactly `domain` and not its subdomains. */
  hostOnly: boolean;
}
