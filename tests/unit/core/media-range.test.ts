import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRange, planMediaReply } from '../../../src-main/core/media/range';

describe('HTTP byte ranges for media', () => {
  it('parses explicit, open-ended and suffix ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('treats a missing or unsupported header as the whole file', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
  });

  it('marks ranges outside the file unsatisfiable', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=50-10', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });

  it('plans 206 with Content-Range and 416 with the size (of the descriptor already opened)', () => {
    const file = path.join('media', 'clip.mp4');
    const partial = planMediaReply(file, 1000, 'bytes=100-199');
    expect(partial.status).toBe(206);
    expect(partial.headers['Content-Range']).toBe('bytes 100-199/1000');
    expect(partial.headers['Content-Length']).toBe('100');
    expect(partial.headers['Content-Type']).toBe('video/mp4');
    expect(planMediaReply(file, 1000, 'bytes=2000-').status).toBe(416);
    expect(planMediaReply(file, 1000, null)).toMatchObject({ status: 200, range: { start: 0, end: 999 } });
    expect(planMediaReply(file, 0, null)).toMatchObject({ status: 200, headers: { 'Content-Length': '0' } });
  });
});
