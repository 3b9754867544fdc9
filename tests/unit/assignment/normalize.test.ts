import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeName } from '../../../src-main/core/assignment/normalize';
import { fmix32, hashString, mulberry32 } from '../../../src-main/core/assignment/seeded';

describe('institution name normalisation', () => {
  it('makes spacing, Chinese and Western punctuation and full-width forms irrelevant', () => {
    const expected = '四川大学华西医院';
    for (const typed of ['四川大学华西医院', ' 四川大学 华西医院 ', '四川大学（华西医院）', '四川大学·华西医院。', '四川大学\u200b华西医院', '四川大学\u3000华西医院']) {
      expect(normalizeName(typed)).toBe(expected);
    }
    expect(normalizeName('ＷＣＨ  Hospital, Sichuan Univ.')).toBe('wchhospitalsichuanuniv');
  });

  it('keeps different institutions apart, a university and its hospital included', () => {
    expect(normalizeName('四川大学')).not.toBe(normalizeName('四川大学华西医院'));
    expect(normalizeName('成都市第一人民医院')).not.toBe(normalizeName('成都市第二人民医院'));
  });

  it('gives null for missing names and names with nothing comparable in them', () => {
    for (const empty of [null, undefined, '', '   ', '—', '（）']) expect(normalizeName(empty)).toBeNull();
  });

  it('lower-cases and trims speciality keys', () => {
    expect(normalizeKey(' Video ')).toBe('video');
    expect(normalizeKey('')).toBeNull();
  });
});

describe('seeded hashing', () => {
  it('is a pure function of the text and the salt', () => {
    expect(hashString('j-0001', 7)).toBe(hashString('j-0001', 7));
    expect(hashString('j-0001', 7)).not.toBe(hashString('j-0001', 8));
    expect(hashString('j-0001', 7)).not.toBe(hashString('j-0002', 7));
    expect(hashString('abc')).toBeGreaterThanOrEqual(0);
    expect(fmix32(0)).toBe(0);
  });

  it('replays the same pseudo-random sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, mulberry32(43))).not.toEqual(first);
  });
});
