// The judge's video player: one entry may have several files (tabs); custom controls with a
// frame-accurate step (requestVideoFrameCallback gives the time of the frame actually shown), six
// speeds and a seek bar (the shells serve byte ranges, so seeking does not load the whole file).
// Keys: Space play/pause, "," / "." one frame back/forward, "<" / ">" slower/faster, f full screen.
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewAsset } from '../../../../src-main/contract';
import { mediaUrl } from '../../api';
import { AssetFacts } from './AssetFacts';
import { FileTabs } from './FileTabs';
import { Icon } from './icons';
import { MediaFileProblem } from './MediaFileProblem';
import { effectiveFps, formatSpeed, formatTimecode, nextSpeed, SPEEDS, stepTarget } from './timecode';
import { useFullscreen } from './useFullscreen';
import { useShortcuts } from './useShortcuts';

export function VideoPlayer({ assets }: { assets: ReviewAsset[] }): JSX.Element {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  // Speed and volume stay as the judge set them when switching files.
  const [rate, setRate] = useState(1);
  const [volume, setVolume] = useState({ level: 1, muted: false });
  const asset = assets[Math.min(index, assets.length - 1)];
  return (
    <div className="pv-video-wrap">
      <FileTabs assets={assets} selected={index} onSelect={setIndex} label={t('preview.videoFiles')} />
      <PlayerBody key={asset.id} asset={asset} rate={rate} onRate={setRate} volume={volume} onVolume={setVolume} />
    </div>
  );
}

interface BodyProps {
  asset: ReviewAsset;
  rate: number;
  onRate(rate: number): void;
  volume: { level: number; muted: boolean };
  onVolume(volume: { level: number; muted: boolean }): void;
}

function PlayerBody({ asset, rate, onRate, volume, onVolume }: BodyProps): JSX.Element {
  const { t, i18n } = useTranslation();
  const rootRef = useRef<HTMLElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  /** Media time of the frame on screen, from requestVideoFrameCallback; null when unknown. */
  const frameTime = useRef<number | null>(null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(asset.durationSeconds ?? Number.NaN);
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  /** Bumped after a re-check of the file: a new <video> element loads it again. */
  const [attempt, setAttempt] = useState(0);
  const fullscreen = useFullscreen(rootRef);
  const fps = effectiveFps(asset.frameRate);

  useEffect(() => {
    const video = videoRef.current;
    if (video) {
      video.playbackRate = rate;
      video.defaultPlaybackRate = rate;
    }
  }, [rate]);

  useEffect(() => {
    const video = videoRef.current;
    if (video) {
      video.volume = volume.level;
      video.muted = volume.muted;
    }
  }, [volume]);

  // Exact frame times where the browser offers them (requestVideoFrameCallback reports the frame
  // actually presented); while playing, the clock is followed too whenever no frame was reported
  // lately (no support, a hidden window, a headless browser).
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
        if (performance.now() - lastFrameAt.current > 250) setTime(video.currentTime);
        raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    }
    return () => {
      if (handle) video.cancelVideoFrameCallback(handle);
      cancelAnimationFrame(raf);
    };
  }, [playing]);

  const video = () => (failed ? null : videoRef.current);

  const togglePlay = () => {
    const v = video();
    if (!v) return;
    if (v.paused || v.ended) void v.play().catch(() => {});
    else v.pause();
  };

  const step = (direction: -1 | 1) => {
    const v = video();
    if (!v) return;
    v.pause();
    // The frame on screen, unless a seek is still under way (then its target is the reference).
    const from = !v.seeking && frameTime.current !== null ? frameTime.current : v.currentTime;
    const target = stepTarget(from, fps, direction, v.duration);
    frameTime.current = null;
    v.currentTime = target;
    setTime(target);
  };

  const seek = (seconds: number) => {
    const v = video();
    if (!v || !Number.isFinite(seconds)) return;
    frameTime.current = null;
    v.currentTime = seconds;
    setTime(seconds);
  };

  const changeSpeed = (direction: -1 | 1) => onRate(nextSpeed(rate, direction));

  useShortcuts({
    ' ': togglePlay,
    ',': () => step(-1),
    '.': () => step(1),
    '<': () => changeSpeed(-1),
    '>': () => changeSpeed(1),
    f: fullscreen.toggle,
    Escape: fullscreen.exit,
  });

  const known = Number.isFinite(duration) && duration > 0;
  const lang = i18n.language;
  return (
    <section
      ref={rootRef}
      className={`pv-video${fullscreen.emulated ? ' pv-maximized' : ''}`}
      aria-label={t('preview.videoPlayer')}
      data-testid="video-player"
    >
      <div className="pv-stage" onClick={togglePlay}>
        <video
          key={attempt}
          ref={videoRef}
          src={mediaUrl(asset.id)}
          preload="metadata"
          playsInline
          disablePictureInPicture
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => setPlaying(false)}
          onLoadedMetadata={(e) => {
            const v = e.currentTarget;
            v.playbackRate = rate;
            if (Number.isFinite(v.duration)) setDuration(v.duration);
          }}
          onDurationChange={(e) => Number.isFinite(e.currentTarget.duration) && setDuration(e.currentTarget.duration)}
          onTimeUpdate={(e) => {
            const stale = performance.now() - lastFrameAt.current > 250;
            if (!exactFrames.current || e.currentTarget.paused || stale) setTime(e.currentTarget.currentTime);
          }}
          onSeeked={(e) => {
            const v = e.currentTarget;
            if (frameTime.current !== null && Math.abs(frameTime.current - v.currentTime) > 1 / fps) frameTime.current = null;
          }}
          onError={() => setFailed(true)}
        />
        {failed && (
          <MediaFileProblem
            className="pv-stage-message"
            asset={asset}
            fallback={t('preview.playError')}
            onRechecked={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
          />
        )}
        {!failed && !playing && (
          <span className="pv-stage-play" aria-hidden="true">
            <Icon name="play" size={30} />
          </span>
        )}
      </div>
      <div className="pv-controls">
        <button
          type="button"
          className="pv-icon-btn"
          onClick={togglePlay}
          disabled={failed}
          aria-label={playing ? t('preview.pause') : t('preview.play')}
          title={`${playing ? t('preview.pause') : t('preview.play')} (${t('preview.keySpace')})`}
          data-testid="video-play"
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="pv-icon-btn"
          onClick={() => step(-1)}
          disabled={failed}
          aria-label={t('preview.frameBack')}
          title={`${t('preview.frameBack')} (,)`}
        >
          <Icon name="frameBack" />
        </button>
        <button
          type="button"
          className="pv-icon-btn"
          onClick={() => step(1)}
          disabled={failed}
          aria-label={t('preview.frameForward')}
          title={`${t('preview.frameForward')} (.)`}
        >
          <Icon name="frameForward" />
        </button>
        <span className="pv-time" title={t('preview.timeTitle', { seconds: time.toFixed(3) })} data-testid="video-time">
          {formatTimecode(time, fps)}
          <span className="muted"> / {known ? formatTimecode(duration, fps) : '--:--.--'}</span>
        </span>
        <input
          type="range"
          className="pv-seek"
          min={0}
          max={known ? duration : 0}
          step="any"
          value={known ? Math.min(time, duration) : 0}
          disabled={!known || failed}
          onChange={(e) => seek(Number(e.currentTarget.value))}
          aria-label={t('preview.seek')}
          aria-valuetext={formatTimecode(time, fps)}
        />
        <button
          type="button"
          className="pv-icon-btn"
          onClick={() => onVolume({ ...volume, muted: !volume.muted })}
          aria-label={volume.muted ? t('preview.unmute') : t('preview.mute')}
          title={volume.muted ? t('preview.unmute') : t('preview.mute')}
          aria-pressed={volume.muted}
        >
          <Icon name={volume.muted ? 'muted' : 'volume'} />
        </button>
        <input
          type="range"
          className="pv-volume"
          min={0}
          max={1}
          step={0.05}
          value={volume.muted ? 0 : volume.level}
          onChange={(e) => onVolume({ level: Number(e.currentTarget.value), muted: false })}
          aria-label={t('preview.volume')}
        />
        <label className="pv-speed" title={`${t('preview.speed')} (< >)`}>
          <span className="visually-hidden">{t('preview.speed')}</span>
          <select value={rate} onChange={(e) => onRate(Number(e.currentTarget.value))} data-testid="video-speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {formatSpeed(s, lang)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="pv-icon-btn"
          onClick={fullscreen.toggle}
          aria-label={fullscreen.active ? t('preview.exitFullscreen') : t('preview.fullscreen')}
          title={`${fullscreen.active ? t('preview.exitFullscreen') : t('preview.fullscreen')} (f)`}
        >
          <Icon name={fullscreen.active ? 'exitFullscreen' : 'fullscreen'} />
        </button>
      </div>
      <AssetFacts asset={asset} />
    </section>
  );
}
