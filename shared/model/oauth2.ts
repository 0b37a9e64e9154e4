/** An OAuth 2.0 access token as the engine holds it (in memory only), for the auth panel to show. */
export interface OAuth2TokenInfo {
  accessToken: string;
  /** As the token endpoint named it, e.g. "Bearer". */
  tokenType: string;
  /** Epoch ms when the token stops working; null when the server gave no lifetime. */
  expiresAt: number | null;
  /** The scope the server granted, when it said. */
  scope?: string;
  /** True when the engine can renew the token by itself when it expires. */
  hasRefreshToken: boolean;
  /** Epoch ms when the token was obtained or last refreshed. */
  obtainedAt: number;
}

/** What `oauth2.authorize` returns: the host opens `authorizationUrl` in the system browser. */
export interface OAuth2AuthorizationStart {
  /** Tags the `oauth2.authorization` event that reports how the sign-in ended. */
  flowId: string;
  authorizationUrl: string;
  /** The loopback address the browser is sent back to (http://127.0.0.1:PORT/callback). */
  redirectUri: string;
}
