// The files of an entry, each kind in its viewer: images and screenshots in the Gallery, videos in
// the VideoPlayer, documents in the ArticleView. Several kinds get tabs, so each viewer has the whole
// height and only the visible one answers the keyboard.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind, ReviewAsset } from '../../../../src-main/contract';
import { ArticleView } from './ArticleView';
import { Gallery } from './Gallery';
import type { FitMode } from './galleryMath';
import { Icon } from './icons';
import { VideoPlayer } from './VideoPlayer';
import { focusStamp, useEvidenceFocusStore } from '../../stores/useEvidenceFocusStore';

type GroupKey = 'images' | 'videos' | 'documents';
interface Group {
  key: GroupKey;
  label: string;
  assets: ReviewAsset[];
}

interface Props {
  assets: ReviewAsset[];
  kind: EntryKind;
  category: string | null;
}

/** Long graphics (长图) are read fitted to width; everything else starts fitted to the page. */
function firstFit(assets: ReviewAsset[]): FitMode {
  const first = assets[0];
  return first?.width && first.height && first.height / first.width > 2 ? 'width' : 'page';
}

// Pages are files named page-1 … page-12: order them as people count, not as strings sort.
const byFileName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function MediaArea({ assets: given, kind, category }: Props): JSX.Element {
  const { t } = useTranslation();
  const assets = [...given].sort((a, b) => byFileName.compare(a.fileName, b.fileName));
  const images = assets.filter((a) => a.role === 'image' || a.role === 'screenshot');
  const imageLabel =
    kind === 'applicant'
      ? t('preview.tabs.certificates')
      : kind === 'account' || images.every((a) => a.role === 'screenshot')
        ? t('preview.tabs.screenshots')
        : category === 'graphic' || category === 'cartoon'
          ? t('preview.tabs.pages')
          : t('preview.tabs.images');
  const all: Group[] = [
    { key: 'images', label: imageLabel, assets: images },
    { key: 'videos', label: t('preview.tabs.videos'), assets: assets.filter((a) => a.role === 'video') },
    { key: 'documents', label: t('preview.tabs.documents'), assets: assets.filter((a) => a.role === 'document') },
  ];
  if (kind === 'work' && category === 'video') all.unshift(...all.splice(1, 1));
  const groups = all.filter((g) => g.assets.length > 0);
  const [picked, setPicked] = useState<{ key: GroupKey; at: number } | null>(null);
  // A file asked for from the eligibility checklist wins over an earlier tab click, and a later
  // tab click wins over it.
  const focus = useEvidenceFocusStore((s) => s.focus);
  const focusGroup = focus ? groups.find((g) => g.assets.some((a) => a.id === focus.assetId)) : undefined;
  const focused = focus && focusGroup && (!picked || focus.at > picked.at) ? focus : null;
  const current = (focused ? focusGroup : groups.find((g) => g.key === picked?.key)) ?? groups[0];
  const startAt = focused ? Math.max(0, current?.assets.findIndex((a) => a.id === focused.assetId) ?? 0) : 0;
  const viewerKey = focused ? `focus-${focused.at}` : (current?.key ?? 'none');

  if (!current) {
    return (
      <div className="pv-media pv-empty pv-no-files" data-testid="preview-no-files">
        <Icon name="file" size={36} />
        <p>{t('preview.noFiles')}</p>
      </div>
    );
  }
  return (
    <div className="pv-media">
      {groups.length > 1 && (
        <div className="pv-media-tabs" role="tablist" aria-label={t('preview.files')}>
          {groups.map((g) => (
            <button
              key={g.key}
              type="button"
              role="tab"
              id={`pv-tab-${g.key}`}
              aria-selected={g === current}
              aria-controls={`pv-panel-${g.key}`}
              className={g === current ? 'active' : undefined}
              onClick={() => setPicked({ key: g.key, at: focusStamp() })}
            >
              {g.label}
              <span className="pv-count">{g.assets.length}</span>
            </button>
          ))}
        </div>
      )}
      <div
        className="pv-media-panel"
        role={groups.length > 1 ? 'tabpanel' : undefined}
        id={`pv-panel-${current.key}`}
        aria-labelledby={groups.length > 1 ? `pv-tab-${current.key}` : undefined}
      >
        {current.key === 'images' && <Gallery key={viewerKey} assets={current.assets} label={current.label} initialFit={firstFit(current.assets)} startAt={startAt} />}
        {current.key === 'videos' && <VideoPlayer key={viewerKey} assets={current.assets} startAt={startAt} />}
        {current.key === 'documents' && <ArticleView key={viewerKey} assets={current.assets} startAt={startAt} />}
      </div>
    </div>
  );
}
