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
import { effectiveFps, nextSpeed, stepTarget } from './timecode';
import { useFullscreen } from './useFullscreen';
import { useShortcuts } from './useShortcuts';
import { useVideoClock } from './useVideoClock';
import { VideoControls } from './VideoControls';

/** `startAt`: the index of the file shown first (a file asked for from the eligibility checklist). */
export function VideoPlayer({ assets, startAt = 0 }: { assets: ReviewAsset[]; startAt?: number }): JSX.Element {
  const { t } = useTranslation();
  const [index, setIndex] = useState(startAt);
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
  const { t } = useTranslation();
  const rootRef = useRef<HTMLElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [duration, setDuration] = useState(asset.durationSeconds ?? Number.NaN);
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  /** Bumped after a re-check of the file: a new <video> element loads it again. */
  const [attempt, setAttempt] = useState(0);
  const fullscreen = useFullscreen(rootRef);
  const clock = useVideoClock(videoRef, playing);
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
    const from = !v.seeking && clock.frameTime.current !== null ? clock.frameTime.current : v.currentTime;
    const target = stepTarget(from, fps, direction, v.duration);
    v.currentTime = target;
    clock.moveTo(target);
  };

  const seek = (seconds: number) => {
    const v = video();
    if (!v || !Number.isFinite(seconds)) return;
    v.currentTime = seconds;
    clock.moveTo(seconds);
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
          onTimeUpdate={(e) => clock.onTimeUpdate(e.currentTarget)}
          onSeeked={(e) => clock.onSeeked(e.currentTarget, fps)}
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
      <VideoControls
        playing={playing}
        failed={failed}
        time={clock.time}
        duration={duration}
        fps={fps}
        rate={rate}
        onRate={onRate}
        volume={volume}
        onVolume={onVolume}
        fullscreen={fullscreen}
        onTogglePlay={togglePlay}
        onStep={step}
        onSeek={seek}
      />
      <AssetFacts asset={asset} />
    </section>
  );
}
