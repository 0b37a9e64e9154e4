/**
 * The origin the renderer is served from inside Electron (the `app://` protocol). A standard,
 * secure custom scheme gives the page a real origin, so CSP `'self'`, fetch and storage behave as
 * on the web, and no file:// URL ever reaches the window.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shuttle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on the app origin. Compares scheme and host rather than `URL.origin`,
 * because WHATWG URL reports the origin of a non-special scheme as "null".
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
