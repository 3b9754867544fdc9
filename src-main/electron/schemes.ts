// The two custom schemes of the desktop app, registered once (Electron allows one call, before
// 'ready'):
// - kepu-app://app/… serves the built renderer. A page from file:// has the opaque origin "null",
//   shares it with every other local file, and gets file-system-wide fetch rights; a standard,
//   secure scheme of our own gives the page a real origin that CSP 'self', the IPC sender check,
//   the permission handlers and the media protocol's CORS answer can name exactly.
// - kepu-media://asset/<id> streams entrants' media with byte ranges (media-protocol.ts).
import { protocol } from 'electron';
import { MEDIA_SCHEME } from '../contract';

export const APP_SCHEME = 'kepu-app';
export const APP_HOST = 'app';
/** The renderer's origin, as Chromium spells it in Origin headers and permission checks. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Must run before app 'ready', and only once. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin and relative URLs; secure: a secure context (like https);
    // supportFetchAPI: the renderer fetches its own assets. No CORS, no service workers.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    // stream: <video> reads ranges as it plays; corsEnabled: the page (another origin) may fetch()
    // documents from it, answered for APP_ORIGIN only (see media-protocol.ts).
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/**
 * True for a URL of our own renderer. Node's URL parser gives non-special schemes the origin "null",
 * so scheme and host are compared instead. The page is never a file:// URL, so Windows' drive-letter
 * spellings (Node's "file:///c:/…" against Chromium's "file:///C:/…") cannot make the IPC sender
 * check refuse our own page; the host is compared case-insensitively, because Chromium lowercases a
 * standard scheme's host and Node keeps a non-special one as written.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}
