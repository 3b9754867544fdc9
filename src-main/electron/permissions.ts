// Web permissions in the desktop app: denied unless listed here, both when a page asks
// (setPermissionRequestHandler: camera, notifications, geolocation…) and when Chromium only checks
// (setPermissionCheckHandler: navigator.permissions, clipboard, HID/serial/USB device lists…).
// Without a check handler Electron answers checks with "granted". Only our own renderer gets the two
// it uses: full screen (gallery and video viewers) and writing plain text to the clipboard ("copy
// link"). Everything else, and anything asked from another origin (a PDF, an entrant's HTML), is no.
import type { Session } from 'electron';
import { APP_ORIGIN, isAppUrl } from './schemes';

const GRANTED_TO_APP = new Set<string>(['fullscreen', 'clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, origin: string): boolean {
  return GRANTED_TO_APP.has(permission) && (origin === APP_ORIGIN || isAppUrl(origin));
}

/** Installs both handlers on `session`; `allowApp` false denies everything (the PDF viewer window). */
export function lockPermissions(session: Session, allowApp = true): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const from = details.requestingUrl || webContents.getURL();
    callback(allowApp && isPermissionGranted(permission, from));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => allowApp && isPermissionGranted(permission, requestingOrigin));
  // Devices (HID, serial, USB) are never handed to a page.
  session.setDevicePermissionHandler(() => false);
}
