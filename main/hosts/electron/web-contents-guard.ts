import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

/**
 * Locks down every webContents the app creates, windows and anything else alike:
 * - the page can only ever navigate (or be redirected) within the app origin;
 * - it can never open a window: `window.open` and target=_blank links are denied, and http(s)
 *   ones are handed to the system browser instead;
 * - it can never attach a <webview>.
 */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => unknown): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
