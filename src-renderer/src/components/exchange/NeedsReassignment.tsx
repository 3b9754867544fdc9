// The entries short of judges, worst first, each saying why (same institution as the entrant, a
// conflict declared — that judge stays on record but no longer counts —, a judge taken off, too
// few judges) with its registration number opening the entry, and one click to give it the judges
// it lacks: the assignment run on that entry alone, with the rules on screen, choosing the least
// loaded judges allowed (core/assignment/run-assignment.ts, entryIds).
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { useAppStore } from '../../stores/useAppStore';

type Coverage = ResponseOf<'assignment:coverage'>;

export function NeedsReassignment({ campaignId, coverage, rules, onOpenEntry, onDone }: {
  campaignId: string;
  coverage: Coverage;
  rules: { categoryMatching: boolean; excludeOwnInstitution: boolean };
  onOpenEntry?: (entryId: number) => void;
  /** After a reassignment: what it did, for the panel's notice, and a refresh. */
  onDone(notice: string): void;
}) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  if (coverage.short.length === 0) return null;

  async function reassign(entryId: number, regNo: string) {
    const r = await run(() => invoke('assignment:run', { campaignId, entryIds: [entryId], ...rules }));
    if (r) onDone(r.added > 0 ? t('exchange.reassigned', { count: r.added, regNo }) : t('exchange.reassignNone', { regNo }));
  }

  return (
    <details data-testid="short-entries">
      <summary>{t('exchange.shortEntries', { count: coverage.totals.partial + coverage.totals.unassigned })}</summary>
      <ul className="plain small short-entries">
        {coverage.short.map((e) => (
          <li key={e.entryId} data-testid="short-entry">
            <button type="button" className="link mono" title={t('exchange.shortOpen', { regNo: e.regNo })} onClick={() => onOpenEntry?.(e.entryId)}>
              {e.regNo}
            </button>{' '}
            {e.assigned}/{e.wanted}
            <span className="muted" data-testid="short-reasons">
              {' — '}
              {e.reasons
                .map((r) => t(`exchange.shortReason.${r.reason}`, { judges: r.judges.join(t('common.listSeparator')), eligible: e.eligible, wanted: e.wanted }))
                .join(t('exchange.reasonSeparator'))}
            </span>{' '}
            {e.eligible > e.assigned && (
              <button type="button" className="subtle" onClick={() => void reassign(e.entryId, e.regNo)} data-testid="short-reassign">
                {t('exchange.reassign', { count: Math.min(e.wanted, e.eligible) - e.assigned })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
