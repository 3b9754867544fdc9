// The campaign's window is stored as instants with an offset ("2023-12-25T18:00:00+08:00") and
// edited as wall-clock time in the campaign's time zone ("2023-12-25T18:00"), whatever zone the
// computer is in. The zone arithmetic is the contract's (zoned-time.ts), shared with the main side.
import { instantOfWallTime, isoOffset, wallTime } from '../../../../src-main/contract/zoned-time';

/** "2023-12-25T18:00:00+08:00" → "2023-12-25T18:00" as read in `timeZone`. */
export function toWallTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return wallTime(iso, timeZone).slice(0, 16);
}

/** "2023-12-25T18:00" in `timeZone` → "2023-12-25T18:00:00+08:00"; null for an empty or bad value. */
export function fromWallTime(wall: string, timeZone: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(wall)) return null;
  return `${wall}:00${isoOffset(instantOfWallTime(Date.parse(`${wall}:00Z`), timeZone).offsetMinutes)}`;
}
