import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FPS,
  effectiveFps,
  formatSpeed,
  formatTimecode,
  frameIndexAt,
  lastFrameIndex,
  nextSpeed,
  stepTarget,
} from '../../../src-renderer/src/components/preview/timecode';

describe('video timecode', () => {
  it('falls back to 25 fps when the probe reported no usable frame rate', () => {
    expect(effectiveFps(null)).toBe(DEFAULT_FPS);
    expect(effectiveFps(0)).toBe(DEFAULT_FPS);
    expect(effectiveFps(Number.NaN)).toBe(DEFAULT_FPS);
    expect(effectiveFps(29.97)).toBe(29.97);
  });

  it('puts a time read back a microsecond early into the frame it starts', () => {
    expect(frameIndexAt(4 / 25 - 1e-6, 25)).toBe(4);
    expect(frameIndexAt(4 / 25 + 0.01, 25)).toBe(4);
    expect(frameIndexAt(0, 25)).toBe(0);
  });

  it('steps to the middle of the next or previous frame', () => {
    expect(stepTarget(4 / 25, 25, 1, 10)).toBeCloseTo(5.5 / 25, 9);
    expect(stepTarget(4 / 25, 25, -1, 10)).toBeCloseTo(3.5 / 25, 9);
    expect(frameIndexAt(stepTarget(4 / 25, 25, 1, 10), 25)).toBe(5);
  });

  it('does not step before the first or past the last frame', () => {
    expect(stepTarget(0, 25, -1, 10)).toBeCloseTo(0.5 / 25, 9);
    expect(lastFrameIndex(10, 25)).toBe(249);
    expect(frameIndexAt(stepTarget(9.99, 25, 1, 10), 25)).toBe(249);
  });

  it('steps freely when the duration is not known yet', () => {
    expect(frameIndexAt(stepTarget(1, 25, 1, Number.NaN), 25)).toBe(26);
  });

  it('writes mm:ss.ff with the frame within the second', () => {
    expect(formatTimecode(83.28, 25)).toBe('01:23.07');
    expect(formatTimecode(0, 25)).toBe('00:00.00');
    expect(formatTimecode(59.999, 25)).toBe('00:59.24');
    expect(formatTimecode(3723.16, 25)).toBe('1:02:03.04');
    expect(formatTimecode(Number.NaN, 25)).toBe('--:--.--');
  });

  it('never shows a frame number equal to the frame rate', () => {
    for (let k = 0; k < 200; k++) {
      const ff = Number(formatTimecode(k / 29.97, 29.97).split('.')[1]);
      expect(ff).toBeLessThan(30);
    }
  });

  it('moves through the six speeds and stays at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(1.25);
    expect(nextSpeed(1, -1)).toBe(0.75);
    expect(nextSpeed(2, 1)).toBe(2);
    expect(nextSpeed(0.5, -1)).toBe(0.5);
    expect(nextSpeed(1.1, 1)).toBe(1.25);
    expect(formatSpeed(0.75, 'en')).toBe('0.75×');
  });
});
