import { describe, expect, it } from 'vitest';
import { localToUtcIso, zoneOffsetMinutes } from '../../../src-main/core/time';

describe('local times in a campaign time zone', () => {
  it('reads Beijing wall-clock time as UTC+8', () => {
    expect(localToUtcIso('2023-12-25 18:00', 'Asia/Shanghai')).toBe('2023-12-25T10:00:00.000Z');
    expect(localToUtcIso('2023-12-25T18:05:30', 'Asia/Shanghai')).toBe('2023-12-25T10:05:30.000Z');
    expect(localToUtcIso('2021-10-18', 'Asia/Shanghai')).toBe('2021-10-17T16:00:00.000Z');
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(localToUtcIso('2023-07-01 12:00', 'America/New_York')).toBe('2023-07-01T16:00:00.000Z');
    expect(localToUtcIso('2023-12-01 12:00', 'America/New_York')).toBe('2023-12-01T17:00:00.000Z');
  });

  it('rejects text that is not a real date or time', () => {
    expect(localToUtcIso('2023-02-30 10:00', 'Asia/Shanghai')).toBeNull();
    expect(localToUtcIso('2023-12-25 24:30', 'Asia/Shanghai')).toBeNull();
    expect(localToUtcIso('25/12/2023', 'Asia/Shanghai')).toBeNull();
    expect(localToUtcIso('', 'Asia/Shanghai')).toBeNull();
  });

  it('reports the zone offset in minutes', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.UTC(2023, 11, 25))).toBe(480);
    expect(zoneOffsetMinutes('UTC', Date.UTC(2023, 11, 25))).toBe(0);
  });
});
