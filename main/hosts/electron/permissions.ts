import type { Session } from 'electron';
import { isAppUrl } from './app-origin.ts';

/** Writing text to the clipboard (the UI's Copy buttons); reading it stays refused. */
const APP_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/**
 * Shuttle needs no browser permission (camera, notifications, geolocation, HID…) beyond writing
 * to the clipboard from its own pages, so a session grants nothing else to anyone.
 */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(APP_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => APP_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
