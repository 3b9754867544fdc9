// Instants are stored as UTC ISO strings. Organisers write them in their own zone (the seeds use
// Beijing time, UTC+8), so registrations' local times are converted with the campaign's zone. The
// zone arithmetic itself is shared with the renderer: contract/zoned-time.ts.
import { instantOfWallTime } from '../contract/zoned-time';

export { formatInZone, zoneOffsetMinutes } from '../contract/zoned-time';

export function toUtcIso(instant: string | Date): string {
  return new Date(instant).toISOString();
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * "2023-12-25 18:05" (or with seconds, or "T") read as wall-clock time in `timeZone` → UTC ISO.
 * Returns null for text that is not such a time.
 */
export function localToUtcIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23) return null;
  return new Date(instantOfWallTime(wall, timeZone).utcMs).toISOString();
}
