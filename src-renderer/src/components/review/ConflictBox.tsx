import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewState } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useReviewStore } from '../../stores/useReviewStore';

/** Declaring a conflict of interest takes the entry out of this judge's scoring until withdrawn. */
export function ConflictBox({ review }: { review: ReviewState }) {
  const { t } = useTranslation();
  const commit = useReviewStore((s) => s.commit);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  if (review.conflict) {
    return (
      <button type="button" onClick={() => void commit((ref) => invoke('review:conflict', { ...ref, declare: false }), (r) => ({ ...r, conflict: null }))} data-testid="withdraw-conflict">
        {t('review.withdrawConflict')}
      </button>
    );
  }
  if (!open) {
    return (
      <button type="button" className="subtle" onClick={() => setOpen(true)} data-testid="declare-conflict">
        {t('review.declareConflict')}
      </button>
    );
  }
  return (
    <form
      className="conflict-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return;
        void commit((ref) => invoke('review:conflict', { ...ref, declare: true, reason }), (r) => ({ ...r, status: 'conflict', conflict: { reason, declaredAt: new Date().toISOString() } }));
        setOpen(false);
      }}
    >
      <label>
        <span>{t('review.conflictReason')}</span>
        <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} data-testid="conflict-reason" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} />
      </label>
      <button type="submit" className="primary" disabled={!reason.trim()} data-testid="confirm-conflict">
        {t('review.confirmConflict')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('common.cancelAction')}
      </button>
    </form>
  );
}
