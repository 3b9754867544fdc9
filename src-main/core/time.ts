// Instants are stored as UTC ISO strings. Organisers write them in their own zone (the seeds use
// Beijing time, UTC+8), so registrations' local times are converted with the campaign's zone.

export function toUtcIso(instant: string | Date): string {
  return new Date(instant).toISOString();
}

export function nowIso(): string {
  return new Date().toISOString();
}

// Building an Intl.DateTimeFormat costs far more than using one; an import parses a time per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at `utcMs`, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
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
  // Two passes settle the offset even across a DST change in zones that have one.
  let utc = wall - zoneOffsetMinutes(timeZone, wall) * 60000;
  utc = wall - zoneOffsetMinutes(timeZone, utc) * 60000;
  return new Date(utc).toISOString();
}

/** "2023-12-25 18:00 UTC+08:00": an instant as wall-clock time in `timeZone`, for reports. */
export function formatInZone(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const offset = zoneOffsetMinutes(timeZone, ms);
  const wall = new Date(ms + offset * 60000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)} UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
