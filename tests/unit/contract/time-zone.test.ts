// The time zone check (contract/basics.ts): canonical names are answered from Intl's list without
// building a DateTimeFormat (issue 18: that cost every `kepu` command ≈ 22 ms); aliases and
// other spellings are still decided by a DateTimeFormat, so the same names pass as before.
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, TimeZone } from '../../../src-main/contract/basics';

function byDateTimeFormat(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

describe('TimeZone', () => {
  it.each(['Asia/Shanghai', 'Asia/Urumqi', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'Etc/UTC', 'utc', 'GMT', 'Etc/GMT+8', 'asia/shanghai', 'Not/AZone', '', 'Asia/Shanghai ', '+08:00'])(
    'decides %j as a DateTimeFormat does',
    (tz) => {
      expect(isKnownTimeZone(tz)).toBe(byDateTimeFormat(tz));
      expect(TimeZone.safeParse(tz).success).toBe(byDateTimeFormat(tz));
    },
  );

  it('accepts every name Intl lists', () => {
    for (const tz of Intl.supportedValuesOf('timeZone')) expect(isKnownTimeZone(tz)).toBe(true);
  });
});
