// The one time-zone arithmetic, for the main side (imports, reports, backups, certificates) and
// the renderer (dates on screen, the campaign window editor). Instants are stored as UTC ISO
// strings; people read and write them as wall-clock time in the campaign's zone (the seeds use
// Beijing time, UTC+8), whatever zone the computer is in. Zod-free and pure (Intl only), so both
// sides import it.

// Building an Intl.DateTimeFormat costs far more than using one; an import converts a time per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at `utcMs`, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** An instant as wall-clock time in `timeZone`: "2023-12-25T18:00:00". */
export function wallTime(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60000).toISOString().slice(0, 19);
}

/**
 * The instant a wall-clock time in `timeZone` names; `wallMs` is that wall time read as if it were
 * UTC (Date.UTC of its fields). Two passes settle the offset even across a DST change.
 */
export function instantOfWallTime(wallMs: number, timeZone: string): { utcMs: number; offsetMinutes: number } {
  let offsetMinutes = zoneOffsetMinutes(timeZone, wallMs);
  offsetMinutes = zoneOffsetMinutes(timeZone, wallMs - offsetMinutes * 60000);
  return { utcMs: wallMs - offsetMinutes * 60000, offsetMinutes };
}

/** "+08:00", "-03:30": an offset as ISO 8601 writes it. */
export function isoOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "UTC+8", "UTC+5:30": the offset at `utcMs` as people read it on screen — Intl's short offset
 * with GMT written UTC (zero is "UTC+0" or "UTC" depending on the ICU version; as it always was).
 */
export function offsetLabel(timeZone: string, utcMs: number): string {
  let formatter = labelFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    labelFormatters.set(timeZone, formatter);
  }
  const part = formatter.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value;
  return (part ?? 'GMT').replace('GMT', 'UTC') || 'UTC';
}

/** "2023-12-25 18:00 UTC+08:00": an instant as wall-clock time in `timeZone`, for reports. */
export function formatInZone(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const wall = wallTime(ms, timeZone);
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)} UTC${isoOffset(zoneOffsetMinutes(timeZone, ms))}`;
}

/** The calendar date of an instant in `timeZone`, YYYY-MM-DD. */
export function dateInZone(instant: Date, timeZone: string): string {
  return wallTime(instant.getTime(), timeZone).slice(0, 10);
}
