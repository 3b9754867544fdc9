import { useTranslation } from 'react-i18next';
import { useReviewStore } from '../../stores/useReviewStore';

/** "Saved" appears only after the database acknowledged the last change (see useReviewStore). */
export function SaveIndicator() {
  const { t } = useTranslation();
  const save = useReviewStore((s) => s.save);
  const pending = useReviewStore((s) => s.pending);
  let text = '';
  let cls = 'muted';
  if (pending > 0 || save.kind === 'saving') text = t('review.saving');
  else if (save.kind === 'saved') {
    text = t('review.saved', { revision: save.revision, time: new Date(save.at).toLocaleTimeString(undefined, { hour12: false }) });
    cls = 'ok';
  } else if (save.kind === 'failed') {
    text = t('review.saveFailed');
    cls = 'bad';
  }
  return (
    <span className={`save-indicator ${cls}`} role="status" aria-live="polite" data-testid="save-indicator">
      {text}
    </span>
  );
}
