// The video player's control bar: play, frame steps, the timecode, seek bar, volume, speed and full
// screen. Stateless: the player owns the element and its state (VideoPlayer.tsx).
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fullscreen } from './useFullscreen';
import { Icon } from './icons';
import { formatSpeed, formatTimecode, SPEEDS } from './timecode';

export interface VideoControlsProps {
  playing: boolean;
  failed: boolean;
  /** Media time shown, and the file's duration (NaN while unknown). */
  time: number;
  duration: number;
  fps: number;
  rate: number;
  onRate(rate: number): void;
  volume: { level: number; muted: boolean };
  onVolume(volume: { level: number; muted: boolean }): void;
  fullscreen: Fullscreen;
  onTogglePlay(): void;
  onStep(direction: -1 | 1): void;
  onSeek(seconds: number): void;
}

export function VideoControls(props: VideoControlsProps): JSX.Element {
  const { playing, failed, time, duration, fps, rate, onRate, volume, onVolume, fullscreen, onTogglePlay, onStep, onSeek } = props;
  const { t, i18n } = useTranslation();
  const known = Number.isFinite(duration) && duration > 0;
  const lang = i18n.language;
  return (
    <div className="pv-controls">
      <button
        type="button"
        className="pv-icon-btn"
        onClick={onTogglePlay}
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
        onClick={() => onStep(-1)}
        disabled={failed}
        aria-label={t('preview.frameBack')}
        title={`${t('preview.frameBack')} (,)`}
      >
        <Icon name="frameBack" />
      </button>
      <button
        type="button"
        className="pv-icon-btn"
        onClick={() => onStep(1)}
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
        onChange={(e) => onSeek(Number(e.currentTarget.value))}
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
  );
}
