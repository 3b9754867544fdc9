// Pages of a graphic or cartoon work, account screenshots, certificate scans: one page at a time,
// with a thumbnail strip, zoom (buttons, + / -, Ctrl+wheel or pinch) around the cursor, drag to
// pan, fit to width (long Chinese "长图" graphics read top to bottom) or to the page, full screen.
// Keys: [ / ] page, + / - zoom, w fit width ↔ page, f full screen (Esc leaves). Pixel math lives in
// galleryMath.ts.
import { useEffect, useLayoutEffect, useRef, useState, type JSX, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewAsset } from '../../../../src-main/contract';
import { mediaUrl } from '../../api';
import { useLatest } from '../../hooks/useLatest';
import { AssetFacts } from './AssetFacts';
import { canPan, fitScale, layoutImage, wheelZoom, zoomAround, zoomStep, type FitMode, type Point, type Size } from './galleryMath';
import { Icon } from './icons';
import { MediaFileProblem } from './MediaFileProblem';
import { useElementSize } from './useElementSize';
import { useFullscreen } from './useFullscreen';
import { useShortcuts } from './useShortcuts';

interface Props {
  assets: ReviewAsset[];
  /** What the pages are, for screen readers ("Certificate scans"). */
  label: string;
  /** Long graphics read best fitted to width; scans and screenshots fitted to the page. */
  initialFit?: FitMode;
  /** The index of the page shown first (a file asked for from the eligibility checklist). */
  startAt?: number;
}

interface Drag {
  pointerId: number;
  x: number;
  y: number;
  left: number;
  top: number;
}

export function Gallery({ assets, label, initialFit = 'page', startAt = 0 }: Props): JSX.Element {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const viewport = useElementSize(viewportRef);
  const fullscreen = useFullscreen(rootRef);
  const [index, setIndex] = useState(startAt);
  const [fit, setFit] = useState<FitMode>(initialFit);
  const [zoom, setZoom] = useState(1);
  const [loaded, setLoaded] = useState<Record<number, Size>>({});
  const [broken, setBroken] = useState<Record<number, boolean>>({});
  const [dragging, setDragging] = useState(false);
  const drag = useRef<Drag | null>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  /** Scroll position to apply once the new scale is laid out. */
  const pendingScroll = useRef<{ left: number; top: number } | null>(null);

  const count = assets.length;
  const page = Math.min(index, count - 1);
  const asset = assets[page];
  const natural: Size | null =
    loaded[asset.id] ?? (asset.width && asset.height ? { width: asset.width, height: asset.height } : null);
  const base = natural ? fitScale(fit, natural, viewport) : 1;
  const scale = base * zoom;
  const layout = natural ? layoutImage(natural, viewport, scale) : null;
  const pannable = layout !== null && canPan(layout, viewport);

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element || !pendingScroll.current) return;
    element.scrollLeft = pendingScroll.current.left;
    element.scrollTop = pendingScroll.current.top;
    pendingScroll.current = null;
  });

  // Keep the current page's thumbnail in sight (the strip scrolls sideways on its own).
  useEffect(() => {
    const strip = stripRef.current;
    const thumb = strip?.children[page] as HTMLElement | undefined;
    if (!strip || !thumb) return;
    const left = thumb.offsetLeft; // the strip is position: relative, so this is within it
    if (left < strip.scrollLeft) strip.scrollLeft = left - 8;
    else if (left + thumb.offsetWidth > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = left + thumb.offsetWidth - strip.clientWidth + 8;
  }, [page]);

  const goTo = (next: number) => {
    if (next < 0 || next >= count || next === page) return false;
    setIndex(next);
    setZoom(1);
    pendingScroll.current = { left: 0, top: 0 };
    return true;
  };

  /** Zoom to `target`, keeping the image point under `point` (default: the viewport centre) still. */
  const zoomTo = (target: number, point?: Point) => {
    const element = viewportRef.current;
    if (!natural || !element || target === zoom) return;
    const at = point ?? { x: viewport.width / 2, y: viewport.height / 2 };
    pendingScroll.current = zoomAround(
      natural,
      viewport,
      { left: element.scrollLeft, top: element.scrollTop },
      at,
      base * zoom,
      base * target,
    );
    setZoom(target);
  };

  const setFitMode = (mode: FitMode) => {
    setFit(mode);
    setZoom(1);
    pendingScroll.current = { left: 0, top: 0 };
  };

  // Ctrl+wheel (and trackpad pinch, which arrives as Ctrl+wheel) zooms; React's wheel listener is
  // passive, so this one is attached by hand to be allowed to cancel the page zoom.
  const wheelRef = useLatest((e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const rect = viewportRef.current?.getBoundingClientRect();
    if (!rect) return;
    zoomTo(wheelZoom(zoom, e.deltaY, e.deltaMode), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  });
  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const onWheel = (e: WheelEvent) => wheelRef.current(e);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [wheelRef]);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!pannable || e.button !== 0 || e.pointerType === 'touch') return; // touch scrolls natively
    const element = e.currentTarget;
    drag.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY, left: element.scrollLeft, top: element.scrollTop };
    element.setPointerCapture(e.pointerId);
    setDragging(true);
    e.preventDefault();
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    e.currentTarget.scrollLeft = d.left - (e.clientX - d.x);
    e.currentTarget.scrollTop = d.top - (e.clientY - d.y);
  };
  const endDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    drag.current = null;
    setDragging(false);
  };

  useShortcuts({
    '[': () => goTo(page - 1),
    ']': () => goTo(page + 1),
    '+': () => zoomTo(zoomStep(zoom, 1)),
    '=': () => zoomTo(zoomStep(zoom, 1)),
    '-': () => zoomTo(zoomStep(zoom, -1)),
    w: () => setFitMode(fit === 'width' ? 'page' : 'width'),
    f: fullscreen.toggle,
    Escape: fullscreen.exit,
  });

  const percent = layout ? `${Math.round(scale * 100)}%` : '—';
  return (
    <section
      ref={rootRef}
      className={`pv-gallery${fullscreen.emulated ? ' pv-maximized' : ''}`}
      aria-label={label}
      data-testid="gallery"
    >
      <div className="pv-toolbar" role="toolbar" aria-label={t('preview.galleryTools')}>
        <div className="pv-group">
          <button type="button" className="pv-icon-btn" onClick={() => goTo(page - 1)} disabled={page === 0} aria-label={t('preview.prevPage')} title={`${t('preview.prevPage')} ([)`}>
            <Icon name="prev" />
          </button>
          <span className="pv-pageof" aria-live="polite" data-testid="gallery-page">
            {t('preview.page', { n: page + 1, total: count })}
          </span>
          <button type="button" className="pv-icon-btn" onClick={() => goTo(page + 1)} disabled={page >= count - 1} aria-label={t('preview.nextPage')} title={`${t('preview.nextPage')} (])`}>
            <Icon name="next" />
          </button>
        </div>
        <div className="pv-group">
          <button type="button" className="pv-icon-btn" onClick={() => zoomTo(zoomStep(zoom, -1))} aria-label={t('preview.zoomOut')} title={`${t('preview.zoomOut')} (-)`}>
            <Icon name="zoomOut" />
          </button>
          <span className="pv-zoom" title={t('preview.zoomTitle')} data-testid="gallery-zoom">
            {percent}
          </span>
          <button type="button" className="pv-icon-btn" onClick={() => zoomTo(zoomStep(zoom, 1))} aria-label={t('preview.zoomIn')} title={`${t('preview.zoomIn')} (+)`}>
            <Icon name="zoomIn" />
          </button>
        </div>
        <div className="pv-group">
          <button type="button" className={`pv-icon-btn${fit === 'width' && zoom === 1 ? ' on' : ''}`} onClick={() => setFitMode('width')} aria-pressed={fit === 'width' && zoom === 1} aria-label={t('preview.fitWidth')} title={`${t('preview.fitWidth')} (w)`}>
            <Icon name="fitWidth" />
          </button>
          <button type="button" className={`pv-icon-btn${fit === 'page' && zoom === 1 ? ' on' : ''}`} onClick={() => setFitMode('page')} aria-pressed={fit === 'page' && zoom === 1} aria-label={t('preview.fitPage')} title={`${t('preview.fitPage')} (w)`}>
            <Icon name="fitPage" />
          </button>
        </div>
        <div className="pv-group pv-push">
          <button type="button" className="pv-icon-btn" onClick={fullscreen.toggle} aria-label={fullscreen.active ? t('preview.exitFullscreen') : t('preview.fullscreen')} title={`${fullscreen.active ? t('preview.exitFullscreen') : t('preview.fullscreen')} (f)`}>
            <Icon name={fullscreen.active ? 'exitFullscreen' : 'fullscreen'} />
          </button>
        </div>
      </div>
      <div
        ref={viewportRef}
        className={`pv-viewport${pannable ? ' pannable' : ''}${dragging ? ' dragging' : ''}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        data-testid="gallery-viewport"
      >
        {broken[asset.id] ? (
          <MediaFileProblem
            asset={asset}
            fallback={t('preview.imageError')}
            onRechecked={() => setBroken((old) => ({ ...old, [asset.id]: false }))}
          />
        ) : (
          <div className="pv-canvas" style={layout ? { width: layout.canvasWidth, height: layout.canvasHeight } : undefined}>
            <img
              key={asset.id}
              src={mediaUrl(asset.id)}
              alt={t('preview.pageAlt', { n: page + 1, total: count, file: asset.fileName })}
              draggable={false}
              decoding="async"
              className={layout ? undefined : 'pv-measuring'}
              style={layout ? { left: layout.offsetX, top: layout.offsetY, width: layout.width, height: layout.height } : undefined}
              onLoad={(e) => {
                const { naturalWidth: width, naturalHeight: height } = e.currentTarget;
                if (width > 0 && height > 0 && (loaded[asset.id]?.width !== width || loaded[asset.id]?.height !== height)) {
                  setLoaded((old) => ({ ...old, [asset.id]: { width, height } }));
                }
              }}
              onError={() => setBroken((old) => ({ ...old, [asset.id]: true }))}
            />
            {!layout && <div className="pv-center muted">{t('common.loading')}</div>}
          </div>
        )}
      </div>
      <AssetFacts asset={asset} />
      {count > 1 && (
        <div ref={stripRef} className="pv-strip" role="tablist" aria-label={t('preview.pages')}>
          {assets.map((a, i) => (
            <button
              key={a.id}
              type="button"
              role="tab"
              aria-selected={i === page}
              className={`pv-thumb${i === page ? ' active' : ''}`}
              onClick={() => goTo(i)}
              title={`${i + 1} · ${a.fileName}`}
            >
              <img src={mediaUrl(a.id)} alt="" loading="lazy" draggable={false} />
              <span className="pv-thumb-no">{i + 1}</span>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
