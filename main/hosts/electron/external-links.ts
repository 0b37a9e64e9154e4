import { shell } from 'electron';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The one place the app hands a URL to the operating system. Only http(s) links go out:
 * `file:`, `smb:`, custom handlers and the like could run programs or leak credentials.
 * Returns whether the link was opened.
 */
export function openExternalLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  shell.openExternal(parsed.href).catch((error: unknown) => {
    console.error(`[shuttle] could not open ${parsed.href}:`, error);
  });
  return true;
}
