// The player's clock: the media time of the frame on screen. Exact where the browser offers
// requestVideoFrameCallback (it reports the frame actually presented); while playing, the element's
// clock is followed too whenever no frame was reported lately (no support, a hidden window, a
// headless browser), and paused, timeupdate events set it.
import { type RefObject, useEffect, useRef, useState } from 'react';

/** Without a reported frame for this long, the element's own clock is shown. */
const STALE_MS = 250;

export function useVideoClock(videoRef: RefObject<HTMLVideoElement | null>, playing: boolean) {
  const [time, setTime] = useState(0);
  /** Media time of the frame on screen, from requestVideoFrameCallback; null when unknown. */
  const frameTime = useRef<number | null>(null);
  const exactFrames = useRef(false);
  const lastFrameAt = useRef(0);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let handle = 0;
    let raf = 0;
    if (typeof video.requestVideoFrameCallback === 'function') {
      exactFrames.current = true;
      const onFrame: VideoFrameRequestCallback = (_now, meta) => {
        frameTime.current = meta.mediaTime;
        lastFrameAt.current = performance.now();
        setTime(meta.mediaTime);
        handle = video.requestVideoFrameCallback(onFrame);
      };
      handle = video.requestVideoFrameCallback(onFrame);
    }
    if (playing) {
      const tick = () => {
        if (performance.now() - lastFrameAt.current > STALE_MS) setTime(video.currentTime);
        raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    }
    return () => {
      if (handle) video.cancelVideoFrameCallback(handle);
      cancelAnimationFrame(raf);
    };
  }, [playing, videoRef]);

  return {
    time,
    frameTime,
    /** A seek or step: the frame on screen is unknown until the next one is reported. */
    moveTo(seconds: number) {
      frameTime.current = null;
      setTime(seconds);
    },
    onTimeUpdate(video: HTMLVideoElement) {
      const stale = performance.now() - lastFrameAt.current > STALE_MS;
      if (!exactFrames.current || video.paused || stale) setTime(video.currentTime);
    },
    /** After a seek the reported frame is kept only if it is the one the seek landed on. */
    onSeeked(video: HTMLVideoElement, fps: number) {
      if (frameTime.current !== null && Math.abs(frameTime.current - video.currentTime) > 1 / fps) frameTime.current = null;
    },
  };
}
