import { describe, expect, it } from 'vitest';
import {
  canPan,
  clampScroll,
  FIT_MAX_SCALE,
  fitScale,
  layoutImage,
  wheelZoom,
  zoomAround,
  zoomStep,
  ZOOM_MAX,
  ZOOM_MIN,
} from '../../../src-renderer/src/components/preview/galleryMath';

const viewport = { width: 800, height: 500 };

describe('gallery fit', () => {
  it('fits a long graphic to the width and a landscape page inside the viewport', () => {
    expect(fitScale('width', { width: 1600, height: 8000 }, viewport)).toBe(0.5);
    expect(fitScale('page', { width: 1600, height: 8000 }, viewport)).toBe(500 / 8000);
    expect(fitScale('page', { width: 1000, height: 700 }, viewport)).toBe(0.7142857142857143);
  });

  it('does not blow a tiny image up beyond the fit limit, and survives unknown sizes', () => {
    expect(fitScale('width', { width: 50, height: 50 }, viewport)).toBe(FIT_MAX_SCALE);
    expect(fitScale('page', { width: 0, height: 0 }, viewport)).toBe(1);
    expect(fitScale('page', { width: 100, height: 100 }, { width: 0, height: 0 })).toBe(1);
  });
});

describe('gallery zoom', () => {
  it('steps by 1.25 and stops at 1 (the fit) when passing through it', () => {
    expect(zoomStep(1, 1)).toBe(1.25);
    expect(zoomStep(1.25, -1)).toBe(1);
    expect(zoomStep(0.9, 1)).toBe(1);
    expect(zoomStep(1.1, -1)).toBe(1);
  });

  it('stays within its limits', () => {
    expect(zoomStep(ZOOM_MAX, 1)).toBe(ZOOM_MAX);
    expect(zoomStep(ZOOM_MIN, -1)).toBe(ZOOM_MIN);
    expect(wheelZoom(1, -100000, 0)).toBe(ZOOM_MAX);
    expect(wheelZoom(1, 100000, 0)).toBe(ZOOM_MIN);
  });

  it('zooms in on a wheel turned away from the user and out towards them', () => {
    expect(wheelZoom(1, -100, 0)).toBeGreaterThan(1);
    expect(wheelZoom(1, 3, 1)).toBeLessThan(1); // line mode
  });
});

describe('gallery layout and panning', () => {
  it('centres an image smaller than the viewport and scrolls one that is larger', () => {
    const small = layoutImage({ width: 400, height: 300 }, viewport, 1);
    expect(small).toMatchObject({ offsetX: 200, offsetY: 100, canvasWidth: 800, canvasHeight: 500 });
    expect(canPan(small, viewport)).toBe(false);
    const big = layoutImage({ width: 400, height: 300 }, viewport, 4);
    expect(big).toMatchObject({ offsetX: 0, offsetY: 0, canvasWidth: 1600, canvasHeight: 1200 });
    expect(canPan(big, viewport)).toBe(true);
  });

  it('keeps scrolling inside the canvas', () => {
    const big = layoutImage({ width: 400, height: 300 }, viewport, 4);
    expect(clampScroll({ left: -5, top: 5000 }, big, viewport)).toEqual({ left: 0, top: 700 });
  });

  it('keeps the image point under the cursor still while zooming', () => {
    const natural = { width: 1000, height: 1000 };
    const scroll = { left: 300, top: 200 };
    const point = { x: 120, y: 80 };
    const from = 1;
    const to = 2;
    const next = zoomAround(natural, viewport, scroll, point, from, to);
    // image point under the cursor before: ((300 + 120) / 1, (200 + 80) / 1) = (420, 280)
    expect((next.left + point.x) / to).toBeCloseTo(420, 6);
    expect((next.top + point.y) / to).toBeCloseTo(280, 6);
  });

  it('accounts for the centring offset when zooming out of a small image', () => {
    const natural = { width: 400, height: 300 };
    // at scale 1 the image is centred: offset (200, 100); zooming to 3 around its centre
    const next = zoomAround(natural, viewport, { left: 0, top: 0 }, { x: 400, y: 250 }, 1, 3);
    const after = layoutImage(natural, viewport, 3);
    expect((next.left + 400 - after.offsetX) / 3).toBeCloseTo(200, 6);
    expect((next.top + 250 - after.offsetY) / 3).toBeCloseTo(150, 6);
  });
});
