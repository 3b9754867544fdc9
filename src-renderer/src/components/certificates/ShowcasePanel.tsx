// Announcing results (issue 17) beside the certificates: export the published winners as a
// static bilingual showcase folder, and posters for WeChat (story 1080×1920 or square 1080×1080),
// each as a job with progress and cancel. The showcase is a folder (index.html + assets/): the
// desktop app shows it in the file manager; both shells print where it is. Posters are shown as
// thumbnails and open (download) one by one; they exist only for winners whose certificate is
// issued, because their QR must verify — the panel says how many wait for one.
// Before the showcase is exported, a frame of each winning video is captured here (videoFrame.ts)
// and kept by the main side as that video's cover; a video this browser cannot decode keeps the
// drawn card, and the panel names it. Capturing shows its progress and can be cancelled.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, PosterJob, PosterLanguage, PosterSize } from '../../../../src-main/contract';
import { invoke, mediaUrl } from '../../api';
import { downloadBase64, fileToBase64 } from '../../files';
import { useJob } from '../../hooks/useJob';
import { useChannel } from '../../queries';
import { useAppStore } from '../../stores/useAppStore';
import { captureFrame } from './videoFrame';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const PREVIEWS = 3;

export function ShowcasePanel({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const snapshots = useChannel('ranking:snapshots', { campaignId: campaign.id }).data;
  const unpublished = snapshots !== undefined && snapshots.length === 0;
  const [size, setSize] = useState<PosterSize>('story');
  const [language, setLanguage] = useState<PosterLanguage>('bilingual');
  const [previews, setPreviews] = useState<{ file: string; url: string }[]>([]);
  const showcase = useJob<'showcase.export'>();
  // Frames of the winning videos, captured before the export job starts.
  const [capture, setCapture] = useState<{ done: number; total: number } | null>(null);
  const [captureCancelled, setCaptureCancelled] = useState(false);
  const [undecodable, setUndecodable] = useState<string[] | null>(null);
  const captureAbort = useRef<AbortController | null>(null);

  async function exportShowcase() {
    const abort = new AbortController();
    captureAbort.current = abort;
    setCaptureCancelled(false);
    setUndecodable(null);
    const videos = await run(() => invoke('showcase:videoWinners', { campaignId: campaign.id }));
    if (!videos) return;
    // A frame of the video as it is now is kept already: no need to decode it again.
    const todo = videos.filter((v) => !v.stored);
    const failed: string[] = [];
    setCapture({ done: 0, total: todo.length });
    for (const [i, video] of todo.entries()) {
      if (abort.signal.aborted) break;
      try {
        const frame = await captureFrame(mediaUrl(video.assetId), abort.signal);
        await invoke('showcase:storeFrame', { campaignId: campaign.id, entryId: video.entryId, assetId: video.assetId, imageBase64: await fileToBase64(frame) });
      } catch {
        // Not decodable here (or refused as a picture): the drawn card stands in; never fails the export.
        if (!abort.signal.aborted) failed.push(video.title || video.regNo);
      }
      setCapture({ done: i + 1, total: todo.length });
    }
    setCapture(null);
    captureAbort.current = null;
    if (abort.signal.aborted) return void setCaptureCancelled(true);
    setUndecodable(failed);
    await showcase.start(() => invoke('showcase:export', { campaignId: campaign.id }));
  }
  // The first posters are fetched once the job ends, to show what was made.
  const posters = useJob<'posters.export'>((job: PosterJob) => {
    const files = job.result?.files.slice(0, PREVIEWS) ?? [];
    void Promise.all(files.map((file) => invoke('showcase:jobFile', { jobId: job.jobId, file }).then((got) => ({ file, url: `data:${got.mimeType};base64,${got.contentBase64}` })))).then(
      setPreviews,
      () => setPreviews([]),
    );
  });

  const openPoster = async (file: string) => {
    if (!posters.job) return;
    const got = await run(() => invoke('showcase:jobFile', { jobId: posters.job!.jobId, file }));
    if (got) downloadBase64(got.fileName, got.mimeType, got.contentBase64);
  };
  const bridge = window.kepu;
  const showcaseResult = showcase.job?.state !== 'running' ? showcase.job?.result : null;
  const posterResult = posters.job?.state !== 'running' ? posters.job?.result : null;

  return (
    <section className="panel" data-testid="showcase-panel">
      <div className="section-head">
        <h2>{t('announce.title')}</h2>
      </div>
      <p className="muted small">{t('announce.explain')}</p>
      {unpublished && <p className="muted" data-testid="showcase-unpublished">{t('announce.unpublished')}</p>}

      <h3>{t('announce.showcase.title')}</h3>
      <p className="muted small">{t('announce.showcase.explain')}</p>
      <div className="letters-form">
        <button type="button" className="primary" disabled={showcase.running || capture !== null || unpublished} onClick={() => void exportShowcase()} data-testid="showcase-export">
          {t('announce.showcase.export')}
        </button>
      </div>
      {capture && (
        <div className="job-status" data-testid="showcase-frames" role="status">
          <progress max={capture.total || 1} value={capture.done} /> {t('announce.frames.capturing', { done: capture.done, total: capture.total })}{' '}
          <button type="button" onClick={() => captureAbort.current?.abort()} data-testid="showcase-frames-cancel">
            {t('common.cancelAction')}
          </button>
        </div>
      )}
      {captureCancelled && (
        <p className="muted small" data-testid="showcase-frames-cancelled">
          {t('announce.frames.cancelled')}
        </p>
      )}
      {undecodable && undecodable.length > 0 && (
        <p className="warning small" data-testid="showcase-frames-fallback">
          {t('announce.frames.fallback', { count: undecodable.length, titles: undecodable.join(t('membership.separator')) })}
        </p>
      )}
      {showcase.job && (
        <div className="job-status" data-testid="showcase-job" role="status">
          {showcase.running && (
            <>
              <progress max={showcase.job.progress?.total || 1} value={showcase.job.progress?.done ?? 0} /> {t('announce.running', { done: showcase.job.progress?.done ?? 0, total: showcase.job.progress?.total ?? 0 })}{' '}
              <button type="button" onClick={() => void showcase.cancel()} data-testid="showcase-cancel">
                {t('common.cancelAction')}
              </button>
            </>
          )}
          {showcaseResult && (
            <div className="letters-result">
              <p data-testid="showcase-done">
                {showcaseResult.cancelled
                  ? t('announce.cancelled')
                  : t('announce.showcase.done', { count: showcaseResult.winners, lists: showcaseResult.lists, certified: showcaseResult.withCertificate })}
              </p>
              {showcaseResult.index && (
                <p className="small">
                  {t('announce.showcase.openHint')} <code data-testid="showcase-path">{showcaseResult.index}</code>{' '}
                  {bridge && (
                    <button type="button" onClick={() => void bridge.showInFolder(showcaseResult.index!)} data-testid="showcase-show">
                      {t('announce.showInFolder')}
                    </button>
                  )}
                </p>
              )}
              <p className="muted small" data-testid="showcase-covers">
                {t('announce.showcase.covers', { frame: showcaseResult.covers.frame, image: showcaseResult.covers.image, screenshot: showcaseResult.covers.screenshot, card: showcaseResult.covers.card })}
              </p>
            </div>
          )}
          {showcase.errorText && <p className="verdict-fail">{showcase.errorText}</p>}
        </div>
      )}

      <h3>{t('announce.posters.title')}</h3>
      <p className="muted small">{t('announce.posters.explain')}</p>
      <div className="letters-form">
        <label className="inline-label">
          {t('announce.posters.size')}{' '}
          <select value={size} onChange={(e) => setSize(e.target.value as PosterSize)} data-testid="posters-size">
            <option value="story">{t('announce.posters.sizes.story')}</option>
            <option value="square">{t('announce.posters.sizes.square')}</option>
          </select>
        </label>{' '}
        <label className="inline-label">
          {t('announce.posters.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as PosterLanguage)} data-testid="posters-language">
            <option value="bilingual">{t('announce.posters.languages.bilingual')}</option>
            <option value="zh-CN">{t('announce.posters.languages.zh')}</option>
            <option value="en">{t('announce.posters.languages.en')}</option>
          </select>
        </label>{' '}
        <button
          type="button"
          className="primary"
          disabled={posters.running || unpublished}
          onClick={() => {
            setPreviews([]);
            void posters.start(() => invoke('posters:export', { campaignId: campaign.id, size, language }));
          }}
          data-testid="posters-export"
        >
          {t('announce.posters.export')}
        </button>
      </div>
      {posters.job && (
        <div className="job-status" data-testid="posters-job" role="status">
          {posters.running && (
            <>
              <progress max={posters.job.progress?.total || 1} value={posters.job.progress?.done ?? 0} /> {t('announce.running', { done: posters.job.progress?.done ?? 0, total: posters.job.progress?.total ?? 0 })}{' '}
              <button type="button" onClick={() => void posters.cancel()} data-testid="posters-cancel">
                {t('common.cancelAction')}
              </button>
            </>
          )}
          {posterResult && (
            <div className="letters-result">
              <p data-testid="posters-done">
                {t(posterResult.cancelled ? 'announce.posters.cancelled' : 'announce.posters.done', { count: posterResult.posters, dir: posterResult.outDir })}
              </p>
              {posterResult.withoutCertificate > 0 && (
                <p className="warning small" data-testid="posters-waiting">
                  {t('announce.posters.withoutCertificate', { count: posterResult.withoutCertificate })}
                </p>
              )}
              {previews.length > 0 && (
                <div className="poster-previews" data-testid="poster-previews">
                  {previews.map((p) => (
                    <img key={p.file} src={p.url} alt={baseName(p.file)} className={`poster-preview poster-${posterResult.size}`} />
                  ))}
                </div>
              )}
              <ul className="plain small letters-list" data-testid="posters-files">
                {posterResult.files.map((f) => (
                  <li key={f}>
                    <button type="button" className="link" onClick={() => void openPoster(f)} data-testid="posters-open">
                      {baseName(f)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {posters.errorText && <p className="verdict-fail">{posters.errorText}</p>}
        </div>
      )}
    </section>
  );
}
