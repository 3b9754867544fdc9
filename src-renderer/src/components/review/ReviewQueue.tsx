// The judge's assigned entries with their status, a filter, a search and progress per category.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, QueueRow, ReviewStatus } from '../../../../src-main/contract';
import { localized } from '../../format';
import { useKeptScroll, useKeptValue } from '../../hooks/useKeptList';
import { useReviewStore } from '../../stores/useReviewStore';
import { EmptyState } from '../EmptyState';

const STATUS_ICON: Record<ReviewStatus, string> = { not_started: '○', in_progress: '◐', complete: '●', conflict: '⊘' };

export function ReviewQueue({ campaignId, definition }: { campaignId: string; definition: CampaignDefinition }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { queue, entryId, select } = useReviewStore();
  // Filter, search and scroll position are kept when the user switches tabs and comes back.
  const [status, setStatus] = useKeptValue<ReviewStatus | ''>(campaignId, 'queue', 'status', '');
  const [query, setQuery] = useKeptValue(campaignId, 'queue', 'query', '');
  const keptScroll = useKeptScroll<HTMLOListElement>(campaignId, 'queue', Boolean(queue && queue.rows.length > 0));

  // Keyboard navigation (n / p / u) keeps the current entry in view.
  useEffect(() => {
    document.querySelector('.queue-item.current')?.scrollIntoView({ block: 'nearest' });
  }, [entryId]);

  const groupLabel = useMemo(() => {
    const labels = new Map<string, string>();
    for (const k of definition.entryKinds) {
      labels.set(`${k.kind}/`, localized(k.label, lang));
      for (const c of k.categories) labels.set(`${k.kind}/${c.key}`, localized(c.label, lang));
    }
    return (kind: string, category: string | null) => labels.get(`${kind}/${category ?? ''}`) ?? labels.get(`${kind}/`) ?? kind;
  }, [definition, lang]);

  if (!queue) return <nav className="review-queue muted">{t('common.loading')}</nav>;
  const q = query.trim().toLowerCase();
  const rows = queue.rows.filter(
    (r: QueueRow) => (!status || r.status === status) && (!q || r.title.toLowerCase().includes(q) || r.regNo.toLowerCase().includes(q)),
  );
  return (
    <nav className="review-queue" aria-label={t('review.queue')} data-testid="review-queue">
      <div className="queue-progress" data-testid="queue-progress">
        <strong>{t('review.progress', { done: queue.progress.finished, total: queue.progress.assigned })}</strong>
        {queue.progress.conflicts > 0 && <span className="muted small" data-testid="queue-conflicts"> · {t('review.conflictCount', { count: queue.progress.conflicts })}</span>}
        <progress max={Math.max(1, queue.progress.assigned)} value={queue.progress.finished} />
        <ul className="group-progress small">
          {queue.progress.byGroup.map((g) => (
            <li key={`${g.kind}/${g.category}`} data-testid="group-progress">
              {groupLabel(g.kind, g.category)} {g.finished}/{g.assigned}
              {g.conflicts > 0 && ` · ${t('review.conflictCount', { count: g.conflicts })}`}
            </li>
          ))}
        </ul>
      </div>
      <div className="queue-filters">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('review.searchQueue')} aria-label={t('review.searchQueue')} />
        <select value={status} onChange={(e) => setStatus(e.target.value as ReviewStatus | '')} aria-label={t('review.filterStatus')}>
          <option value="">{t('review.allStatuses')}</option>
          {(['not_started', 'in_progress', 'complete', 'conflict'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`review.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {queue.rows.length === 0 && <EmptyState testId="empty-queue" text={t('empty.queue.text')} actionLabel={t('empty.queue.action')} tab="exchange" />}
      <ol className="queue-list" ref={keptScroll}>
        {rows.map((r) => (
          <li key={r.entryId}>
            <button
              type="button"
              className={`queue-item status-${r.status} ${r.entryId === entryId ? 'current' : ''}`}
              aria-current={r.entryId === entryId ? 'true' : undefined}
              onClick={() => void select(r.entryId)}
              data-testid="queue-item"
            >
              <span className="status-icon" title={t(`review.status.${r.status}`)} aria-label={t(`review.status.${r.status}`)}>
                {STATUS_ICON[r.status]}
              </span>
              <span className="queue-text">
                <span className="queue-title">{r.title}</span>
                <span className="muted small">
                  {r.regNo} · {groupLabel(r.kind, r.category)}
                </span>
              </span>
              <span className="queue-total num">{r.total === null || r.status === 'conflict' ? '' : r.total.toFixed(1)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
