// The one time-zone module (src-main/contract/zoned-time.ts), shared by the main side and the
// renderer, gives exactly what the code it replaced asked Intl for directly: the renderer's
// "UTC+8" label (Intl's shortOffset), its wall-clock fields, the certificates' calendar date, and
// the window editor's wall time round trip.
import { describe, expect, it } from 'vitest';
import { dateInZone, formatInZone, isoOffset, offsetLabel, wallTime, zoneOffsetMinutes } from '../../../src-main/contract/zoned-time';
import { formatInstant, utcOffsetLabel } from '../../../src-renderer/src/format';
import { fromWallTime, toWallTime } from '../../../src-renderer/src/components/setup/zoned-time';

const zones = ['Asia/Shanghai', 'UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const instants = ['2023-12-25T10:00:00.000Z', '2024-03-10T06:59:59.500Z', '2024-03-10T07:00:00.000Z', '2024-07-01T23:30:00.000Z', '2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z', '2026-12-31T16:00:00.000Z'];

function intlParts(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
function intlShortOffset(iso: string, timeZone: string) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value;
  return (part ?? 'GMT').replace('GMT', 'UTC') || 'UTC';
}
function intlDate(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

describe('zoned time', () => {
  it.each(zones)('matches Intl in %s: wall clock, short offset label, calendar date', (zone) => {
    for (const iso of instants) {
      expect(formatInstant(iso, zone, false), `${zone} ${iso}`).toBe(intlParts(iso, zone));
      expect(utcOffsetLabel(iso, zone), `${zone} ${iso}`).toBe(intlShortOffset(iso, zone));
      expect(formatInstant(iso, zone), `${zone} ${iso}`).toBe(`${intlParts(iso, zone)} (${intlShortOffset(iso, zone)})`);
      expect(dateInZone(new Date(iso), zone), `${zone} ${iso}`).toBe(intlDate(iso, zone));
      expect(wallTime(iso, zone).replace('T', ' ').slice(0, 16)).toBe(intlParts(iso, zone));
    }
  });

  it('writes offsets and report times exactly', () => {
    expect([isoOffset(480), isoOffset(-210), isoOffset(0), isoOffset(345)]).toEqual(['+08:00', '-03:30', '+00:00', '+05:45']);
    const at = Date.parse('2024-01-15T00:00:00Z');
    expect([offsetLabel('Asia/Shanghai', at), offsetLabel('America/St_Johns', at), offsetLabel('Asia/Kathmandu', at)]).toEqual(['UTC+8', 'UTC-3:30', 'UTC+5:45']);
    expect(formatInZone('2023-12-25T10:00:00Z', 'Asia/Shanghai')).toBe('2023-12-25 18:00 UTC+08:00');
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2024-07-01T12:00:00Z'))).toBe(-240);
  });

  it('round-trips the window editor wall time, across a DST change too', () => {
    expect(toWallTime('2023-12-25T18:00:00+08:00', 'Asia/Shanghai')).toBe('2023-12-25T18:00');
    expect(fromWallTime('2023-12-25T18:00', 'Asia/Shanghai')).toBe('2023-12-25T18:00:00+08:00');
    expect(fromWallTime('2024-07-01T09:30', 'America/New_York')).toBe('2024-07-01T09:30:00-04:00');
    expect(fromWallTime('2024-01-01T09:30', 'America/New_York')).toBe('2024-01-01T09:30:00-05:00');
    expect(fromWallTime('2024-07-01 09:30', 'Asia/Shanghai')).toBeNull();
    expect(toWallTime(null, 'Asia/Shanghai')).toBe('');
  });
});
