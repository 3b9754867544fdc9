// Video time arithmetic for the judge's player: frame-accurate stepping and mm:ss.ff display.
// Pure functions (no DOM) so the rules are unit-tested. "ff" is the frame within the second, as
// in broadcast timecode, so a judge can name the exact frame they are talking about.

/** Used when the probe did not report a frame rate (stills, odd containers). */
export const DEFAULT_FPS = 25;
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

// Browsers keep media time in microseconds; a frame's start time read back can be a hair early.
// A thousandth of a frame of tolerance puts such a time in the frame it belongs to.
const FRAME_EPSILON = 1e-3;

export function effectiveFps(frameRate: number | null | undefined): number {
  return frameRate !== null && frameRate !== undefined && Number.isFinite(frameRate) && frameRate >= 1 && frameRate <= 480
    ? frameRate
    : DEFAULT_FPS;
}

/** Index (from 0) of the frame shown at `seconds`, for a constant frame rate. */
export function frameIndexAt(seconds: number, fps: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.floor(seconds * fps + FRAME_EPSILON);
}

/** Index of the last frame of a clip of `duration` seconds; Infinity when the duration is unknown. */
export function lastFrameIndex(duration: number, fps: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.ceil(duration * fps - FRAME_EPSILON) - 1);
}

/**
 * The time to seek to for one frame back (-1) or forward (+1) from `seconds`. It is the frame's
 * middle rather than its start (k / fps): seeking to an exact boundary can land on the frame before
 * after rounding, which makes "one frame forward" do nothing.
 */
export function stepTarget(seconds: number, fps: number, direction: -1 | 1, duration: number): number {
  const target = Math.min(Math.max(0, frameIndexAt(seconds, fps) + direction), lastFrameIndex(duration, fps));
  const time = (target + 0.5) / fps;
  return Number.isFinite(duration) && duration > 0 ? Math.min(time, duration) : time;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 83.28 s at 25 fps → "01:23.07"; over an hour "1:02:03.04"; unknown → "--:--.--". */
export function formatTimecode(seconds: number, fps: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--.--';
  const frames = frameIndexAt(seconds, fps);
  // Whole seconds come from the frame index, so the frame part never reads "25" at 25 fps.
  const whole = Math.floor((frames + FRAME_EPSILON) / fps);
  const frame = Math.min(frames - Math.ceil(whole * fps - FRAME_EPSILON), Math.ceil(fps) - 1);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const clock = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return `${clock}.${pad(Math.max(0, frame))}`;
}

/** The next playback speed in SPEEDS, slower (-1) or faster (+1); stays at the ends. */
export function nextSpeed(current: number, direction: -1 | 1): number {
  let nearest = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(s - current) < Math.abs(SPEEDS[nearest] - current)) nearest = i;
  });
  const index = Math.min(SPEEDS.length - 1, Math.max(0, nearest + direction));
  return SPEEDS[index];
}

/** "0.5×", "1×", "1.25×" in the current language's number style. */
export function formatSpeed(speed: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(speed)}×`;
}
