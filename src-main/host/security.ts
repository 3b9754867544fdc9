// Who may talk to the browser shell: only pages it served itself on loopback. The Host check
// stops DNS-rebinding pages; the Origin check stops other local sites; the per-run token stops
// anything that has not been given the URL.
import { timingSafeEqual } from 'node:crypto';
import { contentSecurityPolicy } from '../app/content-security-policy';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).has(hostHeader.toLowerCase());
}

/** A request without Origin (same-origin GET, curl) is fine; a foreign Origin is not. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((h) => origin.toLowerCase() === `http://${h}`);
}

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Same policy as the meta tag in index.html: nothing remote, no inline script. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
