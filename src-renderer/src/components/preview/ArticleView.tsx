// Documents of an entry: plain text and Markdown as readable text; HTML in a safe view (see
// sanitizeHtml.ts); PDF in the browser's built-in viewer; anything else named, not opened.
import { useEffect, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewAsset } from '../../../../src-main/contract';
import { mediaUrl, pdfOpener } from '../../api';
import { formatBytes } from '../../format';
import { AssetFacts } from './AssetFacts';
import { decodeText, declaredCharset, looksChinese, type DecodedText } from './decodeText';
import { DOCUMENT_BYTE_LIMIT, documentKind } from './documents';
import { FileTabs } from './FileTabs';
import { Icon } from './icons';
import { MediaFileProblem } from './MediaFileProblem';
import { buildSrcdoc, defuseMarkup, sanitizeArticle } from './sanitizeHtml';
import { useAssetFileState } from './useAssetFileState';

/** `startAt`: the index of the document shown first (one asked for from the eligibility checklist). */
export function ArticleView({ assets, startAt = 0 }: { assets: ReviewAsset[]; startAt?: number }): JSX.Element {
  const { t } = useTranslation();
  const [index, setIndex] = useState(startAt);
  const asset = assets[Math.min(index, assets.length - 1)];
  return (
    <section className="pv-doc-wrap" aria-label={t('preview.documents')} data-testid="article-view">
      <FileTabs assets={assets} selected={index} onSelect={setIndex} label={t('preview.documents')} />
      <DocumentBody key={asset.id} asset={asset} />
      <AssetFacts asset={asset} />
    </section>
  );
}

function DocumentBody({ asset }: { asset: ReviewAsset }): JSX.Element {
  const kind = documentKind(asset.fileName);
  switch (kind) {
    case 'text':
      return <TextDocument asset={asset} />;
    case 'html':
      return <HtmlDocument asset={asset} />;
    case 'pdf':
      return <PdfDocument asset={asset} />;
    case 'other':
      return <NoPreview asset={asset} />;
    default: {
      const never: never = kind;
      throw new Error(`preview: unknown document kind ${String(never)}`);
    }
  }
}

type Loaded = { state: 'loading' } | { state: 'error'; retry(): void } | { state: 'done'; bytes: Uint8Array; truncated: boolean };

/** The file's bytes (the first DOCUMENT_BYTE_LIMIT of them, by a range request, for huge files). */
function useDocumentBytes(asset: ReviewAsset): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  /** Bumped after the file was re-checked: fetch it again. */
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const truncated = asset.sizeBytes > DOCUMENT_BYTE_LIMIT;
    setLoaded({ state: 'loading' });
    fetch(mediaUrl(asset.id), {
      signal: controller.signal,
      headers: truncated ? { Range: `bytes=0-${DOCUMENT_BYTE_LIMIT - 1}` } : undefined,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`preview: HTTP ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        setLoaded({ state: 'done', bytes: bytes.subarray(0, DOCUMENT_BYTE_LIMIT), truncated: truncated || bytes.length > DOCUMENT_BYTE_LIMIT });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ state: 'error', retry: () => setAttempt((n) => n + 1) });
      });
    return () => controller.abort();
  }, [asset.id, asset.sizeBytes, attempt]);
  return loaded;
}

function LoadState({ loaded, asset }: { loaded: Loaded; asset: ReviewAsset }): JSX.Element | null {
  const { t } = useTranslation();
  if (loaded.state === 'loading') return <div className="pv-doc pv-center muted">{t('common.loading')}</div>;
  if (loaded.state === 'error') {
    return <MediaFileProblem className="pv-doc pv-center pv-error" asset={asset} fallback={t('preview.loadError')} onRechecked={loaded.retry} />;
  }
  return null;
}

function TruncatedNote({ truncated, encoding }: { truncated: boolean; encoding: string }): JSX.Element | null {
  const { t, i18n } = useTranslation();
  if (!truncated && encoding === 'utf-8') return null;
  return (
    <p className="pv-note small">
      {truncated && t('preview.truncated', { size: formatBytes(DOCUMENT_BYTE_LIMIT, i18n.language) })}
      {truncated && encoding !== 'utf-8' && ' '}
      {encoding !== 'utf-8' && t('preview.encoding', { encoding: encoding.toUpperCase() })}
    </p>
  );
}

function TextDocument({ asset }: { asset: ReviewAsset }): JSX.Element {
  const loaded = useDocumentBytes(asset);
  const decoded: DecodedText | null = useMemo(
    () => (loaded.state === 'done' ? decodeText(loaded.bytes, { truncated: loaded.truncated }) : null),
    [loaded],
  );
  if (loaded.state !== 'done' || !decoded) return <LoadState loaded={loaded} asset={asset} />;
  return (
    <div className="pv-doc">
      <TruncatedNote truncated={loaded.truncated} encoding={decoded.encoding} />
      <div className="pv-article-scroll" tabIndex={0} data-testid="article-text">
        <article className="pv-article" lang={looksChinese(decoded.text) ? 'zh-CN' : undefined}>
          {decoded.text}
        </article>
      </div>
    </div>
  );
}

function HtmlDocument({ asset }: { asset: ReviewAsset }): JSX.Element {
  const { t } = useTranslation();
  const loaded = useDocumentBytes(asset);
  const view = useMemo(() => {
    if (loaded.state !== 'done') return null;
    const decoded = decodeText(loaded.bytes, { declared: declaredCharset(loaded.bytes), truncated: loaded.truncated });
    // DOMParser documents are inert: no script runs and nothing loads while parsing.
    const parsed = new DOMParser().parseFromString(defuseMarkup(decoded.text), 'text/html');
    const clean = sanitizeArticle(parsed.body);
    const lang = parsed.documentElement.getAttribute('lang') || (looksChinese(decoded.text) ? 'zh-CN' : 'en');
    return { ...clean, srcdoc: buildSrcdoc(clean.html, lang), encoding: decoded.encoding, empty: clean.html.trim() === '' };
  }, [loaded]);
  if (loaded.state !== 'done' || !view) return <LoadState loaded={loaded} asset={asset} />;
  return (
    <div className="pv-doc">
      <p className="pv-note small">
        {t('preview.htmlSafe')}
        {view.removed > 0 && ` ${t('preview.htmlRemoved', { count: view.removed })}`}
      </p>
      <TruncatedNote truncated={loaded.truncated} encoding={view.encoding} />
      {view.empty ? (
        <div className="pv-center muted">{t('preview.htmlEmpty')}</div>
      ) : (
        <iframe className="pv-doc-frame" sandbox="" srcDoc={view.srcdoc} title={asset.fileName} referrerPolicy="no-referrer" data-testid="article-html" />
      )}
    </div>
  );
}

function PdfDocument({ asset }: { asset: ReviewAsset }): JSX.Element {
  const { t } = useTranslation();
  const openPdf = pdfOpener();
  // An <iframe> cannot tell why it stayed empty: ask first whether the file is still the checked one.
  const [attempt, setAttempt] = useState(0);
  const state = useAssetFileState(asset.id, attempt);
  if (state === null) return <div className="pv-doc pv-center muted">{t('common.loading')}</div>;
  if (state !== 'ok') {
    return <MediaFileProblem className="pv-doc pv-center pv-error" asset={asset} fallback={t('preview.loadError')} onRechecked={() => setAttempt((n) => n + 1)} />;
  }
  if (openPdf) {
    // Desktop app: PDFs open in a separate, locked-down viewer window (src-main/electron/pdf-window.ts).
    return (
      <div className="pv-doc pv-empty" data-testid="article-pdf-window">
        <Icon name="file" size={36} />
        <p className="pv-file-name">{asset.fileName}</p>
        <button type="button" onClick={() => void openPdf(asset.id)}>
          {t('preview.openPdf')}
        </button>
        <p className="muted small">{t('preview.pdfWindowNote')}</p>
      </div>
    );
  }
  if (navigator.pdfViewerEnabled === false) {
    return (
      <div className="pv-doc pv-empty">
        <Icon name="file" size={36} />
        <p className="pv-file-name">{asset.fileName}</p>
        <p className="muted">{t('preview.pdfUnavailable')}</p>
      </div>
    );
  }
  return (
    <div className="pv-doc">
      <iframe key={attempt} className="pv-doc-frame" src={mediaUrl(asset.id)} title={asset.fileName} referrerPolicy="no-referrer" data-testid="article-pdf" />
      <p className="pv-note small muted">{t('preview.pdfFallback', { file: asset.fileName })}</p>
    </div>
  );
}

function NoPreview({ asset }: { asset: ReviewAsset }): JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <div className="pv-doc pv-empty" data-testid="no-preview">
      <Icon name="file" size={36} />
      <p className="pv-file-name">{asset.fileName}</p>
      <p className="muted">{formatBytes(asset.sizeBytes, i18n.language)}</p>
      <p className="muted">{t('preview.noPreview')}</p>
    </div>
  );
}
