// Which of an entry's files a viewer shows, when it has more than one (several videos, several
// documents). Each tab carries the file's check verdict as a coloured dot.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewAsset } from '../../../../src-main/contract';

interface Props {
  assets: ReviewAsset[];
  selected: number;
  onSelect(index: number): void;
  label: string;
}

export function FileTabs({ assets, selected, onSelect, label }: Props): JSX.Element | null {
  const { t } = useTranslation();
  if (assets.length < 2) return null;
  return (
    <div className="pv-filetabs" role="tablist" aria-label={label}>
      {assets.map((asset, i) => (
        <button
          key={asset.id}
          type="button"
          role="tab"
          aria-selected={i === selected}
          className={i === selected ? 'active' : undefined}
          onClick={() => onSelect(i)}
          title={`${asset.fileName} · ${t(`compliance.verdicts.${asset.verdict}`)}`}
        >
          <span className={`pv-dot verdict-${asset.verdict}`} aria-hidden="true" />
          <span className="pv-filetab-name">{asset.fileName}</span>
        </button>
      ))}
    </div>
  );
}
