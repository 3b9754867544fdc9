// Where the showcase takes a video's frame (renderer videoFrame.ts): 10 % in, never past the end,
// 3 s when the browser does not know the length (a live or odd stream reports Infinity or NaN).
import { describe, expect, it } from 'vitest';
import { frameTime } from '../../../src-renderer/src/components/certificates/videoFrame';

describe('frameTime', () => {
  it('takes the frame 10 % into the video, or at 3 s when the duration is unknown', () => {
    expect(frameTime(60)).toBe(6);
    expect(frameTime(4)).toBeCloseTo(0.4);
    expect(frameTime(0.05)).toBe(0);
    for (const unknown of [Number.NaN, Number.POSITIVE_INFINITY, 0, -1]) expect(frameTime(unknown)).toBe(3);
  });
});
