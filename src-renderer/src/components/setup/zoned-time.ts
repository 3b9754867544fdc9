// The campaign's window is stored as instants with an offset ("2023-12-25T18:00:00+08:00") and
// edited as wall-clock time in the campaign's time zone ("2023-12-25T18:00"), whatever zone the
// computer is in.

function offsetMinutes(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((wall - utcMs) / 60000);
}

/** "2023-12-25T18:00:00+08:00" → "2023-12-25T18:00" as read in `timeZone`. */
export function toWallTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return new Date(ms + offsetMinutes(timeZone, ms) * 60000).toISOString().slice(0, 16);
}

/** "2023-12-25T18:00" in `timeZone` → "2023-12-25T18:00:00+08:00"; null for an empty or bad value. */
export function fromWallTime(wall: string, timeZone: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(wall)) return null;
  const asUtc = Date.parse(`${wall}:00Z`);
  // The offset at that wall time: guess with the offset at the same UTC time, then correct once.
  let offset = offsetMinutes(timeZone, asUtc);
  offset = offsetMinutes(timeZone, asUtc - offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
