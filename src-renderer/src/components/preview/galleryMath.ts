// Pixel arithmetic of the gallery: fit modes, zoom steps and keeping the point under the cursor
// still while zooming. Pure functions (no DOM) so they are unit-tested.
//
// Model: the viewport is a native scroll container. Inside it a canvas is as large as the scaled
// image or the viewport, whichever is larger; an image smaller than the viewport sits centred in it.
// Scale 1 means one image pixel per CSS pixel; the zoom factor multiplies the fit scale.

export type FitMode = 'width' | 'page';
export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface Scroll {
  left: number;
  top: number;
}

export const ZOOM_MIN = 0.25;
export const ZOOM_MAX = 8;
export const ZOOM_STEP = 1.25;
/** Never blow a small image up beyond this when fitting (a 300 px scan at 8× is mush). */
export const FIT_MAX_SCALE = 4;

const usable = (s: Size) => s.width > 0 && s.height > 0 && Number.isFinite(s.width) && Number.isFinite(s.height);

/** Scale at which the image fills the viewport's width, or fits inside it entirely. */
export function fitScale(mode: FitMode, natural: Size, viewport: Size): number {
  if (!usable(natural) || !usable(viewport)) return 1;
  const byWidth = viewport.width / natural.width;
  const scale = mode === 'width' ? byWidth : Math.min(byWidth, viewport.height / natural.height);
  return Math.min(scale, FIT_MAX_SCALE);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));
}

/** One step in (+1) or out (-1); steps that pass through 1 stop there, so "back to fit" is reachable. */
export function zoomStep(zoom: number, direction: -1 | 1): number {
  const next = round(direction > 0 ? zoom * ZOOM_STEP : zoom / ZOOM_STEP);
  if ((zoom < 1 && next > 1) || (zoom > 1 && next < 1)) return 1;
  return clampZoom(next);
}

/** Zoom factor for a Ctrl+wheel (or pinch) event: smooth, about ×1.22 per mouse-wheel notch. */
export function wheelZoom(zoom: number, deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 600 : deltaY;
  return clampZoom(round(zoom * Math.exp(-pixels * 0.002)));
}

export interface Layout {
  /** Displayed image size. */
  width: number;
  height: number;
  /** Where the image sits in the canvas (centred when smaller than the viewport). */
  offsetX: number;
  offsetY: number;
  /** Canvas size: the scrollable area. */
  canvasWidth: number;
  canvasHeight: number;
}

export function layoutImage(natural: Size, viewport: Size, scale: number): Layout {
  const width = natural.width * scale;
  const height = natural.height * scale;
  return {
    width,
    height,
    offsetX: Math.max(0, (viewport.width - width) / 2),
    offsetY: Math.max(0, (viewport.height - height) / 2),
    canvasWidth: Math.max(width, viewport.width),
    canvasHeight: Math.max(height, viewport.height),
  };
}

export function clampScroll(scroll: Scroll, layout: Layout, viewport: Size): Scroll {
  return {
    left: Math.min(Math.max(0, scroll.left), Math.max(0, layout.canvasWidth - viewport.width)),
    top: Math.min(Math.max(0, scroll.top), Math.max(0, layout.canvasHeight - viewport.height)),
  };
}

/**
 * The scroll position after changing the scale from `from` to `to` such that the image point under
 * `point` (viewport coordinates) stays under it.
 */
export function zoomAround(natural: Size, viewport: Size, scroll: Scroll, point: Point, from: number, to: number): Scroll {
  const before = layoutImage(natural, viewport, from);
  const after = layoutImage(natural, viewport, to);
  const imageX = (scroll.left + point.x - before.offsetX) / from;
  const imageY = (scroll.top + point.y - before.offsetY) / from;
  return clampScroll(
    { left: imageX * to + after.offsetX - point.x, top: imageY * to + after.offsetY - point.y },
    after,
    viewport,
  );
}

/** True when the image overflows the viewport, i.e. dragging can pan it. */
export function canPan(layout: Layout, viewport: Size): boolean {
  return layout.width > viewport.width + 0.5 || layout.height > viewport.height + 0.5;
}
