// Link a folder of works to the campaign's registrations and check every file, with progress,
// ETA and cancel; the result lists files that match nothing and entries that got no file. The folder
// last linked comes back when the tab is opened again (stored per campaign), with "Check again".
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unquotePath } from '../../../src-main/contract/path-text';
import type { CampaignDetail, ResponseOf } from '../../../src-main/contract';
import { ApiError, folderPicker, invoke } from '../api';
import { formatInstant } from '../format';
import { useJob } from '../hooks/useJob';
import { useAppStore } from '../stores/useAppStore';

export function MediaLinkPanel({ campaign, onChecked }: { campaign: CampaignDetail; onChecked(): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [folder, setFolder] = useState('');
  const [pattern, setPattern] = useState('');
  const [last, setLast] = useState<ResponseOf<'media:lastFolder'>>(null);
  const loadLast = useCallback(
    () =>
      run(() => invoke('media:lastFolder', { campaignId: campaign.id })).then((l) => {
        if (!l) return;
        setLast(l);
        // Only fill what the user has not started typing meanwhile.
        setFolder((f) => f || l.folder);
        setPattern((p) => p || (l.pattern ?? ''));
      }),
    [run, campaign.id],
  );
  useEffect(() => {
    void loadLast();
  }, [loadLast]);
  // A failed link shows in the error banner (the panel has no error line of its own).
  const { running, progress: p, result, start: startJob, cancel } = useJob<'media.link'>((status) => {
    if (status.state === 'failed' && status.error) useAppStore.setState({ error: new ApiError(status.error) });
    void loadLast(); // a folder that was read is the one to check again
    onChecked();
  });
  const pick = folderPicker();

  function start(what = { folder, pattern }) {
    const linked = { folder: unquotePath(what.folder), // Explorer's "Copy as path" adds quotes
      pattern: what.pattern.trim() };
    return startJob(() => invoke('media:link', { campaignId: campaign.id, folder: linked.folder, ...(linked.pattern ? { pattern: linked.pattern } : {}) }));
  }

  return (
    <section className="panel" aria-labelledby="link-heading">
      <h2 id="link-heading">{t('compliance.linkTitle')}</h2>
      <p className="muted">{t('compliance.linkHint')}</p>
      {last && (
        <p className="last-folder" data-testid="media-last-folder">
          <span>{t('compliance.lastFolder', { time: formatInstant(last.linkedAt, campaign.timeZone) })}</span> <span className="mono">{last.folder}</span>{' '}
          {!running && (
            <button type="button" onClick={() => void start({ folder: last.folder, pattern: last.pattern ?? '' })} data-testid="media-check-again">
              {t('compliance.checkAgain')}
            </button>
          )}
        </p>
      )}
      <div className="link-form">
        <label className="grow">
          <span>{t('compliance.folder')}</span>
          <input
            type="text"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={t('compliance.folderPlaceholder')}
            data-testid="media-folder"
            spellCheck={false}
          />
        </label>
        {pick && (
          <button type="button" onClick={() => void pick().then((f) => f && setFolder(f))}>
            {t('compliance.browse')}
          </button>
        )}
        <label>
          <span>{t('compliance.pattern')}</span>
          <input type="text" value={pattern} onChange={(e) => setPattern(e.target.value)} title={t('compliance.patternHint')} spellCheck={false} />
        </label>
        {running ? (
          <button type="button" onClick={() => void cancel()} data-testid="media-cancel">
            {t('compliance.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={!folder.trim()} onClick={() => void start()} data-testid="media-link">
            {t('compliance.linkStart')}
          </button>
        )}
      </div>
      {p && (running || !result) && (
        <div className="progress" data-testid="media-progress" role="status">
          <progress max={Math.max(1, p.total)} value={p.done} />
          <span>
            {t('compliance.progress', p)}
            {running && p.etaSeconds !== null && ` · ${t('compliance.eta', { seconds: Math.ceil(p.etaSeconds) })}`}
          </span>
        </div>
      )}
      {result && (
        <div className="link-result" data-testid="media-link-result">
          <p>
            {result.cancelled
              ? t('compliance.linkCancelled', { linked: result.filesLinked })
              : t('compliance.linkDone', { linked: result.filesLinked, entries: result.entriesLinked, found: result.filesFound })}
          </p>
          {result.unmatchedFiles.length > 0 && (
            <details>
              <summary>{t('compliance.unmatchedFiles', { count: result.unmatchedFiles.length })}</summary>
              <ul className="mono small file-list">
                {result.unmatchedFiles.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </details>
          )}
          {result.entriesWithoutFiles.length > 0 && (
            <details>
              <summary>{t('compliance.entriesWithoutFiles', { count: result.entriesWithoutFiles.length })}</summary>
              <p className="mono small">{result.entriesWithoutFiles.join(', ')}</p>
            </details>
          )}
          {result.incompleteEntries.length > 0 && (
            <details data-testid="incomplete-entries">
              <summary>{t('compliance.incompleteEntries', { count: result.incompleteEntries.length })}</summary>
              <p className="mono small">{result.incompleteEntries.join(', ')}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
