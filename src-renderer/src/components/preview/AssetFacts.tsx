// One file's identity and compliance next to its viewer: name, size, measured facts, the verdict of
// the media check and each rule it broke, in the judge's language.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewAsset } from '../../../../src-main/contract';
import { formatBytes } from '../../format';

function durationText(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function AssetFacts({ asset }: { asset: ReviewAsset }): JSX.Element {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts = [formatBytes(asset.sizeBytes, lang)];
  if (asset.width && asset.height) facts.push(`${asset.width} × ${asset.height}`);
  if (asset.durationSeconds !== null) facts.push(durationText(asset.durationSeconds));
  if (asset.frameRate !== null) facts.push(t('preview.fps', { fps: new Intl.NumberFormat(lang, { maximumFractionDigits: 3 }).format(asset.frameRate) }));
  return (
    <div className="pv-facts" data-testid="asset-facts">
      <div className="pv-facts-line">
        <span className="pv-file-name" title={asset.fileName}>
          {asset.fileName}
        </span>
        <span className="muted small pv-nowrap">{facts.join(' · ')}</span>
        <span className={`badge verdict-${asset.verdict}`} title={t('preview.verdictTitle')}>
          {t(`compliance.verdicts.${asset.verdict}`)}
        </span>
      </div>
      {asset.violations.length > 0 && (
        <ul className="pv-violations">
          {asset.violations.map((v, i) => (
            <li key={`${v.code}-${i}`}>{t(`compliance.rules.${v.code}`, { limit: v.limitText, actual: v.actualText })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
