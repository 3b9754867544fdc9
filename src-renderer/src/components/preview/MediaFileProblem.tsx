// What a viewer shows when a file would not load: the shells refuse a file that changed since it
// was checked, vanished, or was replaced by a link (guarded-open.ts), and a <video>/<img> cannot
// read the reason from the refused response. So the viewer asks for the file's state and says
// which it is; a changed file can be re-checked from here (media:recheckAsset), after which the
// viewer loads it again and the entry's facts and verdict are refreshed.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, invoke } from '../../api';
import { useReviewStore } from '../../stores/useReviewStore';
import { useAssetFileState } from './useAssetFileState';

interface Props {
  asset: { id: number; fileName: string };
  /** The viewer's own message when the file itself is fine (e.g. a codec the player lacks). */
  fallback: string;
  /** Called after a successful re-check: load the file again. */
  onRechecked(): void;
  className?: string;
}

type Recheck = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; error: ApiError };

export function MediaFileProblem({ asset, fallback, onRechecked, className }: Props): JSX.Element {
  const { t } = useTranslation();
  const state = useAssetFileState(asset.id);
  const [recheck, setRecheck] = useState<Recheck>({ kind: 'idle' });

  const runRecheck = async () => {
    setRecheck({ kind: 'running' });
    try {
      const result = await invoke('media:recheckAsset', { assetId: asset.id });
      // The judge's entry shows size and verdict from the database: fetch them again.
      const review = useReviewStore.getState();
      if (review.entryId === result.entryId) void review.select(result.entryId);
      setRecheck({ kind: 'idle' });
      onRechecked();
    } catch (error) {
      setRecheck({ kind: 'failed', error: error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) }) });
    }
  };

  const file = { file: asset.fileName };
  const message =
    state === null
      ? t('common.loading')
      : state === 'changed'
        ? t('errors.MEDIA_FILE_CHANGED', file)
        : state === 'missing'
          ? t('errors.MEDIA_FILE_MISSING', file)
          : state === 'refused'
            ? t('errors.MEDIA_FILE_REFUSED', file)
            : state === 'unreadable'
              ? t('errors.MEDIA_FILE_UNREADABLE', file)
              : fallback;
  return (
    <div className={className ?? 'pv-center'} role="alert" data-testid="media-problem" data-state={state ?? 'loading'}>
      <div>
        <p>{message}</p>
        {state === 'changed' && (
          <button type="button" onClick={() => void runRecheck()} disabled={recheck.kind === 'running'} data-testid="media-recheck">
            {recheck.kind === 'running' ? t('preview.rechecking') : t('preview.recheck')}
          </button>
        )}
        {recheck.kind === 'failed' && <p className="pv-error">{t(`errors.${recheck.error.code}`, { ...recheck.error.params })}</p>}
      </div>
    </div>
  );
}
