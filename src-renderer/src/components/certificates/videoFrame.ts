// One frame of a video as a JPEG, captured in the page (issue 17: the showcase's video covers).
// Only the renderer can decode video: a <video> element, not in the document, reads the media URL
// review playback uses, seeks to 10 % of the duration (3 s when the duration is unknown), and
// the frame shown there is drawn to a canvas at most COVER_WIDTH wide. A video this browser cannot
// decode (an unsupported codec: an error, or no picture at all) rejects with FrameError, and the
// showcase falls back to the drawn card for it.

/** The showcase's cover width (core/showcase/covers.ts COVER_WIDTH). */
const COVER_WIDTH = 720;
const TIMEOUT_MS = 20_000;

export class FrameError extends Error {
  constructor(readonly reason: 'undecodable' | 'timeout') {
    super(`video frame: ${reason}`);
  }
}

/** Where to take the frame: 10 % in (past a fade-in or title card), 3 s when the length is unknown. */
export function frameTime(duration: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return 3;
  return Math.min(duration * 0.1, Math.max(0, duration - 0.1));
}

export async function captureFrame(url: string, signal: AbortSignal): Promise<Blob> {
  if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  // The desktop app's media protocol answers our origin with CORS headers: the canvas stays readable.
  video.crossOrigin = 'anonymous';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => video.dispatchEvent(new Event('kepu-abort'));
  signal.addEventListener('abort', stop, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new FrameError('timeout')), TIMEOUT_MS);
      video.addEventListener('kepu-abort', () => reject(new DOMException('cancelled', 'AbortError')), { once: true });
      video.addEventListener('error', () => reject(new FrameError('undecodable')), { once: true });
      video.addEventListener(
        'loadedmetadata',
        () => {
          video.addEventListener(
            'seeked',
            () => {
              // The frame at the new position may still be on its way.
              if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) resolve();
              else video.addEventListener('loadeddata', () => resolve(), { once: true });
            },
            { once: true },
          );
          video.currentTime = frameTime(video.duration);
        },
        { once: true },
      );
      video.src = url;
    });
    // Audio only, or a video track the browser cannot decode: no picture to take.
    if (!video.videoWidth || !video.videoHeight) throw new FrameError('undecodable');
    const width = Math.min(COVER_WIDTH, video.videoWidth);
    const height = Math.max(1, Math.round((video.videoHeight * width) / video.videoWidth));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new FrameError('undecodable');
    context.drawImage(video, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new FrameError('undecodable'))), 'image/jpeg', 0.86));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    video.removeAttribute('src');
    video.load();
  }
}
