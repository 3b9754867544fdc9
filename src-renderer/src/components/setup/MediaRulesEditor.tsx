// Media rules as the notice words them: which video formats, how large (in the organiser's unit:
// 1 MB = 10^6 bytes, 1 MiB = 2^20 bytes, stored in bytes), how long, how small an image may be, and
// whether a "video" must really hold pictures. Used for the campaign's rules and for a category's
// own rules. The playable codecs are shown, not edited (they describe what players handle).
import { useTranslation } from 'react-i18next';
import type { MediaRules } from '../../../../src-main/contract';
import { Check, NumberInput } from './SetupControls';

/** Container names as the media check reports them (core/media/probe normaliseContainer), with the names people know. */
const CONTAINERS: { key: string; label: string }[] = [
  { key: 'mp4', label: 'MP4' },
  { key: 'mov', label: 'MOV' },
  { key: 'webm', label: 'WebM' },
  { key: 'matroska', label: 'MKV' },
  { key: 'avi', label: 'AVI' },
  { key: 'flv', label: 'FLV' },
  { key: 'asf', label: 'WMV' },
  { key: 'mpegts', label: 'TS' },
  { key: 'mpeg', label: 'MPEG' },
  { key: '3gp', label: '3GP' },
];

const UNIT_BYTES = { MB: 1e6, MiB: 2 ** 20 } as const;

/** Bytes shown in the unit, without float noise (100 MB, not 99.99999999). */
const inUnit = (bytes: number, unit: keyof typeof UNIT_BYTES) => Math.round((bytes / UNIT_BYTES[unit]) * 1000) / 1000;

export function MediaRulesEditor({ rules, onChange, testId }: { rules: MediaRules; onChange(next: MediaRules): void; testId: string }) {
  const { t } = useTranslation();
  const video = rules.video;
  const setVideo = (patch: Partial<MediaRules['video']>) => onChange({ ...rules, video: { ...video, ...patch } });
  const setImage = (patch: Partial<MediaRules['image']>) => onChange({ ...rules, image: { ...rules.image, ...patch } });
  const known = new Set(CONTAINERS.map((c) => c.key));
  const shown = [...CONTAINERS, ...video.containers.filter((c) => !known.has(c)).map((c) => ({ key: c, label: c.toUpperCase() }))];
  const toggle = (key: string, on: boolean) => setVideo({ containers: on ? [...video.containers, key] : video.containers.filter((c) => c !== key) });
  return (
    <div className="setup-grid media-rules" data-testid={testId}>
      <label>{t('overview.videoFormat')}</label>
      <div>
        <div className="chip-checks">
          {shown.map((c) => (
            <Check key={c.key} checked={video.containers.includes(c.key)} onChange={(on) => toggle(c.key, on)} testId={`${testId}-container-${c.key}`}>
              {c.label}
            </Check>
          ))}
        </div>
        {video.containers.length === 0 && <p className="field-problem">{t('setup.containersNone')}</p>}
      </div>
      <label>{t('overview.videoMaxSize')}</label>
      <span className="inline-hint">
        <NumberInput
          nullable
          min={0}
          step="any"
          value={video.maxSizeBytes === null ? null : inUnit(video.maxSizeBytes, video.sizeUnit)}
          onChange={(v) => setVideo({ maxSizeBytes: v === null || v <= 0 ? null : Math.round(v * UNIT_BYTES[video.sizeUnit]) })}
          placeholder={t('overview.noLimit')}
          aria-label={t('overview.videoMaxSize')}
          testId={`${testId}-size`}
        />
        <select
          value={video.sizeUnit}
          aria-label={t('setup.sizeUnit')}
          onChange={(e) => {
            const unit = e.target.value as keyof typeof UNIT_BYTES;
            // The number stays what the notice says; only how it is read changes.
            setVideo({ sizeUnit: unit, maxSizeBytes: video.maxSizeBytes === null ? null : Math.round(inUnit(video.maxSizeBytes, video.sizeUnit) * UNIT_BYTES[unit]) });
          }}
          data-testid={`${testId}-unit`}
        >
          <option value="MB">{t('setup.unitMB')}</option>
          <option value="MiB">{t('setup.unitMiB')}</option>
        </select>
        <span className="muted small">{t('setup.emptyNoLimit')}</span>
      </span>
      <label>{t('overview.videoMaxDuration')}</label>
      <span className="inline-hint">
        <NumberInput
          nullable
          min={0}
          step="any"
          value={video.maxDurationSeconds === null ? null : Math.round((video.maxDurationSeconds / 60) * 1000) / 1000}
          onChange={(v) => setVideo({ maxDurationSeconds: v === null || v <= 0 ? null : Math.round(v * 60) })}
          placeholder={t('overview.noLimit')}
          aria-label={t('overview.videoMaxDuration')}
          testId={`${testId}-duration`}
        />
        <span>{t('setup.minutesUnit')}</span>
        <span className="muted small">{t('setup.emptyNoLimit')}</span>
      </span>
      <label>{t('overview.imageMinimum')}</label>
      <span className="inline-hint">
        <NumberInput min={0} step={1} value={rules.image.minWidth} onChange={(v) => setImage({ minWidth: Math.max(0, Math.round(v ?? 0)) })} aria-label={t('setup.minWidth')} testId={`${testId}-min-width`} />
        <span>×</span>
        <NumberInput min={0} step={1} value={rules.image.minHeight} onChange={(v) => setImage({ minHeight: Math.max(0, Math.round(v ?? 0)) })} aria-label={t('setup.minHeight')} testId={`${testId}-min-height`} />
        <span>{t('setup.pixels')}</span>
      </span>
      <span />
      <Check checked={video.requireVideoStream !== false} onChange={(on) => setVideo({ requireVideoStream: on ? undefined : false })} testId={`${testId}-video-stream`}>
        {t('setup.requireVideoStream')}
      </Check>
      <label>{t('overview.playableCodecs')}</label>
      <span className="muted">{[...video.playableVideoCodecs, ...video.playableAudioCodecs].join(', ')}</span>
    </div>
  );
}
